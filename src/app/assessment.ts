/**
 * Assessment of the plan for a year: stored values → roll-up up the hierarchy → progress status
 * and warning per indicator × unit × sex × area (methodology.md).
 */
import { aggregateIndicator, deriveCoverage, levelRank, type OrgTree, type ResolvedValue } from '../core/aggregate/index.js';
import { assessSeries } from '../core/assess/index.js';
import type { Assessment } from '../core/assess/types.js';
import { AREAS, type Area, type Indicator, type Plan, SEXES, type Sex, type Target } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getIndicatorRecords } from '../db/queries/getIndicatorRecords.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';

export interface AssessmentRow extends Assessment {
  indicator: Indicator;
  orgUnit: string;
  orgName: string;
  sex: Sex;
  area: Area;
  target: Target | null;
  /** Where the latest value comes from: the unit's own report, its children's roll-up, a coverage rule. */
  origin: ResolvedValue['origin'] | null;
  /** For a rolled-up latest value: how many of the unit's `children` it was rolled up from. */
  contributors: number | null;
  children: number;
}

export interface AssessOptions {
  year: number;
  /** Unit codes to assess; null for every unit. */
  orgUnits: string[] | null;
  indicators: string[] | null;
  /** Only values this accepts are used (the approved ones, for dashboards); all when absent. */
  include?: ValueFilter;
}

export type ValueFilter = (indicator: string, orgUnit: string, year: number) => boolean;

export class UnknownCodeError extends Error {}

export async function runAssessment(db: Db, plan: Plan, options: AssessOptions): Promise<AssessmentRow[]> {
  const { tree, names, ordered } = await getOrgTree(db);
  for (const code of options.orgUnits ?? []) {
    if (!tree.has(code)) throw new UnknownCodeError(`未知的单位代码“${code}”`);
  }
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  for (const code of options.indicators ?? []) {
    if (!byCode.has(code)) throw new UnknownCodeError(`未知的指标代码“${code}”`);
  }
  const indicators = options.indicators ? options.indicators.flatMap((c) => byCode.get(c) ?? []) : plan.indicators;
  const units = options.orgUnits ?? ordered;
  const rows: AssessmentRow[] = [];
  for (const indicator of indicators) {
    const resolved = await resolveIndicator(db, indicator, byCode, tree, options.year, options.include);
    rows.push(...assessIndicator(indicator, resolved, tree, names, units, options.year));
  }
  return rows;
}

/** Values before the baseline year are kept and shown, never used to assess (methodology.md, Inputs). */
export function firstYear(indicator: Indicator): number {
  return Math.min(BASELINE_YEAR, ...indicator.targets.map((t) => t.baselineYear));
}

const BASELINE_YEAR = 2020;

/** Reported, rolled-up or derived values of one indicator at every unit. */
export async function resolveIndicator(
  db: Db,
  indicator: Indicator,
  indicators: Map<string, Indicator>,
  tree: OrgTree,
  year: number,
  include?: ValueFilter,
  /**
   * The first year to roll up instead of the first assessed one (each year rolls up on its own):
   * a recomputation of some years, or the earlier years an indicator page shows.
   */
  fromYear?: number,
): Promise<ResolvedValue[]> {
  const records = async (code: string, from: number) => {
    const all = await getIndicatorRecords(db, code, fromYear ?? from, year);
    return include ? all.filter((r) => include(code, r.orgUnit, r.year)) : all;
  };
  const coverage = indicator.targets.find((t) => t.coverage)?.coverage;
  if (indicator.aggregation === 'coverage' && coverage) {
    const source = indicators.get(coverage.indicator);
    if (!source) return [];
    const sourceValues = aggregateIndicator(source, tree, await records(source.code, firstYear(source)));
    return deriveCoverage(coverage, tree, sourceValues);
  }
  return aggregateIndicator(indicator, tree, await records(indicator.code, firstYear(indicator)));
}

export function assessIndicator(
  indicator: Indicator,
  resolved: ResolvedValue[],
  tree: OrgTree,
  names: Map<string, string>,
  units: string[],
  year: number,
): AssessmentRow[] {
  // Series per unit and disaggregation (slot sex × 3 + area); age groups other than the total are not assessed.
  const series = new Map<string, ResolvedValue[][]>();
  for (const r of resolved) {
    if (r.ageGroup !== 'total') continue;
    let ofUnit = series.get(r.orgUnit);
    if (!ofUnit) series.set(r.orgUnit, (ofUnit = []));
    const slot = SEXES.indexOf(r.sex) * 3 + AREAS.indexOf(r.area);
    (ofUnit[slot] ??= []).push(r);
  }
  const targetSlots = new Map(indicator.targets.map((t) => [SEXES.indexOf(t.sex) * 3 + AREAS.indexOf(t.area), t]));
  const indicatorRank = levelRank(indicator.level);
  const rows: AssessmentRow[] = [];
  for (const unit of units) {
    const node = tree.get(unit);
    if (!node) continue;
    const ofUnit = series.get(unit) ?? [];
    const childCount = tree.children(unit).length;
    // A unit at or above the level the indicator is reported at is assessed on the total and on
    // every targeted disaggregation even without data; any other series only where it has data.
    const targeted = levelRank(node.level) <= indicatorRank;
    for (let slot = 0; slot < 9; slot++) {
      const values = ofUnit[slot];
      const target = targetSlots.get(slot) ?? null;
      if (!values && !(targeted && (slot === 0 || target))) continue;
      const sex = SEXES[Math.floor(slot / 3)] ?? 'total';
      const area = AREAS[slot % 3] ?? 'total';
      const observations = (values ?? []).flatMap((v) => (v.value === null ? [] : [{ year: v.year, value: v.value }]));
      const assessment = assessSeries({ target, bounded: indicator.bounded, direction: indicator.direction, observations, year });
      const latest = values?.find((v) => v.year === assessment.latestYear) ?? null;
      rows.push(
        Object.assign(assessment, {
          indicator,
          orgUnit: unit,
          orgName: names.get(unit) ?? unit,
          sex,
          area,
          target,
          origin: latest?.origin ?? null,
          contributors: latest?.origin === 'aggregated' ? latest.contributors : null,
          children: childCount,
        }),
      );
    }
  }
  return rows;
}
