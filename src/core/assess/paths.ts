/**
 * Year-by-year paths from the latest value to the target year, for the indicator page's chart:
 * the projection at the actual rate r (methodology.md §1.9) and the path at the required rate q
 * (§1.7). Each point is the latest work-space value carried forward k years, back in the
 * indicator's own units, so the last point of the projection is the assessment's projected value.
 */
import { fromWork, projectWork, toWork, withinBounds } from './rates.js';
import type { Observation } from './types.js';

export interface PathShape {
  /** Rates are on the gap to 100 (bounded indicators whose direction is up, §1.5). */
  gap: boolean;
  /** A bounded indicator stays within 0 … 100. */
  bounded: boolean;
}

/**
 * The points (t, y) for t = tn … targetYear of the latest value moving at `rate` a year in the work
 * space; empty when the target year is not after the latest year.
 */
export function ratePath(latest: Observation, rate: number, targetYear: number, shape: PathShape): Observation[] {
  if (targetYear <= latest.year) return [];
  const gn = toWork(latest.value, shape.gap);
  const points: Observation[] = [{ year: latest.year, value: latest.value }];
  for (let year = latest.year + 1; year <= targetYear; year++) {
    const g = projectWork(gn, rate, year - latest.year);
    points.push({ year, value: withinBounds(fromWork(g, shape.gap), shape.bounded) });
  }
  return points;
}
