/** Progress assessment of one series for one year (methodology.md §1–3). */
import type { Target } from '../plan/types.js';
import { activeMilestone, earlierMilestones } from './milestones.js';
import { withinBounds } from './rates.js';
import { PLAN_BASELINE_YEAR, type SeriesView, valueIn, viewSeries } from './series.js';
import { assessThreshold, type ThresholdCheck } from './threshold.js';
import { assessTrend, isTrendKind } from './trend.js';
import type { Assessment, MilestoneResult, SeriesInput, Status } from './types.js';
import { isVolatileSeries } from './volatility.js';
import { warningFor } from './warning.js';

/** The target-dependent part of an assessment. */
type Verdict = Pick<
  Assessment,
  'status' | 'targetValue' | 'targetYear' | 'actualRate' | 'requiredRate' | 'ratio' | 'projectedValue' | 'milestones'
>;

function verdict(status: Status, targetValue: number | null, targetYear: number | null): Verdict {
  return {
    status,
    targetValue,
    targetYear,
    actualRate: null,
    requiredRate: null,
    ratio: null,
    projectedValue: null,
    milestones: [],
  };
}

/** A threshold to check, or the status decided without one. */
type Resolved = { check: ThresholdCheck; milestones: MilestoneResult[] } | { decided: Verdict };

function resolveThreshold(target: Target, input: SeriesInput, series: SeriesView): Resolved {
  const { kind, value, targetYear } = target;
  const check = (comparison: 'max' | 'min', threshold: number, maintain = false): Resolved => ({
    check: { comparison, threshold, targetYear, maintain },
    milestones: [],
  });
  if (kind === 'milestones') {
    const active = activeMilestone(target.milestones ?? [], input.year);
    if (active === null) return { decided: verdict('not_assessed', null, null) };
    const comparison = input.direction === 'up' ? 'min' : 'max';
    return {
      check: { comparison, threshold: active.value, targetYear: active.year, maintain: false },
      milestones: earlierMilestones(target.milestones ?? [], active, series.used, comparison),
    };
  }
  if (value === null) return { decided: verdict('not_assessed', null, null) };
  switch (kind) {
    case 'max':
      return check('max', value);
    case 'min':
    case 'coverage':
      return check('min', value);
    case 'maintain_min':
      return check('min', value, true);
    case 'reduce_by': {
      const base = valueIn(series.used, target.baselineYear);
      if (base === null) return { decided: verdict('insufficient_data', null, targetYear) };
      return check('max', base * (1 - value));
    }
    default:
      // Trend kinds never reach here (see judge).
      return { decided: verdict('not_assessed', null, null) };
  }
}

function judge(target: Target | null, input: SeriesInput, series: SeriesView): Verdict {
  if (target === null) return verdict('not_assessed', null, null);
  const gap = input.bounded && input.direction === 'up';
  if (isTrendKind(target.kind)) {
    const trend = assessTrend(series, target.kind, gap, target.targetYear);
    return {
      ...verdict(trend.status, null, target.targetYear),
      actualRate: trend.actualRate,
      projectedValue: trend.projectedValue,
    };
  }
  const resolved = resolveThreshold(target, input, series);
  if ('decided' in resolved) return resolved.decided;
  const { check, milestones } = resolved;
  const result = assessThreshold(series, check, gap);
  return { ...result, targetValue: check.threshold, targetYear: check.targetYear, milestones };
}

/** Assesses one series (one indicator, unit and disaggregation) for the year `input.year`. */
export function assessSeries(input: SeriesInput): Assessment {
  const { target } = input;
  const series = viewSeries(input.observations, target?.baselineYear ?? PLAN_BASELINE_YEAR, input.year);
  const volatile = isVolatileSeries(series.used.map((o) => o.value));
  const decided = judge(target, input, series);
  return {
    year: input.year,
    value: series.latest?.value ?? null,
    latestYear: series.latest?.year ?? null,
    baselineYear: series.baseline?.year ?? null,
    baselineValue: series.baseline?.value ?? null,
    ...decided,
    projectedValue: decided.projectedValue === null ? null : withinBounds(decided.projectedValue, input.bounded),
    warning: warningFor(decided.status, volatile),
    volatile,
    missedMilestones: decided.milestones.filter((m) => !m.met).map((m) => m.year),
  };
}
