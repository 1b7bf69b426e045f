import { describe, expect, it } from 'vitest';
import type { Target, TargetKind } from '../plan/types.js';
import { assessSeries } from './assess-series.js';
import type { SeriesInput } from './types.js';

function target(kind: TargetKind, value: number | null): Target {
  return { kind, value, milestones: null, coverage: null, baselineYear: 2020, targetYear: 2030, sex: 'total', area: 'total' };
}

function input(t: Target | null, pairs: Array<[number, number]>, year = 2024): SeriesInput {
  return { target: t, bounded: false, direction: 'down', observations: pairs.map(([y, value]) => ({ year: y, value })), year };
}

describe('inputs of an assessment', () => {
  it('is not assessed without a target but still reports the latest and baseline values', () => {
    const a = assessSeries(
      input(null, [
        [2024, 4],
        [2018, 9],
        [2020, 5],
        [2025, 3],
      ]),
    );
    expect(a).toEqual({
      year: 2024,
      value: 4,
      latestYear: 2024,
      baselineYear: 2020,
      baselineValue: 5,
      targetValue: null,
      targetYear: null,
      status: 'not_assessed',
      warning: 'none',
      actualRate: null,
      requiredRate: null,
      ratio: null,
      projectedValue: null,
      volatile: false,
      missedMilestones: [],
      milestones: [],
    });
  });

  it('ignores observations before 2020, so a series known only before 2020 has insufficient data', () => {
    const a = assessSeries(
      input(target('max', 3), [
        [2018, 2],
        [2019, 2.5],
      ]),
    );
    expect(a.status).toBe('insufficient_data');
    expect(a.value).toBeNull();
    expect(a.latestYear).toBeNull();
  });

  it('ignores observations after the assessed year', () => {
    const a = assessSeries(
      input(target('max', 3), [
        [2020, 4],
        [2024, 3.5],
        [2025, 2],
      ]),
    );
    expect(a.status).toBe('on_track');
    expect(a.value).toBe(3.5);
    expect(a.projectedValue).toBeCloseTo(2.8647064367487998, 6);
  });

  it('takes the earliest observation before the latest as baseline when 2020 is missing', () => {
    const a = assessSeries(
      input(null, [
        [2023, 4],
        [2021, 5],
      ]),
    );
    expect(a.baselineYear).toBe(2021);
    expect(a.baselineValue).toBe(5);
  });

  it('has no baseline when a single observation lies after 2020', () => {
    const a = assessSeries(input(null, [[2022, 5]]));
    expect(a.baselineYear).toBeNull();
    expect(a.baselineValue).toBeNull();
  });
});

describe('warnings with volatility', () => {
  it('gives a yellow warning to an achieved target whose latest change is volatile', () => {
    const a = assessSeries(
      input(target('max', 3), [
        [2020, 2],
        [2022, 2.1],
        [2024, 2.6],
      ]),
    );
    expect(a.status).toBe('achieved');
    expect(a.volatile).toBe(true);
    expect(a.warning).toBe('yellow');
  });

  it('gives a yellow warning to an on-track target whose latest change is volatile', () => {
    const a = assessSeries(
      input(target('max', 3), [
        [2020, 4],
        [2022, 4.1],
        [2024, 3.2],
      ]),
    );
    expect(a.status).toBe('on_track');
    expect(a.ratio).toBeCloseTo(5.071457436991025, 6);
    expect(a.volatile).toBe(true);
    expect(a.warning).toBe('yellow');
  });

  it('keeps the red warning of a regressing series that is also volatile', () => {
    const a = assessSeries(
      input(target('max', 3), [
        [2020, 4],
        [2022, 4.1],
        [2024, 5.2],
      ]),
    );
    expect(a.status).toBe('regressing');
    expect(a.volatile).toBe(true);
    expect(a.warning).toBe('red');
  });

  it('gives no warning to a volatile series with insufficient data', () => {
    const a = assessSeries(
      input(target('reduce_by', 0.2), [
        [2021, 10],
        [2022, 10.5],
        [2024, 14],
      ]),
    );
    expect(a.status).toBe('insufficient_data');
    expect(a.volatile).toBe(true);
    expect(a.warning).toBe('none');
  });

  it('gives no warning to a volatile series without a target', () => {
    const a = assessSeries(
      input(null, [
        [2021, 10],
        [2022, 10.5],
        [2024, 14],
      ]),
    );
    expect(a.volatile).toBe(true);
    expect(a.warning).toBe('none');
  });

  it('judges volatility on observations from 2020 to the assessed year only', () => {
    const a = assessSeries(
      input(target('max', 20), [
        [2018, 10],
        [2019, 10.1],
        [2020, 10.2],
        [2024, 14],
      ]),
    );
    expect(a.volatile).toBe(false);
    expect(a.warning).toBe('green');
    const later = assessSeries(
      input(target('max', 20), [
        [2020, 10.2],
        [2022, 10.1],
        [2024, 14],
        [2025, 14],
      ]),
    );
    expect(later.volatile).toBe(true);
  });
});
