import { describe, expect, it } from 'vitest';
import { aggregateIndicator } from './aggregate-indicator.js';
import { find, indicator, node, rec, yesNo } from './aggregate.fixtures.js';
import { OrgTree } from './org-tree.js';
import type { ResolvedValue } from './types.js';

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

describe('output order', () => {
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
});
