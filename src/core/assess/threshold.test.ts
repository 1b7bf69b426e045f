import { describe, expect, it } from 'vitest';
import type { Target, TargetKind } from '../plan/types.js';
import { assessSeries } from './assess-series.js';
import type { Observation, SeriesInput } from './types.js';

// Expected numbers were computed independently in python3 from the formulas of methodology.md.

function target(kind: TargetKind, value: number | null, extra: Partial<Target> = {}): Target {
  return { kind, value, milestones: null, coverage: null, baselineYear: 2020, targetYear: 2030, sex: 'total', area: 'total', ...extra };
}

function obs(pairs: Array<[number, number]>): Observation[] {
  return pairs.map(([year, value]) => ({ year, value }));
}

function input(t: Target, pairs: Array<[number, number]>, year: number, shape: Partial<SeriesInput> = {}): SeriesInput {
  return { target: t, bounded: false, direction: 'down', observations: obs(pairs), year, ...shape };
}

const up = { bounded: false, direction: 'up' } as const;
const boundedUp = { bounded: true, direction: 'up' } as const;

describe('max targets', () => {
  it('marks a max target met when the latest value equals the threshold', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2023, 3],
        ],
        2023,
      ),
    );
    expect(a.status).toBe('achieved');
    expect(a.warning).toBe('green');
    expect(a.targetValue).toBe(3);
    expect(a.targetYear).toBe(2030);
    expect(a.actualRate).toBeNull();
    expect(a.requiredRate).toBeNull();
    expect(a.ratio).toBeNull();
    expect(a.projectedValue).toBeNull();
  });

  it('is on track when the actual rate is at least 0.95 of the rate required from the latest year', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2024, 3.5],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.warning).toBe('green');
    expect(a.actualRate).toBeCloseTo(-0.032831789866165306, 6);
    expect(a.requiredRate).toBeCloseTo(-0.025364554516409732, 6);
    expect(a.ratio).toBeCloseTo(1.2943964714588072, 6);
    expect(a.projectedValue).toBeCloseTo(2.8647064367487998, 6);
  });

  it('needs acceleration when the ratio lies between 0.6 and 0.95', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2024, 3.6],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('needs_acceleration');
    expect(a.warning).toBe('yellow');
    expect(a.ratio).toBeCloseTo(0.8685717957791307, 6);
    expect(a.projectedValue).toBeCloseTo(3.0737338856836645, 6);
  });

  it('is off track with a red warning when the ratio lies between 0 and 0.6', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2024, 3.8],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('off_track');
    expect(a.warning).toBe('red');
    expect(a.ratio).toBeCloseTo(0.3298150961246893, 6);
  });

  it('is regressing when the value moves away from the target, making the ratio negative', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2024, 4.2],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('regressing');
    expect(a.warning).toBe('red');
    expect(a.actualRate).toBeCloseTo(0.012272234429039353, 6);
    expect(a.ratio).toBeCloseTo(-0.22503293703678248, 6);
    expect(a.projectedValue).toBeCloseTo(4.5189052877881855, 6);
  });
});

describe('actual rate: two points against regression', () => {
  it('uses the log-linear regression once three observations lie between baseline and latest', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2021, 3.9],
          [2024, 3.5],
        ],
        2024,
      ),
    );
    expect(a.actualRate).toBeCloseTo(-0.03343162304910341, 6);
    expect(a.ratio).toBeCloseTo(1.3180449523556443, 6);
    expect(a.projectedValue).toBeCloseTo(2.854062886501639, 6);
  });

  it('uses the compound rate of baseline and latest when there are exactly two observations', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2024, 3.5],
        ],
        2024,
      ),
    );
    expect(a.actualRate).toBeCloseTo(-0.032831789866165306, 6);
  });

  it('fits the regression in the indicator’s own units for an unbounded min target', () => {
    const a = assessSeries(
      input(
        target('min', 1.05),
        [
          [2020, 0.8],
          [2022, 0.85],
          [2024, 0.95],
        ],
        2024,
        up,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(0.043898814964921984, 6);
    expect(a.requiredRate).toBeCloseTo(0.016820474016138842, 6);
    expect(a.ratio).toBeCloseTo(2.6098441056299673, 6);
    expect(a.projectedValue).toBeCloseTo(1.2293457176704556, 6);
  });
});

