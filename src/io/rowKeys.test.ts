import { describe, expect, it } from 'vitest';
import { RowKeys } from './rowKeys.js';

const base = { indicator: 'a', orgUnit: '220300', year: 2024, sex: 'total', area: 'total', ageGroup: 'total' };

describe('RowKeys', () => {
  const keys = new RowKeys(['a', 'b'], ['220300', '220302']);

  it('gives the same key for the same value identity', () => {
    expect(keys.key({ ...base })).toBe(keys.key({ ...base }));
  });

  it('gives different keys when any one part differs', () => {
    const variants = [
      { ...base, indicator: 'b' },
      { ...base, orgUnit: '220302' },
      { ...base, year: 2023 },
      { ...base, sex: 'male' },
      { ...base, area: 'rural' },
      { ...base, ageGroup: '0-6' },
    ];
    const all = new Set([keys.key(base), ...variants.map((v) => keys.key(v))]);
    expect(all.size).toBe(7);
  });

  it('uses numbers for known codes and falls back to text for unknown ones', () => {
    expect(typeof keys.key(base)).toBe('number');
    expect(typeof keys.key({ ...base, orgUnit: 'unknown' })).toBe('string');
  });

  it('finds the key of the previous year and of the same value at another unit', () => {
    const key = keys.key(base) as number;
    expect(keys.previousYear(key)).toBe(keys.key({ ...base, year: 2023 }));
    expect(keys.previousYear(keys.key({ ...base, year: 2000 }) as number)).toBeNull();
    expect(keys.orgIndex(keys.key({ ...base, indicator: 'b', orgUnit: '220302' }) as number)).toBe(1);
    expect(keys.atOrg(key, 1)).toBe(keys.key({ ...base, orgUnit: '220302' }));
  });

  it('decodes a numeric key back into its parts', () => {
    const parts = { ...base, indicator: 'b', orgUnit: '220302', year: 2021, sex: 'female', area: 'urban', ageGroup: '0-6' };
    expect(keys.parts(keys.key(parts) as number)).toEqual(parts);
  });

  it('tells the indicator and year of numeric and text keys alike', () => {
    expect(keys.indicatorYear(keys.key({ ...base, indicator: 'b', year: 2021 }))).toEqual(['b', 2021]);
    expect(keys.indicatorYear(keys.key({ ...base, indicator: 'b', orgUnit: 'unknown', year: 2021 }))).toEqual(['b', 2021]);
  });
});
