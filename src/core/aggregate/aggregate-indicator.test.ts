import { describe, expect, it } from 'vitest';
import type { AggregationRule, Area, Indicator, Sex } from '../plan/types.js';
import { aggregateIndicator } from './aggregate-indicator.js';
import { OrgTree, type OrgNode } from './org-tree.js';
import type { ResolvedValue, ValueRecord } from './types.js';

function indicator(aggregation: AggregationRule, factor: number): Indicator {
  return {
    code: 'test_indicator',
    name: '测试指标',
    unit: factor === 1000 ? '‰' : '%',
    domain: 'H',
    planRef: 'H3',
    direction: 'down',
    bounded: false,
    yesNo: false,
    formula: { numerator: null, denominator: null, factor },
    aggregation,
    level: 'county',
    targets: [],
    note: '',
  };
}

function node(code: string, parentCode: string | null, level: OrgNode['level'], area: OrgNode['area'] = null): OrgNode {
  return { code, parentCode, level, area };
}

interface RecordOptions {
  year?: number;
  sex?: Sex;
  area?: Area;
  ageGroup?: string;
}

function rec(orgUnit: string, value: number | null, numerator: number | null, denominator: number | null, o: RecordOptions = {}): ValueRecord {
  return { orgUnit, year: o.year ?? 2022, sex: o.sex ?? 'total', area: o.area ?? 'total', ageGroup: o.ageGroup ?? '', value, numerator, denominator };
}

/** A yes/no answer as villages report it: 1/1 (100) or 0/1 (0). */
function yesNo(orgUnit: string, yes: boolean, o: RecordOptions = {}): ValueRecord {
  return rec(orgUnit, yes ? 100 : 0, yes ? 1 : 0, 1, o);
}

