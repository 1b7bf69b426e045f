import { describe, expect, it } from 'vitest';
import { assessSeries } from './assess-series.js';
import { boundedUp, seriesInput, target } from './assess.fixtures.js';
import { ratePath } from './paths.js';

const plain = { gap: false, bounded: false };
const gap = { gap: true, bounded: true };

describe('paths to the target year', () => {
  it('ends the projection at the projected value of the assessment', () => {
    const a = assessSeries(seriesInput(target('max', 3), { 2020: 4.2, 2022: 3.9, 2024: 3.7 }, 2024));
    expect(a.status).not.toBe('achieved');
    const path = ratePath({ year: 2024, value: 3.7 }, a.actualRate ?? 0, 2030, plain);
    expect(path.map((p) => p.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(path[0]?.value).toBe(3.7);
    expect(path[path.length - 1]?.value).toBeCloseTo(a.projectedValue ?? NaN, 10);
  });

  it('ends the required path at the target', () => {
    const a = assessSeries(seriesInput(target('max', 3), { 2020: 4.2, 2024: 3.7 }, 2024));
    const path = ratePath({ year: 2024, value: 3.7 }, a.requiredRate ?? 0, 2030, plain);
    expect(path[path.length - 1]?.value).toBeCloseTo(3, 10);
    // A constant relative fall: each year's value is the one before times 1 + q.
    expect((path[2]?.value ?? 0) / (path[1]?.value ?? 1)).toBeCloseTo(1 + (a.requiredRate ?? 0), 10);
  });

  it('moves on the gap to 100 for a bounded indicator whose direction is up', () => {
    const a = assessSeries(seriesInput(target('min', 95), { 2020: 88, 2024: 90 }, 2024, boundedUp));
    const projection = ratePath({ year: 2024, value: 90 }, a.actualRate ?? 0, 2030, gap);
    expect(projection[projection.length - 1]?.value).toBeCloseTo(a.projectedValue ?? NaN, 10);
    const required = ratePath({ year: 2024, value: 90 }, a.requiredRate ?? 0, 2030, gap);
    expect(required[required.length - 1]?.value).toBeCloseTo(95, 10);
    // The gap 10 → 5 halves in six years: the value rises ever more slowly.
    expect((required[1]?.value ?? 0) - 90).toBeGreaterThan((required[6]?.value ?? 0) - (required[5]?.value ?? 0));
  });

  it('keeps a bounded projection within 100', () => {
    const path = ratePath({ year: 2024, value: 99 }, 1.5, 2030, { gap: false, bounded: true });
    expect(Math.max(...path.map((p) => p.value))).toBe(100);
  });

  it('has no path when the target year is not after the latest year', () => {
    expect(ratePath({ year: 2030, value: 3.2 }, -0.02, 2030, plain)).toEqual([]);
  });
});
