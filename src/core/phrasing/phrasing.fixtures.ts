/** Hand-made indicators and series for the phrasing tests, assessed as the reports assess them. */
import { assessSeries } from '../assess/assess-series.js';
import type { Assessment } from '../assess/types.js';
import type { Indicator, Target } from '../plan/types.js';

export function target(kind: Target['kind'], value: number | null, extra: Partial<Target> = {}): Target {
  return { kind, value, milestones: null, coverage: null, baselineYear: 2020, targetYear: 2030, sex: 'total', area: 'total', ...extra };
}

export function indicator(name: string, unit: string, direction: 'up' | 'down', targets: Target[], bounded = false): Indicator {
  return {
    code: name,
    name,
    unit,
    domain: 'H',
    planRef: 'H3',
    direction,
    bounded,
    yesNo: false,
    formula: { numerator: null, denominator: null, factor: 1 },
    aggregation: 'ratio',
    level: 'county',
    targets,
    note: '',
  };
}

/** The indicator's first target (or none) assessed on the series in `year`. */
export function assess(ind: Indicator, series: Record<number, number>, year: number): { target: Target | null; a: Assessment } {
  const t = ind.targets[0] ?? null;
  const observations = Object.entries(series).map(([y, value]) => ({ year: Number(y), value }));
  return { target: t, a: assessSeries({ target: t, bounded: ind.bounded, direction: ind.direction, observations, year }) };
}

export const lookup =
  (series: Record<number, number>) =>
  (year: number): number | null =>
    series[year] ?? null;
