/**
 * Sentences with figures in the form of the national statistical monitoring reports
 * (report-style.md): 「{年}年,{地区}{指标}为{值}{单位},比上年{上升/下降}{差}{个百分点/个千分点},{判断}。」
 * Changes are taken between the printed (rounded) figures, so a reader can check them against the table.
 */
import type { Status } from '../assess/types.js';
import type { TargetKind } from '../plan/types.js';
import { joinNames } from './numbering.js';
import { changeUnit, formatNumber, formatPercent, formatValue, isRateUnit, roundTo, unitSuffix } from './reportNumbers.js';

/** Targets that hold every year rather than by a target year: achieving them is not "提前". */
const ONGOING_KINDS: readonly TargetKind[] = ['maintain_min', 'no_increase', 'trend_down', 'trend_up'];

/** The target year a judgement compares with: null for targets that hold every year. */
export function judgementTargetYear(kind: TargetKind | null, targetYear: number | null): number | null {
  if (kind === null || ONGOING_KINDS.includes(kind)) return null;
  return targetYear;
}

/**
 * The judgement against the target, in the issue's words: 已提前实现规划目标 (achieved before the
 * target year) or 实现规划目标, 进展顺利, 需加快进度, 距目标尚有差距, 出现退步. Empty without a target.
 */
export function statusJudgement(status: Status, year: number, targetYear: number | null): string {
  switch (status) {
    case 'achieved':
      return targetYear !== null && year < targetYear ? '已提前实现规划目标' : '实现规划目标';
    case 'on_track':
      return '进展顺利';
    case 'needs_acceleration':
      return '需加快进度';
    case 'off_track':
      return '距目标尚有差距';
    case 'regressing':
      return '出现退步';
    case 'insufficient_data':
      return '尚无法判断进展';
    case 'not_assessed':
      return '';
  }
}

/** The difference of two figures as printed: both rounded first, then the difference. */
export function printedDifference(current: number, previous: number, digits: number): number {
  return roundTo(roundTo(current, digits) - roundTo(previous, digits), digits);
}

/**
 * 比上年下降0.3个千分点 · 比上年上升1.2个百分点 · 比上年增加0.03人 · 与上年持平.
 * `reference` names what is compared with: 上年, 2020年.
 */
export function changeClause(current: number, previous: number, unit: string, digits: number, reference = '上年'): string {
  const difference = printedDifference(current, previous, digits);
  if (difference === 0) return `与${reference}持平`;
  const rate = isRateUnit(unit);
  const verb = difference < 0 ? (rate ? '下降' : '减少') : rate ? '上升' : '增加';
  return `比${reference}${verb}${formatNumber(Math.abs(difference), digits)}${changeUnit(unit)}`;
}

/** 比上年增长5.2% · 比上年下降3.1% · 与上年持平: a count's change as a percentage of the earlier count. */
export function percentChangeClause(current: number, previous: number, reference = '上年'): string {
  if (previous === 0) return current === 0 ? `与${reference}持平` : '';
  const change = roundTo((current / previous - 1) * 100, 1);
  if (change === 0) return `与${reference}持平`;
  return `比${reference}${change < 0 ? '下降' : '增长'}${formatNumber(Math.abs(change), 1)}%`;
}

/** 由2020年的5.4‰下降到4.0‰ (or …下降到2024年的4.0‰ with `toYear`); 与2020年持平,为4.0‰. */
export function fromToClause(
  fromYear: number,
  from: number,
  to: number,
  unit: string,
  digits: number,
  toYear: number | null = null,
): string {
  const target = `${toYear === null ? '' : `${toYear}年的`}${formatValue(to, unit, digits)}`;
  const difference = printedDifference(to, from, digits);
  if (difference === 0) return `与${fromYear}年持平,为${formatValue(to, unit, digits)}`;
  const rate = isRateUnit(unit);
  const verb = difference < 0 ? (rate ? '下降到' : '减少到') : rate ? '上升到' : '增加到';
  return `由${fromYear}年的${formatValue(from, unit, digits)}${verb}${target}`;
}

