import { describe, expect, it } from 'vitest';
import { aggregateIndicator } from './aggregate-indicator.js';
import { find, indicator, node, rec, yesNo } from './aggregate.fixtures.js';
import { OrgTree, type OrgNode } from './org-tree.js';
import type { ValueRecord } from './types.js';

// 四平市 → 铁西区, 梨树县, 双辽市 (county level only).
const CITY = OrgTree.from([
  node('220300', null, 'city'),
  node('220302', '220300', 'county'),
  node('220322', '220300', 'county'),
  node('220382', '220300', 'county'),
]);

describe('ratio roll-up', () => {
  it('divides the sum of numerators by the sum of denominators, not the average of the rates', () => {
    // 2/1000 = 2‰ and 10/2000 = 5‰: the city has 12/3000 = 4‰, not (2 + 5) / 2 = 3.5‰.
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220322', 5, 10, 2000)]);
    expect(find(out, '220300')).toEqual({
      orgUnit: '220300',
      year: 2022,
      sex: 'total',
      area: 'total',
      ageGroup: '',
      value: 4,
      numerator: 12,
      denominator: 3000,
      origin: 'aggregated',
      contributors: 2,
    });
  });

  it('keeps a parent’s own reported value instead of the aggregate of its children', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [
      rec('220302', 2, 2, 1000),
      rec('220322', 5, 10, 2000),
      rec('220300', 4.5, 14, 3100),
    ]);
    const city = out.filter((r) => r.orgUnit === '220300');
    expect(city).toHaveLength(1);
    expect(city[0]).toMatchObject({ value: 4.5, numerator: 14, denominator: 3100, origin: 'reported', contributors: 0 });
  });

  it('aggregates a parent whose own record has no value', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220300', null, 9, 1000)]);
    expect(find(out, '220300')).toMatchObject({ value: 2, numerator: 2, denominator: 1000, origin: 'aggregated', contributors: 1 });
  });

  it('rolls up recursively through a level where no unit has a value', () => {
    const tree = OrgTree.from([
      node('220322', null, 'county'),
      node('220322100', '220322', 'township'),
      node('220322101', '220322', 'township'),
      node('220322100201', '220322100', 'village'),
      node('220322100202', '220322100', 'village'),
      node('220322101201', '220322101', 'village'),
    ]);
    const out = aggregateIndicator(indicator('ratio', 100), tree, [
      rec('220322100201', 10, 1, 10),
      rec('220322100202', 30, 6, 20),
      rec('220322101201', 40, 8, 20),
    ]);
    // Township 100: 7/30 = 23.33…%; township 101: 8/20 = 40%; county: 15/50 = 30%, from its two townships.
    expect(find(out, '220322100')?.value).toBeCloseTo(23.333333333333332, 12);
    expect(find(out, '220322100')).toMatchObject({ numerator: 7, denominator: 30, origin: 'aggregated', contributors: 2 });
    expect(find(out, '220322101')).toMatchObject({ value: 40, numerator: 8, denominator: 20, contributors: 1 });
    expect(find(out, '220322')).toMatchObject({ value: 30, numerator: 15, denominator: 50, origin: 'aggregated', contributors: 2 });
  });

  it('gives a parent no value when a reporting child has only a value, since the sums would speak for part of them', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220322', 7, null, null)]);
    expect(find(out, '220322')).toMatchObject({ value: 7, numerator: null, denominator: null, origin: 'reported' });
    expect(find(out, '220300')).toBeUndefined();
  });

  it('rolls up the children that report, when others have no figure at all', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220322', 6, 12, 2000)]);
    expect(find(out, '220300')).toMatchObject({ numerator: 14, denominator: 3000, origin: 'aggregated', contributors: 2 });
  });

  it('gives a parent no value when no child has a numerator and denominator', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 3, null, null), rec('220322', 7, null, 2000)]);
    expect(out.map((r) => r.orgUnit)).toEqual(['220302', '220322']);
  });

  it('gives a parent no value when its children’s denominators add up to zero', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 0, 0, 0)]);
    expect(find(out, '220300')).toBeUndefined();
  });
});

describe('min roll-up', () => {
  it('takes the minimum over the children, as for school food inspections per county', () => {
    const out = aggregateIndicator(indicator('min', 1), CITY, [
      rec('220302', 3, null, null),
      rec('220322', 2, null, null),
      rec('220382', 5, null, null),
    ]);
    expect(find(out, '220300')).toMatchObject({ value: 2, numerator: null, denominator: null, origin: 'aggregated', contributors: 3 });
  });
});

