import { describe, expect, it } from 'vitest';
import { countyRange, urbanRuralGap } from './disparity.js';

describe('urban–rural gap', () => {
  it('is narrowing when the latest gap is smaller than the baseline gap', () => {
    const g = urbanRuralGap({ urban: 3, rural: 6 }, { urban: 2.5, rural: 4.5 });
    expect(g.gap).toBeCloseTo(2, 6);
    expect(g.baselineGap).toBeCloseTo(3, 6);
    expect(g.trend).toBe('narrowing');
  });

  it('is widening when the latest gap is larger, whichever side leads', () => {
    const g = urbanRuralGap({ urban: 5, rural: 6 }, { urban: 6, rural: 4 });
    expect(g.gap).toBeCloseTo(2, 6);
    expect(g.trend).toBe('widening');
  });

  it('is stable when the gaps are equal up to floating-point noise', () => {
    // |10.3 − 8.1| = 2.200000000000001 and |12.5 − 10.3| = 2.1999999999999993 in binary floating point
    const g = urbanRuralGap({ urban: 10.3, rural: 8.1 }, { urban: 12.5, rural: 10.3 });
    expect(g.trend).toBe('stable');
  });

  it('has no baseline gap and no trend without baseline values', () => {
    expect(urbanRuralGap(null, { urban: 2, rural: 5 })).toEqual({ gap: 3, baselineGap: null, trend: null });
  });
});

describe('range across county-level units', () => {
  it('reports range and ratio against the baseline year', () => {
    const c = countyRange([4, 6, 8, 5, 7], [4.5, 5, 6, 5.5, 5.2]);
    expect(c.range).toBeCloseTo(1.5, 6);
    expect(c.ratio).toBeCloseTo(1.3333333333333333, 6);
    expect(c.baselineRange).toBeCloseTo(4, 6);
    expect(c.baselineRatio).toBeCloseTo(2, 6);
    expect(c.trend).toBe('narrowing');
    expect(c.ratioTrend).toBe('narrowing');
  });

  it('judges the trend on the range and reports the ratio’s own trend beside it', () => {
    const c = countyRange([10, 20], [2, 6]);
    expect(c.trend).toBe('narrowing');
    expect(c.ratioTrend).toBe('widening');
  });

  it('has no ratio when the smallest value is zero', () => {
    const c = countyRange([1, 2], [0, 2, 3]);
    expect(c.range).toBe(3);
    expect(c.ratio).toBeNull();
    expect(c.trend).toBe('widening');
    expect(c.ratioTrend).toBeNull();
  });

  it('has no baseline figures and no trend without baseline values', () => {
    const c = countyRange([], [3, 3, 3]);
    expect(c).toEqual({ range: 0, ratio: 1, baselineRange: null, baselineRatio: null, trend: null, ratioTrend: null });
  });

  it('is stable when the range does not change', () => {
    expect(countyRange([2, 4], [5, 7]).trend).toBe('stable');
  });

  it('refuses an empty list of latest values', () => {
    expect(() => countyRange([1, 2], [])).toThrow(RangeError);
  });
});