/** One indicator's figure for a sentence. */
export interface IndicatorFigure {
  name: string;
  unit: string;
  /** Decimals of the printed figures (valueDigits). */
  digits: number;
  /** The year of the value. */
  year: number;
  value: number;
  /** The value of the year before; null when there is none. */
  previous: number | null;
  status: Status;
  /** The target year the judgement compares with (judgementTargetYear). */
  targetYear: number | null;
  /** A count may change by a percentage (增长5.2%) rather than an amount; amount by default. */
  changeAs?: 'amount' | 'percent';
}

function changeOf(f: IndicatorFigure): string {
  if (f.previous === null) return '';
  return f.changeAs === 'percent' ? percentChangeClause(f.value, f.previous) : changeClause(f.value, f.previous, f.unit, f.digits);
}

/** 「2024年,四平市新生儿死亡率为2.9‰,比上年下降0.3个千分点,已提前实现规划目标。」 */
export function indicatorSentence(place: string, f: IndicatorFigure): string {
  const parts = [`${f.year}年,${place}${f.name}为${formatValue(f.value, f.unit, f.digits)}`];
  const change = changeOf(f);
  if (change) parts.push(change);
  const judgement = statusJudgement(f.status, f.year, f.targetYear);
  if (judgement) parts.push(judgement);
  return `${parts.join(',')}。`;
}

/** 分别比上年下降0.3个、0.5个和0.6个千分点 when all moved the same way; each indicator's own change otherwise. */
function jointChange(figures: readonly IndicatorFigure[]): string {
  const withPrevious = figures.filter((f) => f.previous !== null);
  if (withPrevious.length === 0) return '';
  const first = figures[0];
  const differences = figures.map((f) => (f.previous === null ? null : printedDifference(f.value, f.previous, f.digits)));
  const sameUnit = figures.every((f) => f.unit === first?.unit && f.changeAs !== 'percent');
  if (first && sameUnit && differences.every((d) => d !== null && d === 0)) return '均与上年持平';
  const signs = new Set(differences.map((d) => (d === null ? 0 : Math.sign(d))));
  if (first && sameUnit && withPrevious.length === figures.length && signs.size === 1 && !signs.has(0)) {
    const falling = signs.has(-1);
    const rate = isRateUnit(first.unit);
    const verb = falling ? (rate ? '下降' : '减少') : rate ? '上升' : '增加';
    const amounts = figures.map((f, i) => formatNumber(Math.abs(differences[i] ?? 0), f.digits));
    const listed = rate
      ? `${joinNames(amounts.map((a) => `${a}个`))}${changeUnit(first.unit).slice(1)}`
      : joinNames(amounts.map((a) => `${a}${unitSuffix(first.unit)}`));
    return `分别比上年${verb}${listed}`;
  }
  return withPrevious.map((f) => `${f.name}${changeOf(f)}`).join(',');
}

/** 均进展顺利 when one judgement holds for all; 其中甲已提前实现规划目标,乙和丙进展顺利 otherwise. */
function jointJudgement(figures: readonly IndicatorFigure[]): string {
  const groups = new Map<string, string[]>();
  for (const f of figures) {
    const judgement = statusJudgement(f.status, f.year, f.targetYear);
    if (!judgement) continue;
    groups.set(judgement, [...(groups.get(judgement) ?? []), f.name]);
  }
  const [only] = groups.keys();
  if (groups.size === 1 && only !== undefined && (groups.get(only)?.length ?? 0) === figures.length) return `均${only}`;
  const parts = [...groups].map(([judgement, names]) => `${joinNames(names)}${judgement}`);
  return parts.length === 0 ? '' : `其中${parts.join(',')}`;
}

/**
 * Several indicators of one year in one sentence: 「2024年,四平市新生儿死亡率、婴儿死亡率和5岁以下
 * 儿童死亡率分别为2.5‰、4.0‰和5.6‰,分别比上年下降0.3个、0.5个和0.6个千分点,均进展顺利。」
 * One figure gives indicatorSentence.
 */
