/** Builders shared by the assessment tests: targets, observations and series inputs. */
import type { Milestone, Target, TargetKind } from '../plan/types.js';
import type { Assessment, Observation, SeriesInput } from './types.js';

/** A target for the total population with the plan's baseline year 2020 and target year 2030. */
export function target(kind: TargetKind, value: number | null, extra: Partial<Target> = {}): Target {
  return { kind, value, milestones: null, coverage: null, baselineYear: 2020, targetYear: 2030, sex: 'total', area: 'total', ...extra };
}

export function milestoneTarget(milestones: Milestone[]): Target {
  return target('milestones', null, { milestones });
}

/**
 * Observed values by year, `{ 2020: 4, 2024: 3.5 }`: a record lists its years in ascending
 * order, so a test of unordered input passes `[year, value]` pairs instead.
 */
export type Observed = Readonly<Record<number, number>> | ReadonlyArray<readonly [year: number, value: number]>;

function isPairs(observed: Observed): observed is ReadonlyArray<readonly [number, number]> {
  return Array.isArray(observed);
}

export function obs(observed: Observed): Observation[] {
  const pairs = isPairs(observed) ? observed : Object.entries(observed).map(([year, value]) => [Number(year), value] as const);
  return pairs.map(([year, value]) => ({ year, value }));
}

/** The series assessed in `year`; by default an unbounded indicator where lower is better. */
export function seriesInput(t: Target | null, observed: Observed, year: number, shape: Partial<SeriesInput> = {}): SeriesInput {
  return { target: t, bounded: false, direction: 'down', observations: obs(observed), year, ...shape };
}

/** Higher is better, in the indicator's own units. */
export const up = { bounded: false, direction: 'up' } as const;
/** Higher is better, on the gap to 100. */
export const boundedUp = { bounded: true, direction: 'up' } as const;

/**
 * A table row: the test's name, the series assessed and the fields its assessment must have,
 * compared with `toMatchObject` (`expect.closeTo(x, 6)` for the rates computed in python3).
 */
export type AssessmentCase = [name: string, input: SeriesInput, expected: Partial<Assessment>];
