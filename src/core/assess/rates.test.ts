import { describe, expect, it } from 'vitest';
import { obs } from './assess.fixtures.js';
import { actualRate, compoundRate, fromWork, loggable, logLinearRate, projectWork, requiredRate, toWork, withinBounds } from './rates.js';

// Expected numbers were computed independently in python3.

describe('work space', () => {
  it('uses the gap to 100 when asked and the value itself otherwise', () => {
    expect(toWork(95.5, true)).toBeCloseTo(4.5, 6);
    expect(toWork(95.5, false)).toBe(95.5);
    expect(fromWork(4.5, true)).toBeCloseTo(95.5, 6);
    expect(fromWork(4.5, false)).toBe(4.5);
  });

  it('replaces zero and negative values by 0.001 before logarithms', () => {
    expect(loggable(0)).toBe(0.001);
    expect(loggable(-0.4)).toBe(0.001);
    expect(loggable(0.0005)).toBe(0.0005);
    expect(loggable(5)).toBe(5);
  });
});

describe('rates', () => {
  it('computes the compound annual rate of two points', () => {
    expect(compoundRate(2020, 4, 2024, 3.5)).toBeCloseTo(-0.032831789866165306, 6);
  });

  it('applies the 0.001 rule to a zero starting value of the compound rate', () => {
    expect(compoundRate(2020, 0, 2022, 1)).toBeCloseTo(30.622776601683793, 6);
  });

  it('computes the log-linear regression rate of three or more points', () => {
    const points = obs({ 2020: 4, 2021: 3.9, 2024: 3.5 });
    expect(logLinearRate(points)).toBeCloseTo(-0.03343162304910341, 6);
    expect(actualRate(points)).toBeCloseTo(-0.03343162304910341, 6);
  });

  it('gives the regression no leverage from a midpoint equally far from both ends', () => {
    const points = obs({ 2020: 4, 2022: 3.9, 2024: 3.5 });
    expect(actualRate(points)).toBeCloseTo(-0.032831789866165306, 6);
  });

  it('has no actual rate with fewer than two points', () => {
    expect(actualRate([{ year: 2020, value: 4 }])).toBeNull();
    expect(actualRate([])).toBeNull();
  });

  it('computes the rate required from the latest year, with 0.001 for a zero target', () => {
    expect(requiredRate(3, 3.5, 6)).toBeCloseTo(-0.025364554516409732, 6);
    expect(requiredRate(0, 10, 6)).toBeCloseTo(-0.7845565309968117, 6);
  });

  it('projects the latest value to the target year at the actual rate', () => {
    expect(projectWork(3.5, -0.032831789866165306, 6)).toBeCloseTo(2.8647064367487998, 6);
  });

  it('keeps bounded values within 0 … 100 and leaves unbounded ones alone', () => {
    expect(withinBounds(-3, true)).toBe(0);
    expect(withinBounds(101, true)).toBe(100);
    expect(withinBounds(101, false)).toBe(101);
  });
});