export function indicatorsSentence(place: string, figures: readonly IndicatorFigure[]): string {
  const [first] = figures;
  if (!first) return '';
  if (figures.length === 1) return indicatorSentence(place, first);
  const names = joinNames(figures.map((f) => f.name));
  const values = joinNames(figures.map((f) => formatValue(f.value, f.unit, f.digits)));
  const parts = [`${first.year}年,${place}${names}分别为${values}`];
  const change = jointChange(figures);
  if (change) parts.push(change);
  const judgement = jointJudgement(figures);
  if (judgement) parts.push(judgement);
  return `${parts.join(',')}。`;
}

/** The counts a summary line needs (StatusSummary of src/core/assess/summary.ts). */
export interface SummaryCounts {
  total: number;
  assessed: number;
  achieved: number;
  insufficientData: number;
  notAssessed: number;
}

/**
 * 「在可监测的33项指标中,有31项已实现目标,达标率93.9%;另有2项指标因缺少数据暂无法监测。」
 * With `domainName`: 「在儿童与健康领域可监测的19项指标中,…」.
 */
export function summarySentence(c: SummaryCounts, domainName: string | null = null): string {
  const scope = domainName === null ? '' : `${domainName}领域`;
  if (c.total === 0) return `${scope || '本次'}暂无监测指标。`;
  const extra: string[] = [];
  if (c.insufficientData > 0) extra.push(`另有${c.insufficientData}项指标因缺少数据暂无法监测`);
  if (c.notAssessed > 0) extra.push(`另有${c.notAssessed}项指标无量化目标,不计入达标率`);
  if (c.assessed === 0) {
    if (c.insufficientData === c.total) return `${scope || '全部'}${c.total}项指标均因缺少数据暂无法监测。`;
    return `${[`${scope}暂无可监测的指标`, ...extra].join(';').replace(/;另有/g, ';')}。`;
  }
  const rate = formatPercent(c.achieved / c.assessed);
  const main =
    c.achieved === 0
      ? `在${scope}可监测的${c.assessed}项指标中,尚无指标实现目标,达标率${rate}`
      : `在${scope}可监测的${c.assessed}项指标中,有${c.achieved}项已实现目标,达标率${rate}`;
  return `${[main, ...extra].join(';')}。`;
}

const BREAKDOWN: readonly [Status, string][] = [
  ['on_track', '进展顺利'],
  ['needs_acceleration', '需加快进度'],
  ['off_track', '距目标尚有差距'],
  ['regressing', '出现退步'],
];

/** 「其余指标中,进展顺利15项,需加快进度2项,距目标尚有差距4项,出现退步3项。」; empty when none remain. */
export function breakdownSentence(counts: Readonly<Record<Status, number>>): string {
  const parts = BREAKDOWN.filter(([s]) => counts[s] > 0).map(([s, words]) => `${words}${counts[s]}项`);
  return parts.length === 0 ? '' : `其余指标中,${parts.join(',')}。`;
}

/** 「儿童溺水死亡率和儿童伤害死亡率缺少监测数据,暂无法监测。」 */
export function missingDataSentence(names: readonly string[]): string {
  if (names.length === 0) return '';
  return `${joinNames(names)}缺少监测数据,暂无法监测。`;
}

/** A unit's judgement for a comparison: its name, status and the target year the judgement compares with. */
export interface NamedStatus {
  name: string;
  status: Status;
  year: number;
  targetYear: number | null;
}

/** 「铁西区和梨树县已提前实现规划目标,铁东区进展顺利,双辽市出现退步。」 · 「各县(市、区)均进展顺利。」 */
export function judgementsSentence(entries: readonly NamedStatus[], all = '各县(市、区)'): string {
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    const judgement = statusJudgement(e.status, e.year, e.targetYear);
    if (judgement) groups.set(judgement, [...(groups.get(judgement) ?? []), e.name]);
  }
  if (groups.size === 0) return '';
  const [only] = groups.keys();
  if (groups.size === 1 && only !== undefined && (groups.get(only)?.length ?? 0) === entries.length && entries.length > 1) {
    return `${all}均${only}。`;
  }
  return `${[...groups].map(([judgement, names]) => `${joinNames(names)}${judgement}`).join(',')}。`;
}
