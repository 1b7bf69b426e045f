/** Trend kinds: trend_down, trend_up, no_increase (methodology.md §2). */
import type { TargetKind } from '../plan/types.js';
import type { SeriesView } from './series.js';
import { actualRate, fromWork, projectWork, toWork } from './rates.js';
import { atLeast } from './tolerance.js';
import type { Status } from './types.js';

export type TrendKind = Extract<TargetKind, 'trend_down' | 'trend_up' | 'no_increase'>;

export function isTrendKind(kind: TargetKind): kind is TrendKind {
  return kind === 'trend_down' || kind === 'trend_up' || kind === 'no_increase';
}

export interface TrendOutcome {
  status: Status;
  /** r, in the work space. */
  actualRate: number | null;
  /** The improvement per year s. */
  improvement: number | null;
  /** yP at `targetYear` when it lies after the latest year. */
  projectedValue: number | null;
}

/**
 * The improvement per year: `−r` when the work-space value should fall (every trend_down
 * and no_increase, and trend_up on a gap), `r` when it should rise (unbounded trend_up).
 */
export function improvement(kind: TrendKind, rate: number, gap: boolean): number {
  const shouldFall = kind !== 'trend_up' || gap;
  return shouldFall ? -rate : rate;
}

export function statusFromImprovement(kind: TrendKind, s: number): Status {
  if (kind === 'no_increase') return s >= 0 ? 'achieved' : 'regressing';
  if (atLeast(s, 0.01)) return 'on_track';
  return s >= 0 ? 'needs_acceleration' : 'regressing';
}

/** `gap`: work on the gap to 100 (bounded indicator, higher is better). */
export function assessTrend(series: SeriesView, kind: TrendKind, gap: boolean, targetYear: number): TrendOutcome {
  const r = actualRate(series.span.map((o) => ({ year: o.year, value: toWork(o.value, gap) })));
  const latest = series.latest;
  if (r === null || latest === null) {
    return { status: 'insufficient_data', actualRate: null, improvement: null, projectedValue: null };
  }
  const s = improvement(kind, r, gap);
  const years = targetYear - latest.year;
  const projectedValue = years > 0 ? fromWork(projectWork(toWork(latest.value, gap), r, years), gap) : null;
  return { status: statusFromImprovement(kind, s), actualRate: r, improvement: s, projectedValue };
}
