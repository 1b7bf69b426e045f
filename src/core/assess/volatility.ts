/** Volatility 波动较大 (methodology.md §3). */
import { atLeast } from './tolerance.js';

/** Fewest observations up to Y for which volatility is judged. */
export const MIN_VOLATILITY_OBSERVATIONS = 3;

/**
 * Relative change `b / a − 1` between consecutive observations. A change from 0 is
 * infinite (Infinity) unless the next value is 0 too, which is no change (0).
 */
export function relativeChange(a: number, b: number): number {
  if (a === 0) return b === 0 ? 0 : Infinity;
  return b / a - 1;
}

export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)] ?? 0;
  if (n % 2 === 1) return upper;
  const lower = sorted[n / 2 - 1] ?? 0;
  return (lower + upper) / 2;
}

/**
 * The rule itself: the latest change c is volatile when `|c| ≥ 0.20` and (there is no
 * earlier pair, or `|c| ≥ 2m`, m the median of the earlier `|c|`).
 */
export function isVolatileChange(latestChange: number, earlierChanges: readonly number[]): boolean {
  const c = Math.abs(latestChange);
  if (!atLeast(c, 0.2)) return false;
  const m = median(earlierChanges.map((x) => Math.abs(x)));
  return m === null || atLeast(c, 2 * m);
}

/** Whether a series (values oldest first, consecutive observations up to Y) is volatile. */
export function isVolatileSeries(values: readonly number[]): boolean {
  if (values.length < MIN_VOLATILITY_OBSERVATIONS) return false;
  const changes: number[] = [];
  for (let i = 1; i < values.length; i++) {
    changes.push(relativeChange(values[i - 1] ?? 0, values[i] ?? 0));
  }
  const latest = changes.pop();
  return latest !== undefined && isVolatileChange(latest, changes);
}
