import { describe, expect, it } from 'vitest';
import type { Area, CoverageRule, Sex } from '../plan/types.js';
import { node } from './aggregate.fixtures.js';
import { deriveCoverage } from './derive-coverage.js';
import { OrgTree } from './org-tree.js';
import type { Origin, ResolvedValue } from './types.js';

interface Options {
  year?: number;
  sex?: Sex;
  area?: Area;
  ageGroup?: string;
  origin?: Origin;
}

function rate(orgUnit: string, value: number | null, o: Options = {}): ResolvedValue {
  return {
    orgUnit,
    year: o.year ?? 2022,
    sex: o.sex ?? 'total',
    area: o.area ?? 'total',
    ageGroup: o.ageGroup ?? '',
    value,
    numerator: null,
    denominator: null,
    origin: o.origin ?? 'reported',
    contributors: 0,
  };
}

const RULE: CoverageRule = { indicator: 'immunization_rate', level: 'township', threshold: 95 };

// 四平市 → 梨树县 (a street and two towns), 双辽市 (two towns).
const TREE = OrgTree.from([
  node('220300', null, 'city'),
  node('220322', '220300', 'county'),
  node('220322001', '220322', 'township', 'urban'),
  node('220322100', '220322', 'township', 'rural'),
  node('220322101', '220322', 'township', 'rural'),
  node('220322101201', '220322101', 'village', 'rural'),
  node('220382', '220300', 'county'),
  node('220382100', '220382', 'township', 'rural'),
  node('220382101', '220382', 'township', 'rural'),
]);

function find(out: ResolvedValue[], orgUnit: string, area: Area = 'total'): ResolvedValue | undefined {
  return out.find((r) => r.orgUnit === orgUnit && r.area === area);
}

describe('deriveCoverage', () => {
  it('gives the share of townships whose rate meets the threshold', () => {
    // 96 and 95 meet 95 ("以上" includes the number), 94 does not: 2 of 3.
    const out = deriveCoverage(RULE, TREE, [rate('220322001', 96), rate('220322100', 94), rate('220322101', 95)]);
    const county = find(out, '220322');
    expect(county).toMatchObject({ numerator: 2, denominator: 3, origin: 'derived', contributors: 3 });
    expect(county?.value).toBeCloseTo(66.66666666666667, 12);
    expect(find(out, '220300')).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('counts only the descendants that have data, and gives nothing where none has', () => {
    const out = deriveCoverage(RULE, TREE, [rate('220322001', 96), rate('220322100', null), rate('220382100', 97), rate('220382101', 90)]);
    // 梨树县: 1 of 1 (the town without a value is left out); 双辽市: 1 of 2; the city: 2 of 3.
    expect(find(out, '220322')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(find(out, '220382')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(find(out, '220300')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(deriveCoverage(RULE, TREE, [rate('220322100', null)])).toEqual([]);
  });

  it('uses aggregated township values and ignores values at other levels', () => {
    const out = deriveCoverage(RULE, TREE, [rate('220322100', 96, { origin: 'aggregated' }), rate('220322101201', 99), rate('220322', 99)]);
    expect(out.map((r) => [r.orgUnit, r.area, r.numerator, r.denominator])).toEqual([
      ['220322', 'total', 1, 1],
      ['220322', 'rural', 1, 1],
      ['220300', 'total', 1, 1],
      ['220300', 'rural', 1, 1],
    ]);
  });

  it('splits urban and rural by the townships’ classification when they have only totals', () => {
    const out = deriveCoverage(RULE, TREE, [rate('220322001', 96), rate('220322100', 94), rate('220322101', 95)]);
    expect(find(out, '220322', 'urban')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(find(out, '220322', 'rural')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('uses a township’s own urban and rural values when it has them', () => {
    const out = deriveCoverage(RULE, TREE, [
      rate('220322100', 95),
      rate('220322100', 97, { area: 'urban' }),
      rate('220322100', 93, { area: 'rural' }),
    ]);
    expect(find(out, '220322', 'urban')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(find(out, '220322', 'rural')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it('treats a rate a floating-point hair below the threshold as meeting it', () => {
    const out = deriveCoverage(RULE, TREE, [rate('220322100', 94.99999999999999), rate('220322101', 94.9)]);
    expect(find(out, '220322')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('keeps years, sexes and age groups apart, in the deterministic order', () => {
    const out = deriveCoverage(RULE, TREE, [
      rate('220382100', 96, { year: 2023 }),
      rate('220382100', 90, { year: 2022, sex: 'male' }),
      rate('220382101', 99, { year: 2022, sex: 'male' }),
      rate('220382100', 90, { year: 2022, ageGroup: '0-6' }),
      rate('220382100', 96, { year: 2022 }),
    ]);
    expect(out.map((r) => [r.orgUnit, r.year, r.sex, r.area, r.ageGroup, r.value])).toEqual([
      ['220382', 2022, 'total', 'total', '', 100],
      ['220382', 2022, 'total', 'total', '0-6', 0],
      ['220382', 2022, 'total', 'rural', '', 100],
      ['220382', 2022, 'total', 'rural', '0-6', 0],
      ['220382', 2022, 'male', 'total', '', 50],
      ['220382', 2022, 'male', 'rural', '', 50],
      ['220382', 2023, 'total', 'total', '', 100],
      ['220382', 2023, 'total', 'rural', '', 100],
      ['220300', 2022, 'total', 'total', '', 100],
      ['220300', 2022, 'total', 'total', '0-6', 0],
      ['220300', 2022, 'total', 'rural', '', 100],
      ['220300', 2022, 'total', 'rural', '0-6', 0],
      ['220300', 2022, 'male', 'total', '', 50],
      ['220300', 2022, 'male', 'rural', '', 50],
      ['220300', 2023, 'total', 'total', '', 100],
      ['220300', 2023, 'total', 'rural', '', 100],
    ]);
  });

  it('rejects two values for the same township, year, sex, area and age group', () => {
    expect(() => deriveCoverage(RULE, TREE, [rate('220322100', 95), rate('220322100', 96)])).toThrow(/two values for 220322100/);
  });
});
