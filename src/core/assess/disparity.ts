/** Urban–rural and regional disparities 城乡、区域差距 (methodology.md §4). */
import { EPSILON } from './tolerance.js';

export type DisparityTrend = 'narrowing' | 'widening' | 'stable';

export interface UrbanRural {
  urban: number;
  rural: number;
}

export interface UrbanRuralGap {
  /** |urban − rural| in the latest year. */
  gap: number;
  /** The same at baseline; null without baseline values. */
  baselineGap: number | null;
  /** Latest gap against the baseline gap; null without baseline values. */
  trend: DisparityTrend | null;
}

export interface CountyRange {
  /** max − min over the county-level units in the latest year. */
  range: number;
  /** max / min; null when min ≤ 0. */
  ratio: number | null;
  baselineRange: number | null;
  baselineRatio: number | null;
  /** The range against the baseline range. */
  trend: DisparityTrend | null;
  /** The ratio against the baseline ratio; null when either ratio is null. */
  ratioTrend: DisparityTrend | null;
}

/** narrowing / widening / stable; differences below floating-point noise are stable. */
export function compareDisparity(latest: number, baseline: number): DisparityTrend {
  const tolerance = EPSILON * Math.max(1, Math.abs(baseline));
  if (latest < baseline - tolerance) return 'narrowing';
  if (latest > baseline + tolerance) return 'widening';
  return 'stable';
}

export function urbanRuralGap(baseline: UrbanRural | null, latest: UrbanRural): UrbanRuralGap {
  const gap = Math.abs(latest.urban - latest.rural);
  if (baseline === null) return { gap, baselineGap: null, trend: null };
  const baselineGap = Math.abs(baseline.urban - baseline.rural);
  return { gap, baselineGap, trend: compareDisparity(gap, baselineGap) };
}

function spread(values: readonly number[]): { range: number; ratio: number | null } | null {
  if (values.length === 0) return null;
  const max = Math.max(...values);
  const min = Math.min(...values);
  return { range: max - min, ratio: min > 0 ? max / min : null };
}

/**
 * Range and ratio across the county-level units of a city, latest year against baseline.
 * An empty `baselineValues` means no baseline. Throws when `latestValues` is empty.
 */
export function countyRange(baselineValues: readonly number[], latestValues: readonly number[]): CountyRange {
  const latest = spread(latestValues);
  if (latest === null) throw new RangeError('countyRange needs at least one latest value');
  const base = spread(baselineValues);
  return {
    range: latest.range,
    ratio: latest.ratio,
    baselineRange: base?.range ?? null,
    baselineRatio: base?.ratio ?? null,
    trend: base === null ? null : compareDisparity(latest.range, base.range),
    ratioTrend: base?.ratio == null || latest.ratio === null ? null : compareDisparity(latest.ratio, base.ratio),
  };
}