function find(out: ResolvedValue[], orgUnit: string, o: RecordOptions = {}): ResolvedValue | undefined {
  return out.find(
    (r) =>
      r.orgUnit === orgUnit &&
      r.year === (o.year ?? 2022) &&
      r.sex === (o.sex ?? 'total') &&
      r.area === (o.area ?? 'total') &&
      r.ageGroup === (o.ageGroup ?? ''),
  );
}

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
      orgUnit: '220300', year: 2022, sex: 'total', area: 'total', ageGroup: '',
      value: 4, numerator: 12, denominator: 3000, origin: 'aggregated', contributors: 2,
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

  it('does not feed a parent’s sums from children that report only a value', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220322', 7, null, null)]);
    expect(find(out, '220322')).toMatchObject({ value: 7, numerator: null, denominator: null, origin: 'reported' });
    expect(find(out, '220300')).toMatchObject({ value: 2, numerator: 2, denominator: 1000, origin: 'aggregated', contributors: 1 });
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

// 梨树县 → a town with five villages (two 居委会, three 村委会), and a street that reports only itself.
const COUNTY = OrgTree.from([
  node('220322', null, 'county'),
  node('220322100', '220322', 'township', 'rural'),
  node('220322100001', '220322100', 'village', 'urban'),
  node('220322100002', '220322100', 'village', 'urban'),
  node('220322100201', '220322100', 'village', 'rural'),
  node('220322100202', '220322100', 'village', 'rural'),
  node('220322100203', '220322100', 'village', 'rural'),
  node('220322001', '220322', 'township', 'urban'),
  node('220322002', '220322', 'township', null),
]);

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

describe('urban/rural split', () => {
  const villages = [
    yesNo('220322100001', true),
    yesNo('220322100002', false),
    yesNo('220322100201', true),
    yesNo('220322100202', false),
    yesNo('220322100203', false),
  ];

  it('builds a unit’s urban and rural values from its classified children’s totals', () => {
    const out = aggregateIndicator(indicator('ratio', 100), COUNTY, villages);
    // Town: 2 of 5 villages = 40; urban 1 of 2 = 50; rural 1 of 3 = 33.33….
    expect(find(out, '220322100')).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(find(out, '220322100', { area: 'urban' })).toMatchObject({ value: 50, numerator: 1, denominator: 2, contributors: 2 });
    expect(find(out, '220322100', { area: 'rural' })?.value).toBeCloseTo(33.333333333333336, 12);
    expect(find(out, '220322100', { area: 'rural' })).toMatchObject({ numerator: 1, denominator: 3, origin: 'aggregated' });
  });

  it('uses a child’s own urban and rural values when it has them, and the classification of one that has only a total', () => {
    const out = aggregateIndicator(indicator('ratio', 100), COUNTY, [
      ...villages,
      yesNo('220322001', true), // a street (urban) reporting only its total
      yesNo('220322002', true), // an unclassified township: counts in the total only
    ]);
    // The town (classified rural) passes up its own urban and rural values, not its total as rural.
    // County urban: 1/2 (town) + 1/1 (street) = 2/3; rural: 1/3; total: 2/5 + 1/1 + 1/1 = 4/7.
    expect(find(out, '220322', { area: 'urban' })).toMatchObject({ numerator: 2, denominator: 3, contributors: 2 });
    expect(find(out, '220322', { area: 'urban' })?.value).toBeCloseTo(66.66666666666667, 12);
    expect(find(out, '220322', { area: 'rural' })).toMatchObject({ numerator: 1, denominator: 3, contributors: 1 });
    expect(find(out, '220322')).toMatchObject({ numerator: 4, denominator: 7, contributors: 3 });
  });

  it('keeps a unit’s reported urban value and still aggregates the area it does not report', () => {
    const out = aggregateIndicator(indicator('ratio', 100), COUNTY, [...villages, rec('220322100', 60, 3, 5, { area: 'urban' })]);
    expect(find(out, '220322100', { area: 'urban' })).toMatchObject({ value: 60, origin: 'reported', contributors: 0 });
    expect(find(out, '220322100', { area: 'rural' })).toMatchObject({ numerator: 1, denominator: 3, origin: 'aggregated' });
    // The county's urban value is built on the town's reported 3/5.
    expect(find(out, '220322', { area: 'urban' })).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
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

describe('output', () => {
  const records = [
    yesNo('220322100201', true, { year: 2022 }),
    yesNo('220322100001', false, { year: 2021 }),
    yesNo('220322100001', true, { year: 2022, sex: 'female' }),
    yesNo('220322100001', true, { year: 2022, ageGroup: '0-6' }),
    yesNo('220322100001', true, { year: 2022 }),
    yesNo('220322001', true, { year: 2022, area: 'urban' }),
  ];

  it('is ordered bottom-up, then by year, sex, area and age group, whatever the order of the records', () => {
    const key = (r: ResolvedValue): string => `${r.orgUnit} ${r.year} ${r.sex} ${r.area} ${r.ageGroup}`.trim();
    const expected = [
      '220322100001 2021 total total',
      '220322100001 2022 total total',
      '220322100001 2022 total total 0-6',
      '220322100001 2022 female total',
      '220322100201 2022 total total',
      '220322100 2021 total total',
      '220322100 2021 total urban',
      '220322100 2022 total total',
      '220322100 2022 total total 0-6',
      '220322100 2022 total urban',
      '220322100 2022 total urban 0-6',
      '220322100 2022 total rural',
      '220322100 2022 female total',
      '220322100 2022 female urban',
      '220322001 2022 total urban',
      '220322 2021 total total',
      '220322 2021 total urban',
      '220322 2022 total total',
      '220322 2022 total total 0-6',
      '220322 2022 total urban',
      '220322 2022 total urban 0-6',
      '220322 2022 total rural',
      '220322 2022 female total',
      '220322 2022 female urban',
    ];
    expect(aggregateIndicator(indicator('ratio', 100), COUNTY, records).map(key)).toEqual(expected);
    expect(aggregateIndicator(indicator('ratio', 100), COUNTY, [...records].reverse()).map(key)).toEqual(expected);
  });

  it('ignores records of units the tree does not hold', () => {
    const out = aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220381', 9, 9, 1000)]);
    expect(out.map((r) => r.orgUnit)).toEqual(['220302', '220300']);
  });

  it('rejects two records for the same unit, year, sex, area and age group', () => {
    expect(() => aggregateIndicator(indicator('ratio', 1000), CITY, [rec('220302', 2, 2, 1000), rec('220302', 3, 3, 1000)])).toThrow(
      /two records for 220302 2022 total total/,
    );
  });
});

describe('scale', () => {
  it('aggregates 220 000 village records over a tree of 111 111 units in well under five seconds', () => {
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
    const started = performance.now();
    const out = aggregateIndicator(indicator('ratio', 100), OrgTree.from(nodes), records);
    expect(performance.now() - started).toBeLessThan(5000);
    // Villages 0, 3, 6, … of 110 000: 36 667 say yes.
    expect(find(out, 'c', { year: 2022 })).toMatchObject({ numerator: 36_667, denominator: 110_000, contributors: 10 });
    // 2 years × (220 000 village totals + 3 areas × 1 011 parents).
    expect(out).toHaveLength(2 * (110_000 + 3 * 1_011));
  });
});
