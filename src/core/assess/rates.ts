/** Work space, annual rates and projection (methodology.md §1.5–1.9). */
import type { Observation } from './types.js';

/** Open SDG's stand-in for a zero value before taking logarithms. */
export const ZERO_STAND_IN = 0.001;

/**
 * The work-space value: the gap to 100 (`g = 100 − y`) for a bounded indicator whose
 * direction is up, the value itself otherwise.
 */
export function toWork(y: number, gap: boolean): number {
  return gap ? 100 - y : y;
}

/** Back from the work space to the indicator's own units. */
export function fromWork(g: number, gap: boolean): number {
  return gap ? 100 - g : g;
}

/**
 * The 0.001 rule: a zero work-space value is replaced by 0.001 before logarithms.
 * A negative one (only a bounded value above 100, i.e. no gap left) is treated as zero.
 */
export function loggable(g: number): number {
  return g > 0 ? g : ZERO_STAND_IN;
}

/** Compound annual rate between two points: `(gn / g0)^(1/(tn − t0)) − 1`. */
export function compoundRate(t0: number, g0: number, tn: number, gn: number): number {
  return (loggable(gn) / loggable(g0)) ** (1 / (tn - t0)) - 1;
}

/** Log-linear rate: OLS slope β of `ln g` on `t`, returned as `e^β − 1`. */
export function logLinearRate(points: readonly Observation[]): number {
  const n = points.length;
  const meanT = points.reduce((sum, p) => sum + p.year, 0) / n;
  const logs = points.map((p) => Math.log(loggable(p.value)));
  const meanL = logs.reduce((sum, l) => sum + l, 0) / n;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    const dt = p.year - meanT;
    sxy += dt * ((logs[i] ?? meanL) - meanL);
    sxx += dt * dt;
  });
  return Math.exp(sxy / sxx) - 1;
}

/**
 * The actual annual rate r over work-space points (t, g), oldest first:
 * two points → compound rate; three or more → log-linear regression.
 * Returns null with fewer than two points.
 */
export function actualRate(points: readonly Observation[]): number | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2) return null;
  if (points.length === 2) return compoundRate(first.year, first.value, last.year, last.value);
  return logLinearRate(points);
}

/** The rate required from the latest year on: `q = (G / gn)^(1/years) − 1`, for years > 0. */
export function requiredRate(targetG: number, latestG: number, years: number): number {
  return (loggable(targetG) / loggable(latestG)) ** (1 / years) - 1;
}

/** `gP = gn × (1 + r)^years`, the latest work-space value carried forward at rate r. */
export function projectWork(latestG: number, rate: number, years: number): number {
  return latestG * (1 + rate) ** years;
}

/** A projection of a bounded indicator stays within its natural limits 0 … 100. */
export function withinBounds(y: number, bounded: boolean): number {
  return bounded ? Math.min(100, Math.max(0, y)) : y;
}
