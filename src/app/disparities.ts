/**
 * Urban–rural and regional disparities 城乡、区域差距 (methodology.md §4): per indicator, the gap
 * between a unit's urban and rural values and the spread across the county-level units of a city,
 * in the latest year with data against the baseline year. Values are resolved exactly as the
 * assessment resolves them: reported, else rolled up from the children (resolveIndicator).
 */
import type { OrgTree, ResolvedValue } from '../core/aggregate/index.js';
import { countyRange, type DisparityTrend, urbanRuralGap } from '../core/assess/disparity.js';
import type { Indicator, Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import { resolveIndicator, UnknownCodeError } from './assessment.js';

export interface UrbanRuralDisparity {
  /** The latest year ≤ the requested year with both an urban and a rural value. */
  latestYear: number;
  urban: number;
  rural: number;
  /** |urban − rural| in latestYear. */
  gap: number;
  /** The plan's baseline year, else the earliest later year before latestYear with both values; null without one. */
  baselineYear: number | null;
  baselineUrban: number | null;
  baselineRural: number | null;
  baselineGap: number | null;
  trend: DisparityTrend | null;
}

export interface CountyValue {
  orgUnit: string;
  orgName: string;
  value: number;
}

export interface CountyDisparity {
  /** The latest year ≤ the requested year in which at least two county-level units have a value. */
  latestYear: number;
  /** County-level units with a value in latestYear. */
  counties: number;
  min: CountyValue;
  max: CountyValue;
  range: number;
  /** max / min; null when min ≤ 0. */
  ratio: number | null;
  baselineYear: number | null;
  baselineRange: number | null;
  baselineRatio: number | null;
  /** The range against the baseline range. */
  trend: DisparityTrend | null;
  /** The ratio against the baseline ratio. */
  ratioTrend: DisparityTrend | null;
}

export interface DisparityRow {
  indicator: Indicator;
  orgUnit: string;
  orgName: string;
  /** The requested year. */
  year: number;
  /** Null when the unit has no year with both an urban and a rural value. */
  urbanRural: UrbanRuralDisparity | null;
  /** Null when the unit has no county-level children or no year in which two of them have values. */
  county: CountyDisparity | null;
}

export interface DisparityOptions {
  year: number;
  orgUnit: string;
  /** Indicator codes; null for every indicator of the plan. */
  indicators: string[] | null;
}

/** One row per indicator that has urban–rural or county data for the unit, in plan (or requested) order. */
export async function runDisparities(db: Db, plan: Plan, options: DisparityOptions): Promise<DisparityRow[]> {
  const { tree, names } = await getOrgTree(db);
  if (!tree.has(options.orgUnit)) throw new UnknownCodeError(`未知的单位代码“${options.orgUnit}”`);
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  for (const code of options.indicators ?? []) {
    if (!byCode.has(code)) throw new UnknownCodeError(`未知的指标代码“${code}”`);
  }
  const indicators = options.indicators ? options.indicators.flatMap((c) => byCode.get(c) ?? []) : plan.indicators;
  const rows: DisparityRow[] = [];
  for (const indicator of indicators) {
    const resolved = await resolveIndicator(db, indicator, byCode, tree, options.year);
    const row = disparityOf(indicator, resolved, tree, names, options.orgUnit, options.year, plan.baselineYear);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * The disparities of one indicator at one unit from its resolved values (sex and age group
 * totals only); null when neither part has data.
 */
export function disparityOf(
  indicator: Indicator,
  resolved: readonly ResolvedValue[],
  tree: OrgTree,
  names: ReadonlyMap<string, string>,
  unit: string,
  year: number,
  baselineYear: number,
): DisparityRow | null {
  const counties = new Set(tree.has(unit) ? tree.children(unit).filter((c) => tree.get(c)?.level === 'county') : []);
  // Per year: the unit's urban and rural values; the county-level children's totals.
  const urban = new Map<number, number>();
  const rural = new Map<number, number>();
  const countyValues = new Map<number, Map<string, number>>();
  for (const r of resolved) {
    if (r.sex !== 'total' || r.ageGroup !== 'total' || r.value === null || !Number.isFinite(r.value) || r.year > year) continue;
    if (r.orgUnit === unit) {
      if (r.area === 'urban') urban.set(r.year, r.value);
      else if (r.area === 'rural') rural.set(r.year, r.value);
    } else if (r.area === 'total' && counties.has(r.orgUnit)) {
      let ofYear = countyValues.get(r.year);
      if (!ofYear) countyValues.set(r.year, (ofYear = new Map()));
      ofYear.set(r.orgUnit, r.value);
    }
  }
  const urbanRural = urbanRuralPart(urban, rural, year, baselineYear);
  const county = countyPart(countyValues, [...counties], names, year, baselineYear);
  if (!urbanRural && !county) return null;
  return { indicator, orgUnit: unit, orgName: names.get(unit) ?? unit, year, urbanRural, county };
}

/**
 * The latest candidate year ≤ `year`, and the baseline compared with it: `baselineYear` when it is
 * a candidate, else the earliest candidate after it; always before the latest year. Null without
 * a candidate ≤ `year`.
 */
export function pickYears(
  candidates: Iterable<number>,
  year: number,
  baselineYear: number,
): { latest: number; baseline: number | null } | null {
  let latest: number | null = null;
  for (const y of candidates) if (y <= year && (latest === null || y > latest)) latest = y;
  if (latest === null) return null;
  let baseline: number | null = null;
  for (const y of candidates) if (y >= baselineYear && y < latest && (baseline === null || y < baseline)) baseline = y;
  return { latest, baseline };
}

function urbanRuralPart(
  urban: ReadonlyMap<number, number>,
  rural: ReadonlyMap<number, number>,
  year: number,
  baselineYear: number,
): UrbanRuralDisparity | null {
  const both = [...urban.keys()].filter((y) => rural.has(y));
  const years = pickYears(both, year, baselineYear);
  if (!years) return null;
  const at = (y: number): { urban: number; rural: number } => ({ urban: urban.get(y) ?? 0, rural: rural.get(y) ?? 0 });
  const latest = at(years.latest);
  const baseline = years.baseline === null ? null : at(years.baseline);
  const gap = urbanRuralGap(baseline, latest);
  return {
    latestYear: years.latest,
    urban: latest.urban,
    rural: latest.rural,
    gap: gap.gap,
    baselineYear: years.baseline,
    baselineUrban: baseline?.urban ?? null,
    baselineRural: baseline?.rural ?? null,
    baselineGap: gap.baselineGap,
    trend: gap.trend,
  };
}

function countyPart(
  values: ReadonlyMap<number, ReadonlyMap<string, number>>,
  counties: readonly string[],
  names: ReadonlyMap<string, string>,
  year: number,
  baselineYear: number,
): CountyDisparity | null {
  const withTwo = [...values.entries()].filter(([, ofYear]) => ofYear.size >= 2).map(([y]) => y);
  const years = pickYears(withTwo, year, baselineYear);
  if (!years) return null;
  // In the tree's order of the counties, so that ties go to the first county, whatever the database's row order.
  const inOrder = (y: number): CountyValue[] => {
    const ofYear = values.get(y);
    return counties.flatMap((c) => {
      const value = ofYear?.get(c);
      return value === undefined ? [] : [{ orgUnit: c, orgName: names.get(c) ?? c, value }];
    });
  };
  const latest = inOrder(years.latest);
  const baseline = years.baseline === null ? [] : inOrder(years.baseline);
  const first = latest[0];
  if (!first) return null;
  let min = first;
  let max = first;
  for (const c of latest) {
    if (c.value < min.value) min = c;
    if (c.value > max.value) max = c;
  }
  const spread = countyRange(
    baseline.map((c) => c.value),
    latest.map((c) => c.value),
  );
  return {
    latestYear: years.latest,
    counties: latest.length,
    min,
    max,
    range: spread.range,
    ratio: spread.ratio,
    baselineYear: years.baseline,
    baselineRange: spread.baselineRange,
    baselineRatio: spread.baselineRatio,
    trend: spread.trend,
    ratioTrend: spread.ratioTrend,
  };
}

/** A row as the JSON and CSV outputs give it: snake_case, JSON numbers, null where absent. */
export interface DisparityRecord {
  indicator: string;
  indicator_name: string;
  unit: string;
  org_unit: string;
  org_name: string;
  year: number;
  ur_latest_year: number | null;
  urban: number | null;
  rural: number | null;
  ur_gap: number | null;
  ur_baseline_year: number | null;
  ur_baseline_urban: number | null;
  ur_baseline_rural: number | null;
  ur_baseline_gap: number | null;
  ur_trend: DisparityTrend | null;
  county_latest_year: number | null;
  county_count: number | null;
  county_min: number | null;
  county_min_unit: string | null;
  county_min_name: string | null;
  county_max: number | null;
  county_max_unit: string | null;
  county_max_name: string | null;
  county_range: number | null;
  county_ratio: number | null;
  county_baseline_year: number | null;
  county_baseline_range: number | null;
  county_baseline_ratio: number | null;
  county_trend: DisparityTrend | null;
  county_ratio_trend: DisparityTrend | null;
  synthetic: boolean;
}

export function toDisparityRecord(row: DisparityRow, synthetic: boolean): DisparityRecord {
  const ur = row.urbanRural;
  const c = row.county;
  return {
    indicator: row.indicator.code,
    indicator_name: row.indicator.name,
    unit: row.indicator.unit,
    org_unit: row.orgUnit,
    org_name: row.orgName,
    year: row.year,
    ur_latest_year: ur?.latestYear ?? null,
    urban: ur?.urban ?? null,
    rural: ur?.rural ?? null,
    ur_gap: ur?.gap ?? null,
    ur_baseline_year: ur?.baselineYear ?? null,
    ur_baseline_urban: ur?.baselineUrban ?? null,
    ur_baseline_rural: ur?.baselineRural ?? null,
    ur_baseline_gap: ur?.baselineGap ?? null,
    ur_trend: ur?.trend ?? null,
    county_latest_year: c?.latestYear ?? null,
    county_count: c?.counties ?? null,
    county_min: c?.min.value ?? null,
    county_min_unit: c?.min.orgUnit ?? null,
    county_min_name: c?.min.orgName ?? null,
    county_max: c?.max.value ?? null,
    county_max_unit: c?.max.orgUnit ?? null,
    county_max_name: c?.max.orgName ?? null,
    county_range: c?.range ?? null,
    county_ratio: c?.ratio ?? null,
    county_baseline_year: c?.baselineYear ?? null,
    county_baseline_range: c?.baselineRange ?? null,
    county_baseline_ratio: c?.baselineRatio ?? null,
    county_trend: c?.trend ?? null,
    county_ratio_trend: c?.ratioTrend ?? null,
    synthetic,
  };
}

const RECORD_FIELDS: readonly (keyof DisparityRecord)[] = [
  'indicator',
  'indicator_name',
  'unit',
  'org_unit',
  'org_name',
  'year',
  'ur_latest_year',
  'urban',
  'rural',
  'ur_gap',
  'ur_baseline_year',
  'ur_baseline_urban',
  'ur_baseline_rural',
  'ur_baseline_gap',
  'ur_trend',
  'county_latest_year',
  'county_count',
  'county_min',
  'county_min_unit',
  'county_min_name',
  'county_max',
  'county_max_unit',
  'county_max_name',
  'county_range',
  'county_ratio',
  'county_baseline_year',
  'county_baseline_range',
  'county_baseline_ratio',
  'county_trend',
  'county_ratio_trend',
  'synthetic',
];

function csvCell(value: DisparityRecord[keyof DisparityRecord]): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM, so that Excel on a Chinese Windows PC opens it as UTF-8; columns as the JSON fields. */
export function disparitiesCsv(records: readonly DisparityRecord[]): string {
  const lines = [RECORD_FIELDS.join(',')];
  for (const r of records) lines.push(RECORD_FIELDS.map((f) => csvCell(r[f])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
