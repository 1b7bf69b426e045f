import { describe, expect, it } from 'vitest';
import { isVolatileChange, isVolatileSeries, median, relativeChange } from './volatility.js';

describe('relative change between consecutive observations', () => {
  it('is the ratio minus one', () => {
    expect(relativeChange(10.2, 13)).toBeCloseTo(0.27450980392156876, 6);
  });

  it('is infinite from zero to a non-zero value and zero from zero to zero', () => {
    expect(relativeChange(0, 3)).toBe(Infinity);
    expect(relativeChange(0, 0)).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('the volatility rule', () => {
  it('flags a latest change of at least 20 % that is at least twice the median earlier change', () => {
    // changes 0.05, −0.0285714, 0.2745098; m = 0.0392857
    expect(isVolatileSeries([10, 10.5, 10.2, 13])).toBe(true);
  });

  it('does not flag a change of 20 % or more when earlier changes were of the same size (the 2m rule)', () => {
    // changes 0.3, −0.2307692, 0.25; m = 0.2653846, 2m = 0.5307692 > 0.25
    expect(isVolatileSeries([10, 13, 10, 12.5])).toBe(false);
  });

  it('does not flag a latest change below 20 %', () => {
    // latest change 0.1386139
    expect(isVolatileSeries([10, 10.2, 10.1, 11.5])).toBe(false);
  });

  it('counts a change of exactly 20 % and exactly twice the median as volatile', () => {
    expect(isVolatileSeries([10, 10, 12])).toBe(true);
    expect(isVolatileSeries([10, 11, 13.2])).toBe(true);
  });

  it('flags a change of 20 % or more when there is no earlier pair', () => {
    expect(isVolatileChange(0.25, [])).toBe(true);
    expect(isVolatileChange(-0.2, [])).toBe(true);
    expect(isVolatileChange(0.15, [])).toBe(false);
  });

  it('needs three observations, so two are never volatile', () => {
    expect(isVolatileSeries([10, 20])).toBe(false);
    expect(isVolatileSeries([10])).toBe(false);
    expect(isVolatileSeries([])).toBe(false);
  });

  it('handles zero values without dividing by zero', () => {
    expect(isVolatileSeries([5, 0, 3])).toBe(true);
    expect(isVolatileSeries([0, 0, 3])).toBe(true);
    expect(isVolatileSeries([0, 0, 0])).toBe(false);
    expect(isVolatileSeries([3, 0, 0])).toBe(false);
  });
});
