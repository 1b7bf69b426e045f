/** Urban–rural and county disparities (methodology §4) in sentences and two tables. */
import type { DisparityRow } from '../app/disparities.js';
import { countyTrend, urbanRuralTrend } from '../app/disparityTrends.js';
import type { DisparityTrend } from '../core/assess/disparity.js';
import { countySentence, disparityJudgement, trendSummarySentence, urbanRuralSentence } from '../core/phrasing/disparitySentences.js';
import { indicatorDigits } from '../core/phrasing/figures.js';
import { formatNumber, formatValue } from '../core/phrasing/reportNumbers.js';
import { printedDifference } from '../core/phrasing/reportSentences.js';
import { findingNumber } from '../core/phrasing/numbering.js';
import type { Paragraph, Section, Table } from './model.js';
import type { ReportData } from './reportData.js';

const TREND_WORDS: Record<DisparityTrend, string> = { narrowing: '缩小', widening: '扩大', stable: '持平' };
/** Widening county gaps named in the text; the table has them all. */
const NAMED_WIDENING = 5;

const trendWord = (t: DisparityTrend | null): string => (t === null ? '—' : TREND_WORDS[t]);

function gap(a: number, b: number, digits: number): string {
  return formatNumber(Math.abs(printedDifference(a, b, digits)), digits);
}

function trendCounts(trends: readonly (DisparityTrend | null)[]): Record<DisparityTrend, number> {
  const c = { narrowing: 0, widening: 0, stable: 0 };
  for (const t of trends) if (t !== null) c[t] += 1;
  return c;
}

function urbanRuralTable(rows: readonly DisparityRow[], baselineYear: number): Table {
  return {
    title: '城乡差距',
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'unit', title: '单位' },
      { key: 'year', title: '年份' },
      { key: 'urban', title: '城镇', numeric: true },
      { key: 'rural', title: '农村', numeric: true },
      { key: 'gap', title: '城乡差距', numeric: true },
      { key: 'baselineGap', title: `${baselineYear}年差距`, numeric: true },
      { key: 'trend', title: '变化' },
    ],
    rows: rows.flatMap((r) => {
      const u = r.urbanRural;
      if (!u) return [];
      const d = indicatorDigits(r.indicator);
      return [
        {
          cells: {
            indicator: r.indicator.name,
            unit: r.indicator.unit,
            year: String(u.latestYear),
            urban: formatNumber(u.urban, d),
            rural: formatNumber(u.rural, d),
            gap: gap(u.urban, u.rural, d),
            baselineGap: u.baselineUrban === null || u.baselineRural === null ? '—' : gap(u.baselineUrban, u.baselineRural, d),
            trend: trendWord(urbanRuralTrend(r)),
          },
        },
      ];
    }),
  };
}

function countyTable(rows: readonly DisparityRow[], baselineYear: number): Table {
  return {
    title: '县(市、区)间差距',
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'unit', title: '单位' },
      { key: 'year', title: '年份' },
      { key: 'highest', title: '最高' },
      { key: 'lowest', title: '最低' },
      { key: 'range', title: '极差', numeric: true },
      { key: 'baselineRange', title: `${baselineYear}年极差`, numeric: true },
      { key: 'trend', title: '变化' },
    ],
    rows: rows.flatMap((r) => {
      const c = r.county;
      if (!c) return [];
      const d = indicatorDigits(r.indicator);
      return [
        {
          cells: {
            indicator: r.indicator.name,
            unit: r.indicator.unit,
            year: String(c.latestYear),
            highest: `${c.max.orgName} ${formatValue(c.max.value, r.indicator.unit, d)}`,
            lowest: `${c.min.orgName} ${formatValue(c.min.value, r.indicator.unit, d)}`,
            range: gap(c.max.value, c.min.value, d),
            baselineRange: c.baselineRange === null ? '—' : formatNumber(c.baselineRange, d),
            trend: trendWord(countyTrend(r)),
          },
        },
      ];
    }),
  };
}

export function disparitySection(data: ReportData, heading: string): Section {
  const { disparities, unit, plan } = data;
  const paragraphs: Paragraph[] = [];
  const urbanRural = disparities.filter((r) => r.urbanRural !== null);
  const county = disparities.filter((r) => r.county !== null);
  if (urbanRural.length > 0) {
    const counts = trendCounts(urbanRural.map(urbanRuralTrend));
    const summary = trendSummarySentence('城乡分组数据', '城乡差距', plan.baselineYear, counts);
    const sentences = urbanRural.map((r) => {
      const u = r.urbanRural;
      if (!u) return '';
      return urbanRuralSentence({
        name: r.indicator.name,
        unit: r.indicator.unit,
        digits: indicatorDigits(r.indicator),
        place: unit.name,
        year: u.latestYear,
        urban: u.urban,
        rural: u.rural,
        baselineYear: u.baselineYear,
        baselineUrban: u.baselineUrban,
        baselineRural: u.baselineRural,
      });
    });
    paragraphs.push({
      bold: `${findingNumber(paragraphs.length + 1)}${disparityJudgement('城乡差距', counts)}`,
      text: `${summary}${sentences.join('')}`,
    });
  }
  if (county.length > 0) {
    const counts = trendCounts(county.map(countyTrend));
    const summary = trendSummarySentence('分县(市、区)数据', '县(市、区)间差距', plan.baselineYear, counts);
    const widening = county.filter((r) => countyTrend(r) === 'widening').slice(0, NAMED_WIDENING);
    const sentences = widening.map((r) => {
      const c = r.county;
      if (!c) return '';
      return countySentence({
        name: r.indicator.name,
        unit: r.indicator.unit,
        digits: indicatorDigits(r.indicator),
        year: c.latestYear,
        counties: c.counties,
        highest: c.max,
        lowest: c.min,
        baselineYear: c.baselineYear,
        baselineRange: c.baselineRange,
      });
    });
    const lead = widening.length > 0 ? '差距扩大的主要有:' : '';
    paragraphs.push({
      bold: `${findingNumber(paragraphs.length + 1)}${disparityJudgement('县(市、区)间差距', counts)}`,
      text: `${summary}${lead}${sentences.join('')}`,
    });
  }
  if (paragraphs.length === 0) paragraphs.push({ text: `${unit.name}暂无城乡分组或分县(市、区)的监测数据。` });
  const tables = [
    ...(urbanRural.length > 0 ? [urbanRuralTable(urbanRural, plan.baselineYear)] : []),
    ...(county.length > 0 ? [countyTable(county, plan.baselineYear)] : []),
  ];
  return { heading, paragraphs, tables, charts: [], subsections: [] };
}