describe('gap transform and the 0.001 rule', () => {
  it('works on the gap to 100 for a bounded indicator whose direction is up', () => {
    const a = assessSeries(
      input(
        target('min', 60),
        [
          [2020, 50],
          [2024, 55],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(-0.025996253574703254, 6);
    expect(a.requiredRate).toBeCloseTo(-0.019439082189040002, 6);
    expect(a.ratio).toBeCloseTo(1.3373189804897407, 6);
    expect(a.projectedValue).toBeCloseTo(61.5783264289542, 6);
  });

  it('replaces a zero target gap by 0.001 before taking logarithms', () => {
    const a = assessSeries(
      input(
        target('min', 100),
        [
          [2020, 80],
          [2024, 90],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('off_track');
    expect(a.actualRate).toBeCloseTo(-0.1591035847462855, 6);
    expect(a.requiredRate).toBeCloseTo(-0.7845565309968117, 6);
    expect(a.ratio).toBeCloseTo(0.20279429009932246, 6);
    expect(a.projectedValue).toBeCloseTo(96.46446609406726, 6);
  });

  it('lets r alone decide when the 0.001 stand-in leaves no required rate toward the target', () => {
    const a = assessSeries(
      input(
        target('min', 100),
        [
          [2020, 99.9],
          [2024, 99.9995],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(-0.7340852051527506, 6);
    expect(a.requiredRate).toBeNull();
    expect(a.ratio).toBeNull();
  });
});

describe('past the target year', () => {
  it('is off track when the target year has passed unmet and the value still moves toward it', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2031, 3.2],
        ],
        2031,
      ),
    );
    expect(a.status).toBe('off_track');
    expect(a.actualRate).toBeCloseTo(-0.020081405291969112, 6);
    expect(a.requiredRate).toBeNull();
    expect(a.ratio).toBeNull();
    expect(a.projectedValue).toBeNull();
  });

  it('is regressing when the target year has passed unmet and the value moves the wrong way', () => {
    const a = assessSeries(
      input(
        target('max', 3),
        [
          [2020, 4],
          [2030, 4.5],
        ],
        2030,
      ),
    );
    expect(a.status).toBe('regressing');
    expect(a.warning).toBe('red');
  });
});

describe('reduce_by targets', () => {
  it('sets the threshold to the 2020 value reduced by p and marks it achieved when reached', () => {
    const a = assessSeries(
      input(
        target('reduce_by', 0.2),
        [
          [2020, 10],
          [2024, 8],
        ],
        2024,
      ),
    );
    expect(a.targetValue).toBeCloseTo(8, 6);
    expect(a.status).toBe('achieved');
  });

  it('assesses an unreached reduction like a max target', () => {
    const a = assessSeries(
      input(
        target('reduce_by', 0.2),
        [
          [2020, 10],
          [2024, 9],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.requiredRate).toBeCloseTo(-0.019439082189040002, 6);
    expect(a.ratio).toBeCloseTo(1.3373189804897407, 6);
    expect(a.projectedValue).toBeCloseTo(7.684334714209161, 6);
  });

  it('has insufficient data without a 2020 value, even with a later baseline', () => {
    const a = assessSeries(
      input(
        target('reduce_by', 0.2),
        [
          [2021, 10],
          [2024, 9],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('insufficient_data');
    expect(a.warning).toBe('none');
    expect(a.targetValue).toBeNull();
    expect(a.baselineYear).toBe(2021);
  });
});

describe('maintain_min targets', () => {
  it('is achieved while the latest value meets the threshold', () => {
    const a = assessSeries(
      input(
        target('maintain_min', 95),
        [
          [2020, 96],
          [2024, 95],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('achieved');
  });

  it('is regressing when it falls below a threshold met in an earlier year', () => {
    const a = assessSeries(
      input(
        target('maintain_min', 95),
        [
          [2020, 96],
          [2022, 97],
          [2024, 94],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('regressing');
    expect(a.warning).toBe('red');
    expect(a.actualRate).toBeNull();
  });

  it('is judged on its rates when the threshold was never met', () => {
    const a = assessSeries(
      input(
        target('maintain_min', 95),
        [
          [2020, 90],
          [2024, 93],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.actualRate).toBeCloseTo(-0.08530878077130555, 6);
    expect(a.ratio).toBeCloseTo(1.564286080338233, 6);
    expect(a.projectedValue).toBeCloseTo(95.90036586998303, 6);
  });

  it('works in the indicator’s own units when it is not bounded', () => {
    const a = assessSeries(
      input(
        target('maintain_min', 95),
        [
          [2020, 90],
          [2024, 92],
        ],
        2024,
        up,
      ),
    );
    expect(a.status).toBe('on_track');
    expect(a.requiredRate).toBeCloseTo(0.005362378785610966, 6);
    expect(a.ratio).toBeCloseTo(1.0275011516583707, 6);
    expect(a.projectedValue).toBeCloseTo(95.08364112363313, 6);
  });
});

describe('coverage targets', () => {
  it('assesses the share as a min target and is achieved at 100', () => {
    const a = assessSeries(
      input(
        target('coverage', 100),
        [
          [2020, 80],
          [2024, 100],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.status).toBe('achieved');
    expect(a.targetValue).toBe(100);
  });

  it('uses the earliest observation before the latest as baseline when 2020 is missing', () => {
    const a = assessSeries(
      input(
        target('coverage', 100),
        [
          [2022, 80],
          [2024, 90],
        ],
        2024,
        boundedUp,
      ),
    );
    expect(a.baselineYear).toBe(2022);
    expect(a.status).toBe('off_track');
    expect(a.actualRate).toBeCloseTo(-0.2928932188134524, 6);
    expect(a.ratio).toBeCloseTo(0.3733232816777644, 6);
    expect(a.projectedValue).toBeCloseTo(98.75, 6);
  });
});

describe('insufficient data', () => {
  it('has insufficient data without any observation', () => {
    const a = assessSeries(input(target('max', 3), [], 2024));
    expect(a.status).toBe('insufficient_data');
    expect(a.warning).toBe('none');
    expect(a.value).toBeNull();
  });

  it('has insufficient data when a single observation does not meet the target', () => {
    const a = assessSeries(input(target('max', 3), [[2020, 4]], 2024));
    expect(a.status).toBe('insufficient_data');
    expect(a.baselineYear).toBe(2020);
  });

  it('is achieved on a single observation that meets the target', () => {
    expect(assessSeries(input(target('max', 3), [[2023, 2.5]], 2024)).status).toBe('achieved');
  });

  it('is not assessed when a threshold target carries no value', () => {
    const a = assessSeries(
      input(
        target('max', null),
        [
          [2020, 4],
          [2024, 3],
        ],
        2024,
      ),
    );
    expect(a.status).toBe('not_assessed');
    expect(a.warning).toBe('none');
  });
});
