/**
 * Progress since the baseline in words, for the mid-term and final evaluations: baseline →
 * latest, the actual yearly rate against the rate the target requires (methodology §1.6–1.8), and
 * the projection to the target year for targets expected to be missed (§1.9).
 */
import type { Status } from '../assess/types.js';
import type { TargetKind } from '../plan/types.js';
import { formatNumber, formatValue, roundTo, unitSuffix } from './reportNumbers.js';
import { fromToClause, statusJudgement } from './reportSentences.js';

export interface ProgressFigure {
  name: string;
  unit: string;
  digits: number;
  year: number;
  value: number;
  baselineYear: number | null;
  baseline: number | null;
  status: Status;
  /** The target year the judgement compares with (judgementTargetYear). */
  judgementYear: number | null;
  /** r and q of methodology §1.6–1.7 (fractions per year, in the work space); null where not computed. */
  actualRate: number | null;
  requiredRate: number | null;
  /** Rates are on the gap to 100 (bounded indicators whose direction is up). */
  onGap: boolean;
}

/** 下降1.8% · 增长3.5% · 缩小3.0% (a gap) · 基本持平 when it rounds to zero. */
function rateWords(rate: number, onGap: boolean): string {
  const pct = roundTo(Math.abs(rate) * 100, 1);
  if (pct === 0) return onGap ? '基本不变' : '基本持平';
  const verb = onGap ? (rate < 0 ? '缩小' : '扩大') : rate < 0 ? '下降' : '增长';
  return `${verb}${formatNumber(pct, 1)}%`;
}

/** 年均下降1.8% · 与100%的差距年均缩小3.0%. */
export function actualRateClause(rate: number, onGap: boolean): string {
  return `${onGap ? '与100%的差距' : ''}年均${rateWords(rate, onGap)}`;
}

/**
 * 「5岁以下儿童死亡率由2020年的7.1‰下降到2024年的6.5‰,年均下降1.8%,而实现规划目标需年均下降
 * 4.4%,距目标尚有差距。」 Rates are left out once the target is achieved.
 */
export function progressSentence(f: ProgressFigure): string {
  const parts =
    f.baselineYear !== null && f.baseline !== null && f.baselineYear < f.year
      ? [`${f.name}${fromToClause(f.baselineYear, f.baseline, f.value, f.unit, f.digits, f.year)}`]
      : [`${f.year}年${f.name}为${formatValue(f.value, f.unit, f.digits)},缺少可比的基线数据`];
  if (f.status !== 'achieved' && f.actualRate !== null) {
    parts.push(actualRateClause(f.actualRate, f.onGap));
    if (f.requiredRate !== null && Math.sign(f.requiredRate) !== 0) {
      const required = `年均${rateWords(f.requiredRate, f.onGap)}`;
      // The ratio R of methodology §1.8: from 0.95 on the pace is on track, so "almost as fast" is said as such.
      const ratio = Math.sign(f.actualRate) === Math.sign(f.requiredRate) ? Math.abs(f.actualRate) / Math.abs(f.requiredRate) : -1;
      parts.push(
        ratio >= 1
          ? `快于实现规划目标所需的${required}`
          : ratio >= 0.95
            ? `与实现规划目标所需的${required}基本相当`
            : `而实现规划目标需${required}`,
      );
    }
  }
  const judgement = statusJudgement(f.status, f.year, f.judgementYear);
  if (judgement) parts.push(judgement);
  return `${parts.join(',')}。`;
}

/** Targets of a direction, not a level: no projected value is compared with them. */
const TREND_KINDS: readonly TargetKind[] = ['trend_down', 'trend_up', 'no_increase'];

export interface RiskFigure extends ProgressFigure {
  kind: TargetKind | null;
  /** The target in words (describeTarget): ≤5‰, 保持≥2次/年, 不再上升. */
  targetText: string;
  /** The year the target is due (the active milestone's year for milestones). */
  targetYear: number | null;
  /** yP of methodology §1.9; null where not computed. */
  projectedValue: number | null;
}

/**
 * Why a target is expected to be missed: the projection when there is one
 * (「按2020年以来的变化速度推算,到2030年5岁以下儿童死亡率预计为5.9‰,达不到≤5‰的规划目标。」),
 * else the fall-back below a maintained level or the trend against the target.
 */
