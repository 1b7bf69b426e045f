/** Builders shared by the roll-up tests: an indicator, org nodes, value records and a lookup of results. */
import type { AggregationRule, Area, Indicator, Sex } from '../plan/types.js';
import type { OrgNode } from './org-tree.js';
import type { ResolvedValue, ValueRecord } from './types.js';

/** A test indicator that rolls up by `aggregation`; `factor` 1000 makes it a ‰ rate, anything else a %. */
export function indicator(aggregation: AggregationRule, factor: number): Indicator {
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

export function node(code: string, parentCode: string | null, level: OrgNode['level'], area: OrgNode['area'] = null): OrgNode {
  return { code, parentCode, level, area };
}

/** The slice of a record; by default 2022, both sexes, the whole area, no age group. */
export interface RecordOptions {
  year?: number;
  sex?: Sex;
  area?: Area;
  ageGroup?: string;
}

export function rec(
  orgUnit: string,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  o: RecordOptions = {},
): ValueRecord {
  const { year = 2022, sex = 'total', area = 'total', ageGroup = '' } = o;
  return { orgUnit, year, sex, area, ageGroup, value, numerator, denominator };
}

/** A yes/no answer as villages report it: 1/1 (100) or 0/1 (0). */
export function yesNo(orgUnit: string, yes: boolean, o: RecordOptions = {}): ValueRecord {
  return rec(orgUnit, yes ? 100 : 0, yes ? 1 : 0, 1, o);
}

/** The result for a unit in one slice (the same defaults as `rec`). */
export function find(out: ResolvedValue[], orgUnit: string, o: RecordOptions = {}): ResolvedValue | undefined {
  return out.find(
    (r) =>
      r.orgUnit === orgUnit &&
      r.year === (o.year ?? 2022) &&
      r.sex === (o.sex ?? 'total') &&
      r.area === (o.area ?? 'total') &&
      r.ageGroup === (o.ageGroup ?? ''),
  );
}
