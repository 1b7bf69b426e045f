/**
 * Urban–rural and county disparities in words (methodology §4). Gaps are taken between the printed
 * figures, like every change in the reports.
 */
import type { DisparityTrend } from '../assess/disparity.js';
import { changeUnit, formatNumber, formatValue } from './reportNumbers.js';
import { printedDifference } from './reportSentences.js';

export interface UrbanRuralFigure {
  name: string;
  unit: string;
  digits: number;
  place: string;
  year: number;
  urban: number;
  rural: number;
  baselineYear: number | null;
  baselineUrban: number | null;
  baselineRural: number | null;
}

function gapText(difference: number, unit: string, digits: number): string {
  return `${formatNumber(Math.abs(difference), digits)}${changeUnit(unit)}`;
}

/** 缩小0.6个千分点 / 扩大… / 持平 of a gap against its baseline, as printed. */
function gapChange(latestGap: number, baselineGap: number, baselineYear: number, unit: string, digits: number): string {
  const change = printedDifference(latestGap, baselineGap, digits);
  if (change === 0) return `与${baselineYear}年持平`;
  return `比${baselineYear}年${change < 0 ? '缩小' : '扩大'}${gapText(change, unit, digits)}`;
}

/** 「2024年,四平市城镇和农村5岁以下儿童死亡率分别为5.1‰和7.8‰,城乡差距为2.7个千分点,比2020年缩小0.6个千分点。」 */
export function urbanRuralSentence(f: UrbanRuralFigure): string {
  const gap = Math.abs(printedDifference(f.urban, f.rural, f.digits));
  const parts = [
    `${f.year}年,${f.place}城镇和农村${f.name}分别为${formatValue(f.urban, f.unit, f.digits)}和${formatValue(f.rural, f.unit, f.digits)}`,
    gap === 0 ? '城乡持平' : `城乡差距为${gapText(gap, f.unit, f.digits)}`,
  ];
  if (f.baselineYear !== null && f.baselineUrban !== null && f.baselineRural !== null) {
    const baselineGap = Math.abs(printedDifference(f.baselineUrban, f.baselineRural, f.digits));
    parts.push(gapChange(gap, baselineGap, f.baselineYear, f.unit, f.digits));
  }
  return `${parts.join(',')}。`;
}

export interface CountyFigure {
  name: string;
  unit: string;
  digits: number;
  year: number;
  counties: number;
  highest: { orgName: string; value: number };
  lowest: { orgName: string; value: number };
  baselineYear: number | null;
  baselineRange: number | null;
}

/**
 * 「2024年,5个县(市、区)中,双辽市儿童伤害死亡率最高,为15.2/10万,铁西区最低,为11.3/10万,相差3.9个
 * 十万分点,比2020年扩大0.5个十万分点。」
 */
export function countySentence(f: CountyFigure): string {
  const range = printedDifference(f.highest.value, f.lowest.value, f.digits);
  const parts = [
    `${f.year}年,${f.counties}个县(市、区)中,${f.highest.orgName}${f.name}最高,为${formatValue(f.highest.value, f.unit, f.digits)}`,
    `${f.lowest.orgName}最低,为${formatValue(f.lowest.value, f.unit, f.digits)}`,
    range === 0 ? '各县(市、区)持平' : `相差${gapText(range, f.unit, f.digits)}`,
  ];
  if (f.baselineYear !== null && f.baselineRange !== null && range !== 0) {
    parts.push(gapChange(range, f.baselineRange, f.baselineYear, f.unit, f.digits));
  }
  return `${parts.join(',')}。`;
}

export interface TrendCounts {
  narrowing: number;
  widening: number;
  stable: number;
}

/** 「在有城乡分组数据的3项指标中,与2020年相比,城乡差距缩小的有2项,扩大的有1项。」 */
export function trendSummarySentence(what: string, gapName: string, baselineYear: number, c: TrendCounts): string {
  const total = c.narrowing + c.widening + c.stable;
  if (total === 0) return '';
  const parts = [
    ['缩小', c.narrowing],
    ['扩大', c.widening],
    ['持平', c.stable],
  ] as const;
  const listed = parts.filter(([, n]) => n > 0).map(([word, n]) => `${word}的有${n}项`);
  return `在有${what}的${total}项指标中,与${baselineYear}年相比,${gapName}${listed.join(',')}。`;
}

/** The bold judgement of a disparity finding: 城乡差距总体缩小。 · 县(市、区)间差距有所扩大。 · …总体稳定。 */
export function disparityJudgement(gapName: string, c: TrendCounts): string {
  if (c.narrowing > c.widening + c.stable) return `${gapName}总体缩小。`;
  if (c.widening > c.narrowing) return `${gapName}有所扩大。`;
  return `${gapName}总体稳定。`;
}

/**
 * A gap's trend as the reader sees it: the printed gaps compared, so that a gap the text calls
 * 持平 is never counted as widening.
 */
export function printedTrend(latestGap: number, baselineGap: number, digits: number): DisparityTrend {
  const change = printedDifference(latestGap, baselineGap, digits);
  return change < 0 ? 'narrowing' : change > 0 ? 'widening' : 'stable';
}
