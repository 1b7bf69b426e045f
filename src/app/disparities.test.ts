import { describe, expect, it } from 'vitest';
import { aggregateIndicator, OrgTree } from '../core/aggregate/index.js';
import { indicator, node, rec, type RecordOptions } from '../core/aggregate/aggregate.fixtures.js';
import { disparityOf, pickYears } from './disparities.js';

const TREE = OrgTree.from([
  node('220300', null, 'city'),
  node('220302', '220300', 'county'),
  node('220322', '220300', 'county'),
  node('220323', '220300', 'county'),
  node('220322100', '220322', 'township', 'rural'),
]);
const NAMES = new Map([
  ['220300', '四平市'],
  ['220302', '铁西区'],
  ['220322', '梨树县'],
  ['220323', '伊通满族自治县'],
]);
const RATE = indicator('ratio', 1000);

/** A county's births and deaths by area; its total is their sum. */
function county(code: string, year: number, urban: [number, number], rural: [number, number]): ReturnType<typeof rec>[] {
  const o = (area: RecordOptions['area']): RecordOptions => ({ year, area, ageGroup: 'total' });
  const [un, ud] = urban;
  const [rn, rd] = rural;
  return [
    rec(code, (un / ud) * 1000, un, ud, o('urban')),
    rec(code, (rn / rd) * 1000, rn, rd, o('rural')),
    rec(code, ((un + rn) / (ud + rd)) * 1000, un + rn, ud + rd, o('total')),
  ];
}

describe('pickYears', () => {
  it('takes the latest year up to the requested one, and the baseline year', () => {
    expect(pickYears([2018, 2020, 2022, 2025], 2024, 2020)).toEqual({ latest: 2022, baseline: 2020 });
  });

  it('falls back to the earliest later year before the latest one when the baseline year has no data', () => {
    expect(pickYears([2019, 2021, 2022, 2023], 2023, 2020)).toEqual({ latest: 2023, baseline: 2021 });
  });

  it('has no baseline when the latest year is the only candidate from the baseline year on', () => {
    expect(pickYears([2018, 2020], 2024, 2020)).toEqual({ latest: 2020, baseline: null });
  });

  it('gives null without a year up to the requested one', () => {
    expect(pickYears([2025], 2024, 2020)).toBeNull();
    expect(pickYears([], 2024, 2020)).toBeNull();
  });
});

describe('disparityOf', () => {
  const records = [
    ...county('220302', 2020, [4, 1000], [9, 1000]),
    ...county('220322', 2020, [3, 1000], [12, 2000]),
    ...county('220302', 2022, [3, 1000], [7, 1000]),
    ...county('220322', 2022, [2, 1000], [10, 2000]),
    ...county('220323', 2022, [1, 500], [6, 1500]),
  ];
  const resolved = aggregateIndicator(RATE, TREE, records);

  it('compares the city’s rolled-up urban and rural values with the baseline year', () => {
    const row = disparityOf(RATE, resolved, TREE, NAMES, '220300', 2024, 2020);
    // 2022: urban 6/2500, rural 23/4500; 2020: urban 7/2000, rural 21/3000.
    expect(row?.urbanRural).toMatchObject({ latestYear: 2022, baselineYear: 2020, trend: 'narrowing' });
    expect(row?.urbanRural?.urban).toBeCloseTo(2.4, 12);
    expect(row?.urbanRural?.rural).toBeCloseTo((23 / 4500) * 1000, 12);
    expect(row?.urbanRural?.gap).toBeCloseTo((23 / 4500) * 1000 - 2.4, 12);
    expect(row?.urbanRural?.baselineGap).toBeCloseTo(3.5, 12);
  });

  it('spreads the counties’ totals, naming the lowest and the highest', () => {
    const row = disparityOf(RATE, resolved, TREE, NAMES, '220300', 2024, 2020);
    // 2022: 铁西区 10/2000 = 5, 梨树县 12/3000 = 4, 伊通 7/2000 = 3.5; 2020: 6.5 and 5.
    expect(row?.county).toMatchObject({
      latestYear: 2022,
      counties: 3,
      min: { orgUnit: '220323', orgName: '伊通满族自治县' },
      max: { orgUnit: '220302', orgName: '铁西区' },
      baselineYear: 2020,
      trend: 'stable',
    });
    expect(row?.county?.range).toBeCloseTo(1.5, 12);
    expect(row?.county?.ratio).toBeCloseTo(5 / 3.5, 12);
    expect(row?.county?.baselineRange).toBeCloseTo(1.5, 12);
    expect(row?.county?.baselineRatio).toBeCloseTo(1.3, 12);
  });

  it('skips a year in which fewer than two counties have values', () => {
    const only = aggregateIndicator(RATE, TREE, [...records, ...county('220302', 2023, [1, 1000], [1, 1000])]);
    expect(disparityOf(RATE, only, TREE, NAMES, '220300', 2024, 2020)?.county?.latestYear).toBe(2022);
    // The city's urban and rural values of 2023 come from the one county alone.
    expect(disparityOf(RATE, only, TREE, NAMES, '220300', 2024, 2020)?.urbanRural).toMatchObject({ latestYear: 2023, gap: 0 });
  });

  it('gives ties to the first county in the hierarchy’s order', () => {
    const tied = aggregateIndicator(RATE, TREE, [
      ...county('220323', 2022, [1, 1000], [1, 1000]),
      ...county('220302', 2022, [1, 1000], [1, 1000]),
    ]);
    const row = disparityOf(RATE, tied, TREE, NAMES, '220300', 2022, 2020);
    expect(row?.county).toMatchObject({ min: { orgUnit: '220302' }, max: { orgUnit: '220302' }, range: 0, ratio: 1, trend: null });
  });

  it('has no county part below a city, and no row without data', () => {
    const row = disparityOf(RATE, resolved, TREE, NAMES, '220322', 2024, 2020);
    expect(row?.county).toBeNull();
    expect(row?.urbanRural).toMatchObject({ latestYear: 2022, urban: 2, rural: 5, gap: 3, baselineGap: 3, trend: 'stable' });
    expect(disparityOf(RATE, resolved, TREE, NAMES, '220322100', 2024, 2020)).toBeNull();
    expect(disparityOf(RATE, resolved, TREE, NAMES, '220300', 2019, 2020)).toBeNull();
  });
});