describe('rules without a roll-up', () => {
  it('returns only the reported values for the rules none and coverage', () => {
    for (const rule of ['none', 'coverage'] as const) {
      const out = aggregateIndicator(indicator(rule, 100), CITY, [rec('220302', 2, 2, 100), rec('220322', 4, 4, 100)]);
      expect(out.map((r) => [r.orgUnit, r.origin])).toEqual([
        ['220302', 'reported'],
        ['220322', 'reported'],
      ]);
    }
  });
});

describe('yes/no indicators', () => {
  it('turn the villages’ answers into the share of villages that answer yes', () => {
    const tree = OrgTree.from([
      node('220322100', null, 'township'),
      node('220322100201', '220322100', 'village'),
      node('220322100202', '220322100', 'village'),
      node('220322100203', '220322100', 'village'),
      node('220322100204', '220322100', 'village'),
    ]);
    const out = aggregateIndicator(indicator('ratio', 100), tree, [
      yesNo('220322100201', true),
      yesNo('220322100202', true),
      yesNo('220322100203', false),
      yesNo('220322100204', true),
    ]);
    expect(find(out, '220322100')).toMatchObject({ value: 75, numerator: 3, denominator: 4, contributors: 4 });
  });
});

describe('slices', () => {
  it('keeps years, sexes and age groups apart', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [
      rec('220302', 1, 1, 1000, { year: 2021 }),
      rec('220322', 3, 3, 1000, { year: 2021 }),
      rec('220302', 6, 6, 1000, { year: 2022 }),
      rec('220302', 8, 4, 500, { year: 2022, sex: 'male' }),
      rec('220322', 2, 1, 500, { year: 2022, sex: 'female' }),
      rec('220302', 1, 1, 1000, { year: 2022, ageGroup: '0-6' }),
      rec('220322', 5, 5, 1000, { year: 2022, ageGroup: '7-17' }),
    ]);
    const city = out.filter((r) => r.orgUnit === '220300').map((r) => [r.year, r.sex, r.ageGroup, r.value, r.contributors]);
    expect(city).toEqual([
      [2021, 'total', '', 2, 2],
      [2022, 'total', '', 6, 1],
      [2022, 'total', '0-6', 1, 1],
      [2022, 'total', '7-17', 5, 1],
      [2022, 'male', '', 8, 1],
      [2022, 'female', '', 2, 1],
    ]);
  });
});

describe('scale', () => {
  // Speed is measured in bench/, not asserted here; this proves a large tree rolls up correctly.
  it('aggregates 220 000 village records over a tree of 111 111 units to exact city totals', () => {
    // 1 city → 10 counties → 100 townships each → 110 villages each; every third village says yes.
    const nodes: OrgNode[] = [node('c', null, 'city')];
    const records: ValueRecord[] = [];
    let village = 0;
    for (let k = 0; k < 10; k++) {
      nodes.push(node(`k${k}`, 'c', 'county'));
      for (let t = 0; t < 100; t++) {
        nodes.push(node(`k${k}t${t}`, `k${k}`, 'township'));
        for (let v = 0; v < 110; v++) {
          const code = `k${k}t${t}v${v}`;
          nodes.push(node(code, `k${k}t${t}`, 'village', v % 2 === 0 ? 'urban' : 'rural'));
          for (const year of [2021, 2022]) records.push(yesNo(code, village % 3 === 0, { year }));
          village += 1;
        }
      }
    }
    const out = aggregateIndicator(indicator('ratio', 100), OrgTree.from(nodes), records);
    // Villages 0, 3, 6, … of 110 000: 36 667 say yes.
    expect(find(out, 'c', { year: 2022 })).toMatchObject({ numerator: 36_667, denominator: 110_000, contributors: 10 });
    // 2 years × (220 000 village totals + 3 areas × 1 011 parents).
    expect(out).toHaveLength(2 * (110_000 + 3 * 1_011));
  });
});

describe('records', () => {
  it('ignores records of units the tree does not hold', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220381', 9, 9, 1000)]);
    expect(out.map((r) => r.orgUnit)).toEqual(['220302', '220300']);
  });

  it('rejects two records for the same unit, year, sex, area and age group', () => {
    const twice = [rec('220302', 2, 2, 1000), rec('220302', 3, 3, 1000)];
    expect(() => aggregateIndicator(indicator('ratio', 1000), CITY, twice)).toThrow(/two records for 220302 2022 total total/);
  });
});
