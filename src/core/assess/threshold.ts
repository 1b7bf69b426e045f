/** Assessment against a threshold (methodology.md §1, steps 2–9). */
import type { SeriesView } from './series.js';
import { actualRate, fromWork, projectWork, requiredRate, toWork } from './rates.js';
import { atLeast, atMost } from './tolerance.js';
import type { Status } from './types.js';

/** A resolved threshold: `max` means met when `yn ≤ T`, `min` when `yn ≥ T`. */
export interface ThresholdCheck {
  comparison: 'max' | 'min';
  threshold: number;
  targetYear: number;
  /** `maintain_min`: falling back below a threshold met earlier is a regression. */
  maintain: boolean;
}

export interface ThresholdOutcome {
  status: Status;
  actualRate: number | null;
  requiredRate: number | null;
  ratio: number | null;
  projectedValue: number | null;
}

/** Whether a value meets the threshold ("以下/以上" include the number itself). */
export function meets(value: number, comparison: 'max' | 'min', threshold: number): boolean {
  return comparison === 'max' ? atMost(value, threshold) : atLeast(value, threshold);
}

/** Status from the ratio R = r / q (§1.8). */
export function statusFromRatio(ratio: number): Status {
  if (atLeast(ratio, 0.95)) return 'on_track';
  if (atLeast(ratio, 0.6)) return 'needs_acceleration';
  if (ratio >= 0) return 'off_track';
  return 'regressing';
}

function outcome(status: Status, rates: Partial<Omit<ThresholdOutcome, 'status'>> = {}): ThresholdOutcome {
  return {
    status,
    actualRate: rates.actualRate ?? null,
    requiredRate: rates.requiredRate ?? null,
    ratio: rates.ratio ?? null,
    projectedValue: rates.projectedValue ?? null,
  };
}

/**
 * Judges a series that has at least one observation against a threshold.
 * `gap`: work on the gap to 100 (bounded indicator, higher is better).
 */
export function assessThreshold(series: SeriesView, check: ThresholdCheck, gap: boolean): ThresholdOutcome {
  const latest = series.latest;
  if (latest === null) return outcome('insufficient_data');
  const { comparison, threshold, targetYear } = check;
  if (meets(latest.value, comparison, threshold)) return outcome('achieved');
  if (check.maintain && series.used.some((o) => o.year < latest.year && meets(o.value, comparison, threshold))) {
    return outcome('regressing');
  }
  const r = actualRate(series.span.map((o) => ({ year: o.year, value: toWork(o.value, gap) })));
  if (r === null) return outcome('insufficient_data');

  // The target is not met, so the work-space value must fall when lower is better there.
  const mustFall = (comparison === 'max') !== gap;
  const wrongWay = mustFall ? r > 0 : r < 0;
  const years = targetYear - latest.year;
  if (years <= 0) return outcome(wrongWay ? 'regressing' : 'off_track', { actualRate: r });

  const gn = toWork(latest.value, gap);
  const projectedValue = fromWork(projectWork(gn, r, years), gap);
  const q = requiredRate(toWork(threshold, gap), gn, years);
  // Only the 0.001 stand-in can make q zero or point away from the target: the remaining
  // distance is then below 0.001, and the direction of r alone decides.
  if (mustFall ? q >= 0 : q <= 0) {
    const status: Status = wrongWay ? 'regressing' : r === 0 ? 'off_track' : 'on_track';
    return outcome(status, { actualRate: r, projectedValue });
  }
  const ratio = r / q;
  return outcome(statusFromRatio(ratio), { actualRate: r, requiredRate: q, ratio, projectedValue });
}
