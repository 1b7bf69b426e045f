import { describe, expect, it } from 'vitest';
import type { Target, TargetKind } from '../plan/types.js';
import { assessSeries } from './assess-series.js';
import type { SeriesInput } from './types.js';

// Expected numbers were computed independently in python3 from the formulas of methodology.md.

function trend(kind: TargetKind): Target {
  return { kind, value: null, milestones: null, coverage: null, baselineYear: 2020, targetYear: 2030, sex: 'total', area: 'total' };
}

function input(kind: TargetKind, pairs: Array<[number, number]>, shape: Partial<SeriesInput> = {}): SeriesInput {
  return {
    target: trend(kind),
    bounded: false,
    direction: kind === 'trend_up' ? 'up' : 'down',
    observations: pairs.map(([year, value]) => ({ year, value })),
    year: 2024,
    ...shape,
  };
}

const boundedUp = { bounded: true, direction: 'up' } as const;

describe('trend_down', () => {
  it('is on track when the value falls by at least 1 % a year', () => {
    const a = assessSeries(
      input('trend_down', [
        [2020, 10],
        [2024, 9],
      ]),
    );
    expect(a.status).toBe('on_track');
    expect(a.warning).toBe('green');
    expect(a.actualRate).toBeCloseTo(-0.025996253574703254, 6);
    expect(a.targetValue).toBeNull();
    expect(a.targetYear).toBe(2030);
    expect(a.requiredRate).toBeNull();
    expect(a.ratio).toBeNull();
    expect(a.projectedValue).toBeCloseTo(7.684334714209161, 6);
  });

  it('needs acceleration when it falls by less than 1 % a year', () => {
    const a = assessSeries(
      input('trend_down', [
        [2020, 10],
        [2024, 9.8],
      ]),
    );
    expect(a.status).toBe('needs_acceleration');
    expect(a.warning).toBe('yellow');
    expect(a.actualRate).toBeCloseTo(-0.005037943607311912, 6);
    expect(a.projectedValue).toBeCloseTo(9.507474937121847, 6);
  });

  it('is regressing when the value rises', () => {
    const a = assessSeries(
      input('trend_down', [
        [2020, 10],
        [2024, 10.5],
      ]),
    );
    expect(a.status).toBe('regressing');
    expect(a.warning).toBe('red');
    expect(a.actualRate).toBeCloseTo(0.012272234429039353, 6);
  });

  it('replaces a latest value of zero by 0.001 in the regression and projects zero onward', () => {
    const a = assessSeries(
      input('trend_down', [
        [2020, 2],
        [2022, 1],
        [2024, 0],
      ]),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(-0.8504651218778779, 6);
    expect(a.projectedValue).toBeCloseTo(0, 6);
  });

  it('has insufficient data without an observation after the baseline', () => {
    const a = assessSeries(input('trend_down', [[2020, 10]]));
    expect(a.status).toBe('insufficient_data');
    expect(a.warning).toBe('none');
    expect(a.actualRate).toBeNull();
  });
});

describe('trend_up', () => {
  it('is on track when an unbounded value rises by at least 1 % a year', () => {
    const a = assessSeries(
      input('trend_up', [
        [2020, 2],
        [2024, 3],
      ]),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(0.10668191970032148, 6);
    expect(a.projectedValue).toBeCloseTo(5.511351921262148, 6);
  });

  it('judges a bounded value on the shrinking gap to 100', () => {
    const a = assessSeries(
      input(
        'trend_up',
        [
          [2020, 95],
          [2024, 96],
        ],
        boundedUp,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(-0.05425839099682417, 6);
    expect(a.projectedValue).toBeCloseTo(97.13783298880027, 6);
  });

  it('is regressing when a bounded value falls, widening the gap', () => {
    const a = assessSeries(
      input(
        'trend_up',
        [
          [2020, 95],
          [2024, 94],
        ],
        boundedUp,
      ),
    );
    expect(a.status).toBe('regressing');
    expect(a.actualRate).toBeCloseTo(0.04663513939210562, 6);
  });

  it('keeps a bounded projection within 0 … 100 when a zero gap makes the rate explode', () => {
    const a = assessSeries(
      input(
        'trend_up',
        [
          [2020, 100],
          [2022, 98],
          [2024, 99],
        ],
        boundedUp,
      ),
    );
    expect(a.status).toBe('regressing');
    expect(a.actualRate).toBeCloseTo(4.62341325190349, 6);
    expect(a.projectedValue).toBe(0);
  });
});

describe('no_increase', () => {
  it('is achieved when the value stays the same', () => {
    const a = assessSeries(
      input('no_increase', [
        [2020, 10],
        [2024, 10],
      ]),
    );
    expect(a.status).toBe('achieved');
    expect(a.warning).toBe('green');
    expect(a.actualRate).toBe(0);
  });

  it('is achieved when the value falls', () => {
    const a = assessSeries(
      input('no_increase', [
        [2020, 10],
        [2024, 9.5],
      ]),
    );
    expect(a.status).toBe('achieved');
    expect(a.actualRate).toBeCloseTo(-0.012741455098566168, 6);
  });

  it('is regressing when the value rises', () => {
    const a = assessSeries(
      input('no_increase', [
        [2020, 10],
        [2024, 10.4],
      ]),
    );
    expect(a.status).toBe('regressing');
    expect(a.actualRate).toBeCloseTo(0.009853406548968824, 6);
  });
});