export function riskSentence(f: RiskFigure): string {
  const since = f.baselineYear === null ? '近年' : `${f.baselineYear}年以来`;
  if (f.status === 'regressing' && f.kind === 'maintain_min') {
    return `${f.year}年${f.name}为${formatValue(f.value, f.unit, f.digits)},回落到规划目标(${f.targetText})以下。`;
  }
  if (f.targetYear !== null && f.targetYear <= f.year && f.status !== 'achieved') {
    return `${f.name}${f.year}年为${formatValue(f.value, f.unit, f.digits)},到目标年份仍未达到${f.targetText}的规划目标。`;
  }
  if (f.projectedValue !== null && f.targetYear !== null && !TREND_KINDS.includes(f.kind ?? 'trend_down')) {
    return `按${since}的变化速度推算,到${f.targetYear}年${f.name}预计为${formatValue(f.projectedValue, f.unit, f.digits)},达不到${f.targetText}的规划目标。`;
  }
  if (f.actualRate !== null) {
    const rate = `${f.name}${since}${actualRateClause(f.actualRate, f.onGap)}`;
    return f.status === 'regressing' ? `${rate},与“${f.targetText}”的规划目标相反。` : `${rate},改善速度偏慢。`;
  }
  return `${f.name}${statusJudgement(f.status, f.year, f.judgementYear)},预计难以如期实现规划目标。`;
}

export interface OutlookFigure extends RiskFigure {
  /** The threshold in force (T, the reduce_by result, the active milestone); null for trend kinds. */
  targetValue: number | null;
  direction: 'up' | 'down';
}

/** The target for「目标为…」: 3‰以下 · 95%以上 · 保持在2次以上 · 5.7‰以下(比2020年下降20%) · 持续下降. */
export function targetWords(f: Pick<OutlookFigure, 'kind' | 'targetValue' | 'targetText' | 'unit' | 'digits' | 'direction'>): string {
  const t = f.targetValue;
  if (f.kind === null || t === null) return f.targetText;
  // The plan's own numbers are written as the plan writes them (3‰, not 3.0‰); a computed one is rounded.
  const plain = `${t}${unitSuffix(f.unit)}`;
  switch (f.kind) {
    case 'max':
      return `${plain}以下`;
    case 'min':
      return `${plain}以上`;
    case 'coverage':
      return plain;
    case 'maintain_min':
      return `保持在${plain}以上`;
    case 'reduce_by':
      return `${formatValue(t, f.unit, f.digits)}以下(${f.targetText})`;
    case 'milestones':
      return `${plain}${f.direction === 'up' ? '以上' : '以下'}`;
    default:
      return f.targetText;
  }
}

/**
 * Where the indicator is heading, for the indicator page: the projection to the target year at the
 * current rate and the rate the target requires from now on (methodology §1.7, §1.9):
 * 「按当前速度,2030年预计为3.2‰,目标为3‰以下,需年均下降2.1%。」 Trend targets get the current rate
 * instead of a required one; an achieved target, a passed target year and a fall-back below a
 * maintained level are said as such.
 */
export function outlookSentence(f: OutlookFigure): string {
  const value = formatValue(f.value, f.unit, f.digits);
  if (f.kind === null || f.status === 'not_assessed') return `${f.year}年为${value},本指标没有量化的规划目标。`;
  const goal = `目标为${targetWords(f)}`;
  const judgement = statusJudgement(f.status, f.year, f.judgementYear);
  if (TREND_KINDS.includes(f.kind)) {
    if (f.actualRate === null) return `${f.year}年为${value},${goal},${judgement}。`;
    const pace = actualRateClause(f.actualRate, f.onGap);
    if (f.projectedValue === null || f.targetYear === null) return `${f.year}年为${value},${pace},${goal},${judgement}。`;
    return `按当前速度(${pace}),${f.targetYear}年预计为${formatValue(f.projectedValue, f.unit, f.digits)},${goal},${judgement}。`;
  }
  if (f.status === 'achieved' || f.status === 'insufficient_data') return `${f.year}年为${value},${goal},${judgement}。`;
  if (f.targetYear !== null && f.targetYear <= f.year) return `${f.year}年为${value},目标年份已到,未达到${targetWords(f)}的目标。`;
  if (f.projectedValue === null || f.targetYear === null) return `${f.year}年为${value},${goal},${judgement}。`;
  const projection = `按当前速度,${f.targetYear}年预计为${formatValue(f.projectedValue, f.unit, f.digits)},${goal}`;
  if (f.requiredRate === null || Math.sign(f.requiredRate) === 0) return `${projection}。`;
  return `${projection},需${actualRateClause(f.requiredRate, f.onGap)}。`;
}
