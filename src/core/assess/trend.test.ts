import { describe, expect, it } from 'vitest';
import type { TargetKind } from '../plan/types.js';
import { type AssessmentCase, boundedUp, type Observed, seriesInput, target } from './assess.fixtures.js';
import { assessSeries } from './assess-series.js';
import type { SeriesInput } from './types.js';

// Expected numbers were computed independently in python3 from the formulas of methodology.md.

/** A trend target's series assessed in 2024; `trend_up` is higher-is-better, the others lower-is-better. */
function input(kind: TargetKind, observed: Observed, shape: Partial<SeriesInput> = {}): SeriesInput {
  return seriesInput(target(kind, null), observed, 2024, { direction: kind === 'trend_up' ? 'up' : 'down', ...shape });
}

function assessesEach(cases: AssessmentCase[]): void {
  it.each(cases)('%s', (_name, series, expected) => {
    expect(assessSeries(series)).toMatchObject(expected);
  });
}

describe('trend_down', () => {
  assessesEach([
    [
      'is on track when the value falls by at least 1 % a year',
      input('trend_down', { 2020: 10, 2024: 9 }),
      {
        status: 'on_track',
        warning: 'green',
        actualRate: expect.closeTo(-0.025996253574703254, 6),
        targetValue: null,
        targetYear: 2030,
        requiredRate: null,
        ratio: null,
        projectedValue: expect.closeTo(7.684334714209161, 6),
      },
    ],
    [
      'needs acceleration when it falls by less than 1 % a year',
      input('trend_down', { 2020: 10, 2024: 9.8 }),
      {
        status: 'needs_acceleration',
        warning: 'yellow',
        actualRate: expect.closeTo(-0.005037943607311912, 6),
        projectedValue: expect.closeTo(9.507474937121847, 6),
      },
    ],
    [
      'is regressing when the value rises',
      input('trend_down', { 2020: 10, 2024: 10.5 }),
      { status: 'regressing', warning: 'red', actualRate: expect.closeTo(0.012272234429039353, 6) },
    ],
    [
      'replaces a latest value of zero by 0.001 in the regression and projects zero onward',
      input('trend_down', { 2020: 2, 2022: 1, 2024: 0 }),
      { status: 'on_track', actualRate: expect.closeTo(-0.8504651218778779, 6), projectedValue: expect.closeTo(0, 6) },
    ],
    [
      'has insufficient data without an observation after the baseline',
      input('trend_down', { 2020: 10 }),
      { status: 'insufficient_data', warning: 'none', actualRate: null },
    ],
  ]);
});

describe('trend_up', () => {
  assessesEach([
    [
      'is on track when an unbounded value rises by at least 1 % a year',
      input('trend_up', { 2020: 2, 2024: 3 }),
      { status: 'on_track', actualRate: expect.closeTo(0.10668191970032148, 6), projectedValue: expect.closeTo(5.511351921262148, 6) },
    ],
    [
      'judges a bounded value on the shrinking gap to 100',
      input('trend_up', { 2020: 95, 2024: 96 }, boundedUp),
      { status: 'on_track', actualRate: expect.closeTo(-0.05425839099682417, 6), projectedValue: expect.closeTo(97.13783298880027, 6) },
    ],
    [
      'is regressing when a bounded value falls, widening the gap',
      input('trend_up', { 2020: 95, 2024: 94 }, boundedUp),
      { status: 'regressing', actualRate: expect.closeTo(0.04663513939210562, 6) },
    ],
    [
      'keeps a bounded projection within 0 … 100 when a zero gap makes the rate explode',
      input('trend_up', { 2020: 100, 2022: 98, 2024: 99 }, boundedUp),
      { status: 'regressing', actualRate: expect.closeTo(4.62341325190349, 6), projectedValue: 0 },
    ],
  ]);
});

describe('no_increase', () => {
  assessesEach([
    [
      'is achieved when the value stays the same',
      input('no_increase', { 2020: 10, 2024: 10 }),
      { status: 'achieved', warning: 'green', actualRate: 0 },
    ],
    [
      'is achieved when the value falls',
      input('no_increase', { 2020: 10, 2024: 9.5 }),
      { status: 'achieved', actualRate: expect.closeTo(-0.012741455098566168, 6) },
    ],
    [
      'is regressing when the value rises',
      input('no_increase', { 2020: 10, 2024: 10.4 }),
      { status: 'regressing', actualRate: expect.closeTo(0.009853406548968824, 6) },
    ],
  ]);
});
