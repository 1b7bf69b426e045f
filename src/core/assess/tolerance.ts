/**
 * Comparisons against the methodology's fixed thresholds (T, 0.95, 0.6, 0.01, 0.20, 2m).
 * Reported values have a few decimals, so a difference below 1e-9 is floating-point noise
 * (e.g. 12 / 10 − 1 = 0.19999999999999996): such a value counts as equal to the threshold.
 */
export const EPSILON = 1e-9;

/** a ≥ b, tolerating floating-point noise. */
export function atLeast(a: number, b: number): boolean {
  if (!Number.isFinite(b)) return a >= b;
  return a >= b - EPSILON * Math.max(1, Math.abs(b));
}

/** a ≤ b, tolerating floating-point noise. */
export function atMost(a: number, b: number): boolean {
  if (!Number.isFinite(b)) return a <= b;
  return a <= b + EPSILON * Math.max(1, Math.abs(b));
}
