/**
 * Why an indicator carries a warning (methodology §3), and the recommendation drafted from it for
 * the statisticians to edit: plain, naming who leads, inventing no facts.
 */
import type { Status, Warning } from '../assess/types.js';
import type { TargetKind } from '../plan/types.js';
import { formatNumber, formatValue, roundTo } from './reportNumbers.js';
import { actualRateClause } from './progressSentences.js';

export interface WarningFacts {
  status: Status;
  warning: Warning;
  volatile: boolean;
  kind: TargetKind | null;
  unit: string;
  digits: number;
  year: number;
  /** The target in words (describeTarget). */
  targetText: string;
  targetYear: number | null;
  actualRate: number | null;
  requiredRate: number | null;
  onGap: boolean;
  projectedValue: number | null;
  /** The latest year-on-year relative change (c of methodology §3); null without two consecutive years. */
  latestChange: number | null;
}

function statusReason(f: WarningFacts): string {
  switch (f.status) {
    case 'regressing':
      if (f.kind === 'maintain_min') return `回落到目标(${f.targetText})以下`;
      return f.actualRate === null ? '较前期出现退步' : `${actualRateClause(f.actualRate, f.onGap)},与目标方向相反`;
    case 'off_track':
      if (f.targetYear !== null && f.targetYear <= f.year) return `目标年份已到,仍未达到${f.targetText}`;
      if (f.projectedValue !== null && f.targetYear !== null) {
        return `按现有速度预计${f.targetYear}年为${formatValue(f.projectedValue, f.unit, f.digits)},达不到${f.targetText}`;
      }
      return `距${f.targetText}的目标差距较大`;
    case 'needs_acceleration':
      if (f.actualRate !== null && f.requiredRate !== null) {
        return `${actualRateClause(f.actualRate, f.onGap)},慢于所需的年均${formatNumber(roundTo(Math.abs(f.requiredRate) * 100, 1), 1)}%`;
      }
      return f.actualRate === null ? '进展偏慢' : `${actualRateClause(f.actualRate, f.onGap)},改善速度偏慢`;
    default:
      return '';
  }
}

/** 「按现有速度预计2030年为5.9‰,达不到≤5‰」 · 「最新一年变化+35.0%,波动较大」; empty without a warning. */
export function warningReason(f: WarningFacts): string {
  if (f.warning !== 'red' && f.warning !== 'yellow') return '';
  const parts = [statusReason(f)];
  if (f.volatile && f.latestChange !== null) {
    const pct = roundTo(f.latestChange * 100, 1);
    parts.push(`最新一年变化${pct > 0 ? '+' : ''}${formatNumber(pct, 1)}%,波动较大`);
  } else if (f.volatile) {
    parts.push('波动较大');
  }
  return parts.filter(Boolean).join(';');
}

export interface RecommendationFacts {
  /** The indicator, or several joined (joinNames) when one recommendation covers a group. */
  name: string;
  status: Status;
  volatile: boolean;
  /** The lead department's name; null when none is assigned. */
  lead: string | null;
  cooperating: readonly string[];
}

/**
 * 「针对5岁以下儿童死亡率距目标尚有差距的问题,建议卫生健康委员会牵头,会同医疗保障局,分析差距成因,
 * 加大工作力度,力争如期实现规划目标。」 Empty when there is nothing to recommend.
 */
export function recommendation(f: RecommendationFacts): string {
  const issue =
    f.status === 'regressing'
      ? ['出现退步', '查明退步原因,采取针对性措施扭转不利趋势']
      : f.status === 'off_track'
        ? ['距目标尚有差距', '分析差距成因,加大工作力度,力争如期实现规划目标']
        : f.status === 'needs_acceleration'
          ? ['需加快进度', '加快工作进度,确保如期实现规划目标']
          : f.volatile
            ? ['波动较大', '核实数据质量,分析波动原因']
            : null;
  if (!issue) return '';
  const [problem, action] = issue;
  const who =
    f.lead === null ? '建议相关成员单位' : `建议${f.lead}牵头${f.cooperating.length > 0 ? `,会同${f.cooperating.join('、')}` : ''}`;
  return `针对${f.name}${problem}的问题,${who},${action}。`;
}
