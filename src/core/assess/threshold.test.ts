import { describe, expect, it } from 'vitest';
import { type AssessmentCase, boundedUp, seriesInput, target, up } from './assess.fixtures.js';
import { assessSeries } from './assess-series.js';

// Expected numbers were computed independently in python3 from the formulas of methodology.md.

function assessesEach(cases: AssessmentCase[]): void {
  it.each(cases)('%s', (_name, series, expected) => {
    expect(assessSeries(series)).toMatchObject(expected);
  });
}

describe('max targets', () => {
  assessesEach([
    [
      'marks a max target met when the latest value equals the threshold',
      seriesInput(target('max', 3), { 2020: 4, 2023: 3 }, 2023),
      {
        status: 'achieved',
        warning: 'green',
        targetValue: 3,
        targetYear: 2030,
        actualRate: null,
        requiredRate: null,
        ratio: null,
        projectedValue: null,
      },
    ],
    [
      'is on track when the actual rate is at least 0.95 of the rate required from the latest year',
      seriesInput(target('max', 3), { 2020: 4, 2024: 3.5 }, 2024),
      {
        status: 'on_track',
        warning: 'green',
        actualRate: expect.closeTo(-0.032831789866165306, 6),
        requiredRate: expect.closeTo(-0.025364554516409732, 6),
        ratio: expect.closeTo(1.2943964714588072, 6),
        projectedValue: expect.closeTo(2.8647064367487998, 6),
      },
    ],
    [
      'needs acceleration when the ratio lies between 0.6 and 0.95',
      seriesInput(target('max', 3), { 2020: 4, 2024: 3.6 }, 2024),
      {
        status: 'needs_acceleration',
        warning: 'yellow',
        ratio: expect.closeTo(0.8685717957791307, 6),
        projectedValue: expect.closeTo(3.0737338856836645, 6),
      },
    ],
    [
      'is off track with a red warning when the ratio lies between 0 and 0.6',
      seriesInput(target('max', 3), { 2020: 4, 2024: 3.8 }, 2024),
      { status: 'off_track', warning: 'red', ratio: expect.closeTo(0.3298150961246893, 6) },
    ],
    [
      'is regressing when the value moves away from the target, making the ratio negative',
      seriesInput(target('max', 3), { 2020: 4, 2024: 4.2 }, 2024),
      {
        status: 'regressing',
        warning: 'red',
        actualRate: expect.closeTo(0.012272234429039353, 6),
        ratio: expect.closeTo(-0.22503293703678248, 6),
        projectedValue: expect.closeTo(4.5189052877881855, 6),
      },
    ],
  ]);
});

describe('actual rate: two points against regression', () => {
  assessesEach([
    [
      'uses the log-linear regression once three observations lie between baseline and latest',
      seriesInput(target('max', 3), { 2020: 4, 2021: 3.9, 2024: 3.5 }, 2024),
      {
        actualRate: expect.closeTo(-0.03343162304910341, 6),
        ratio: expect.closeTo(1.3180449523556443, 6),
        projectedValue: expect.closeTo(2.854062886501639, 6),
      },
    ],
    [
      'uses the compound rate of baseline and latest when there are exactly two observations',
      seriesInput(target('max', 3), { 2020: 4, 2024: 3.5 }, 2024),
      { actualRate: expect.closeTo(-0.032831789866165306, 6) },
    ],
    [
      'fits the regression in the indicator’s own units for an unbounded min target',
      seriesInput(target('min', 1.05), { 2020: 0.8, 2022: 0.85, 2024: 0.95 }, 2024, up),
      {
        status: 'on_track',
        actualRate: expect.closeTo(0.043898814964921984, 6),
        requiredRate: expect.closeTo(0.016820474016138842, 6),
        ratio: expect.closeTo(2.6098441056299673, 6),
        projectedValue: expect.closeTo(1.2293457176704556, 6),
      },
    ],
  ]);
});

describe('gap transform and the 0.001 rule', () => {
  assessesEach([
    [
      'works on the gap to 100 for a bounded indicator whose direction is up',
      seriesInput(target('min', 60), { 2020: 50, 2024: 55 }, 2024, boundedUp),
      {
        status: 'on_track',
        actualRate: expect.closeTo(-0.025996253574703254, 6),
        requiredRate: expect.closeTo(-0.019439082189040002, 6),
        ratio: expect.closeTo(1.3373189804897407, 6),
        projectedValue: expect.closeTo(61.5783264289542, 6),
      },
    ],
    [
      'replaces a zero target gap by 0.001 before taking logarithms',
      seriesInput(target('min', 100), { 2020: 80, 2024: 90 }, 2024, boundedUp),
      {
        status: 'off_track',
        actualRate: expect.closeTo(-0.1591035847462855, 6),
        requiredRate: expect.closeTo(-0.7845565309968117, 6),
        ratio: expect.closeTo(0.20279429009932246, 6),
        projectedValue: expect.closeTo(96.46446609406726, 6),
      },
    ],
    [
      'lets r alone decide when the 0.001 stand-in leaves no required rate toward the target',
      seriesInput(target('min', 100), { 2020: 99.9, 2024: 99.9995 }, 2024, boundedUp),
      { status: 'on_track', actualRate: expect.closeTo(-0.7340852051527506, 6), requiredRate: null, ratio: null },
    ],
  ]);
});

