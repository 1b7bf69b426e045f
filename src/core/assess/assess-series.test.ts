import { describe, expect, it } from 'vitest';
import { type AssessmentCase, seriesInput, target } from './assess.fixtures.js';
import { assessSeries } from './assess-series.js';

function assessesEach(cases: AssessmentCase[]): void {
  it.each(cases)('%s', (_name, series, expected) => {
    expect(assessSeries(series)).toMatchObject(expected);
  });
}

describe('inputs of an assessment', () => {
  it('is not assessed without a target but still reports the latest and baseline values', () => {
    const a = assessSeries(
      seriesInput(
        null,
        [
          [2024, 4],
          [2018, 9],
          [2020, 5],
          [2025, 3],
        ],
        2024,
      ),
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
    const a = assessSeries(seriesInput(target('max', 3), { 2018: 2, 2019: 2.5 }, 2024));
    expect(a.status).toBe('insufficient_data');
    expect(a.value).toBeNull();
    expect(a.latestYear).toBeNull();
  });

  it('ignores observations after the assessed year', () => {
    const a = assessSeries(seriesInput(target('max', 3), { 2020: 4, 2024: 3.5, 2025: 2 }, 2024));
    expect(a.status).toBe('on_track');
    expect(a.value).toBe(3.5);
    expect(a.projectedValue).toBeCloseTo(2.8647064367487998, 6);
  });

  it('takes the earliest observation before the latest as baseline when 2020 is missing', () => {
    const a = assessSeries(
      seriesInput(
        null,
        [
          [2023, 4],
          [2021, 5],
        ],
        2024,
      ),
    );
    expect(a.baselineYear).toBe(2021);
    expect(a.baselineValue).toBe(5);
  });

  it('has no baseline when a single observation lies after 2020', () => {
    const a = assessSeries(seriesInput(null, { 2022: 5 }, 2024));
    expect(a.baselineYear).toBeNull();
    expect(a.baselineValue).toBeNull();
  });
});

describe('warnings with volatility', () => {
  assessesEach([
    [
      'gives a yellow warning to an achieved target whose latest change is volatile',
      seriesInput(target('max', 3), { 2020: 2, 2022: 2.1, 2024: 2.6 }, 2024),
      { status: 'achieved', volatile: true, warning: 'yellow' },
    ],
    [
      'gives a yellow warning to an on-track target whose latest change is volatile',
      seriesInput(target('max', 3), { 2020: 4, 2022: 4.1, 2024: 3.2 }, 2024),
      { status: 'on_track', ratio: expect.closeTo(5.071457436991025, 6), volatile: true, warning: 'yellow' },
    ],
    [
      'keeps the red warning of a regressing series that is also volatile',
      seriesInput(target('max', 3), { 2020: 4, 2022: 4.1, 2024: 5.2 }, 2024),
      { status: 'regressing', volatile: true, warning: 'red' },
    ],
    [
      'gives no warning to a volatile series with insufficient data',
      seriesInput(target('reduce_by', 0.2), { 2021: 10, 2022: 10.5, 2024: 14 }, 2024),
      { status: 'insufficient_data', volatile: true, warning: 'none' },
    ],
    [
      'gives no warning to a volatile series without a target',
      seriesInput(null, { 2021: 10, 2022: 10.5, 2024: 14 }, 2024),
      { volatile: true, warning: 'none' },
    ],
  ]);

  it('judges volatility on observations from 2020 to the assessed year only', () => {
    const a = assessSeries(seriesInput(target('max', 20), { 2018: 10, 2019: 10.1, 2020: 10.2, 2024: 14 }, 2024));
    expect(a.volatile).toBe(false);
    expect(a.warning).toBe('green');
    const later = assessSeries(seriesInput(target('max', 20), { 2020: 10.2, 2022: 10.1, 2024: 14, 2025: 14 }, 2024));
    expect(later.volatile).toBe(true);
  });
});