describe('past the target year', () => {
  assessesEach([
    [
      'is off track when the target year has passed unmet and the value still moves toward it',
      seriesInput(target('max', 3), { 2020: 4, 2031: 3.2 }, 2031),
      { status: 'off_track', actualRate: expect.closeTo(-0.020081405291969112, 6), requiredRate: null, ratio: null, projectedValue: null },
    ],
    [
      'is regressing when the target year has passed unmet and the value moves the wrong way',
      seriesInput(target('max', 3), { 2020: 4, 2030: 4.5 }, 2030),
      { status: 'regressing', warning: 'red' },
    ],
  ]);
});

describe('reduce_by targets', () => {
  assessesEach([
    [
      'sets the threshold to the 2020 value reduced by p and marks it achieved when reached',
      seriesInput(target('reduce_by', 0.2), { 2020: 10, 2024: 8 }, 2024),
      { targetValue: expect.closeTo(8, 6), status: 'achieved' },
    ],
    [
      'assesses an unreached reduction like a max target',
      seriesInput(target('reduce_by', 0.2), { 2020: 10, 2024: 9 }, 2024),
      {
        status: 'on_track',
        requiredRate: expect.closeTo(-0.019439082189040002, 6),
        ratio: expect.closeTo(1.3373189804897407, 6),
        projectedValue: expect.closeTo(7.684334714209161, 6),
      },
    ],
    [
      'has insufficient data without a 2020 value, even with a later baseline',
      seriesInput(target('reduce_by', 0.2), { 2021: 10, 2024: 9 }, 2024),
      { status: 'insufficient_data', warning: 'none', targetValue: null, baselineYear: 2021 },
    ],
  ]);
});

describe('maintain_min targets', () => {
  assessesEach([
    [
      'is achieved while the latest value meets the threshold',
      seriesInput(target('maintain_min', 95), { 2020: 96, 2024: 95 }, 2024, boundedUp),
      { status: 'achieved' },
    ],
    [
      'is regressing when it falls below a threshold met in an earlier year',
      seriesInput(target('maintain_min', 95), { 2020: 96, 2022: 97, 2024: 94 }, 2024, boundedUp),
      { status: 'regressing', warning: 'red', actualRate: null },
    ],
    [
      'is judged on its rates when the threshold was never met',
      seriesInput(target('maintain_min', 95), { 2020: 90, 2024: 93 }, 2024, boundedUp),
      {
        status: 'on_track',
        actualRate: expect.closeTo(-0.08530878077130555, 6),
        ratio: expect.closeTo(1.564286080338233, 6),
        projectedValue: expect.closeTo(95.90036586998303, 6),
      },
    ],
    [
      'works in the indicator’s own units when it is not bounded',
      seriesInput(target('maintain_min', 95), { 2020: 90, 2024: 92 }, 2024, up),
      {
        status: 'on_track',
        requiredRate: expect.closeTo(0.005362378785610966, 6),
        ratio: expect.closeTo(1.0275011516583707, 6),
        projectedValue: expect.closeTo(95.08364112363313, 6),
      },
    ],
  ]);
});

describe('coverage targets', () => {
  assessesEach([
    [
      'assesses the share as a min target and is achieved at 100',
      seriesInput(target('coverage', 100), { 2020: 80, 2024: 100 }, 2024, boundedUp),
      { status: 'achieved', targetValue: 100 },
    ],
    [
      'uses the earliest observation before the latest as baseline when 2020 is missing',
      seriesInput(target('coverage', 100), { 2022: 80, 2024: 90 }, 2024, boundedUp),
      {
        baselineYear: 2022,
        status: 'off_track',
        actualRate: expect.closeTo(-0.2928932188134524, 6),
        ratio: expect.closeTo(0.3733232816777644, 6),
        projectedValue: expect.closeTo(98.75, 6),
      },
    ],
  ]);
});

describe('insufficient data', () => {
  assessesEach([
    [
      'has insufficient data without any observation',
      seriesInput(target('max', 3), {}, 2024),
      { status: 'insufficient_data', warning: 'none', value: null },
    ],
    [
      'has insufficient data when a single observation does not meet the target',
      seriesInput(target('max', 3), { 2020: 4 }, 2024),
      { status: 'insufficient_data', baselineYear: 2020 },
    ],
    [
      'is achieved on a single observation that meets the target',
      seriesInput(target('max', 3), { 2023: 2.5 }, 2024),
      { status: 'achieved' },
    ],
    [
      'is not assessed when a threshold target carries no value',
      seriesInput(target('max', null), { 2020: 4, 2024: 3 }, 2024),
      { status: 'not_assessed', warning: 'none' },
    ],
  ]);
});
