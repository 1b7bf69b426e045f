/**
 * The statistical tables (统计资料): every indicator of every domain, by unit (the unit asked for,
 * its county-level units, optionally their townships), disaggregation and year from the 2020
 * baseline to the year, with units and targets. Values a unit did not report itself are the roll-up
 * of its children (or a coverage rule's result) and are marked as such.
 */
import { missing } from '../app/appError.js';
import { resolveIndicator, type ValueFilter } from '../app/assessment.js';
import { approvedFilter } from '../app/approvedValues.js';
import { isSynthetic } from '../app/demoLoader.js';
import type { OrgTree, ResolvedValue } from '../core/aggregate/index.js';
import { scopeOf } from '../core/access/treeScope.js';
import { AREAS, type Area, type Domain, type Indicator, type Plan, SEXES, type Sex } from '../core/plan/types.js';
import { AREA_LABELS, describeTarget, SEX_LABELS } from '../core/phrasing/labels.js';
import type { Db } from '../db/dialect.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import { getValueSources } from '../db/queries/getValueSources.js';
import { getDepartmentNames } from '../db/repositories/qualitative.js';
import { draftReasonOf, type UnapprovedValue } from './draftReason.js';
import type { ReportMeta } from './model.js';
import { sourceLineOf, subtreeSources } from './sources.js';

export interface StatisticalTablesOptions {
  year: number;
  orgUnit: string;
  /** approved: only approved values; all: every stored value (a draft when any is unapproved). */
  data: 'approved' | 'all';
  /** Also list the townships under each county-level unit. */
  townships?: boolean;
  /** Only these indicators (a department's); every indicator when absent. */
  indicators?: ReadonlySet<string>;
  /** Said first among the notes: which indicators a partial set of tables holds. */
  scopeNote?: string | null;
  now?: Date;
}

export interface StatisticalCell {
  value: number | null;
  /** Not reported by the unit: rolled up from its children or derived by a coverage rule. */
  rolledUp: boolean;
}

export interface StatisticalRow {
  indicator: Indicator;
  orgUnit: { code: string; name: string; level: string };
  sex: Sex;
  area: Area;
  ageGroup: string;
  /** The indicator's targets in words (those of a disaggregation named), or — when it has none. */
  target: string;
  /** One per year of `years`. */
  cells: StatisticalCell[];
}

export interface DomainTable {
  domain: Domain;
  rows: StatisticalRow[];
}

export interface StatisticalTables {
  meta: ReportMeta;
  scopeNote: string | null;
  years: number[];
  domains: DomainTable[];
}

export async function buildStatisticalTables(db: Db, plan: Plan, options: StatisticalTablesOptions): Promise<StatisticalTables> {
  const { tree, names } = await getOrgTree(db);
  const root = tree.get(options.orgUnit);
  if (!root) throw missing(`单位代码“${options.orgUnit}”不存在`);
  const scope = scopeOf(tree);
  const years = range(Math.min(plan.baselineYear, options.year), options.year);
  const units = listedUnits(tree, options.orgUnit, options.townships === true);
  const approved = await approvedFilter(db, scope, { from: years[0] ?? options.year, to: options.year });
  // The report models' rule (reportData.ts): values before the baseline are read for the roll-up
  // but never shown, so they do not make a draft.
  const unapproved = new Map<string, UnapprovedValue>();
  const include: ValueFilter =
    options.data === 'approved'
      ? approved
      : (indicator, unit, year) => {
          if (year >= plan.baselineYear && scope.isWithin(unit, options.orgUnit) && !approved(indicator, unit, year)) {
            const reportingUnit = scope.reportingUnitOf(unit) ?? unit;
            unapproved.set(`${indicator}|${reportingUnit}|${year}`, { indicator, reportingUnit, year });
          }
          return true;
        };
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const unitOf = (code: string) => ({ code, name: names.get(code) ?? code, level: tree.get(code)?.level ?? '' });
  const domains: DomainTable[] = [];
  for (const domain of plan.domains) {
    const indicators = plan.indicators.filter((i) => i.domain === domain.code && (!options.indicators || options.indicators.has(i.code)));
    if (indicators.length === 0) continue;
    const rows: StatisticalRow[] = [];
    for (const indicator of indicators) {
      const resolved = await resolveIndicator(db, indicator, byCode, tree, options.year, include);
      rows.push(...indicatorRows(indicator, resolved, units, years, unitOf, options.orgUnit));
    }
    domains.push({ domain, rows });
  }
  const orgName = names.get(options.orgUnit) ?? options.orgUnit;
  const first = years[0] ?? options.year;
  const [departmentNames, valueSources, synthetic] = await Promise.all([
    getDepartmentNames(db),
    getValueSources(db, first, options.year),
    isSynthetic(db),
  ]);
  const draftReason = await draftReasonOf(db, [...unapproved.values()], names, departmentNames);
  const sources = subtreeSources(valueSources, (code) => scope.isWithin(code, options.orgUnit));
  return {
    meta: {
      kind: 'statistical_tables',
      title: `${orgName}儿童发展统计资料(${first}—${options.year}年)`,
      author: `${orgName}统计局`,
      year: options.year,
      orgUnit: { code: options.orgUnit, name: orgName, level: root.level },
      generatedAt: (options.now ?? new Date()).toISOString(),
      draft: draftReason !== null,
      draftReason,
      synthetic,
      sourceLine: sourceLineOf(sources, orgName),
    },
    scopeNote: options.scopeNote ?? null,
    years,
    domains,
  };
}

/** The unit, then each of its county-level units (each followed by its townships when asked). */
function listedUnits(tree: OrgTree, root: string, townships: boolean): string[] {
  const level = tree.get(root)?.level;
  const withTownships = (code: string) => [
    code,
    ...(townships ? tree.children(code).filter((c) => tree.get(c)?.level === 'township') : []),
  ];
  if (level === 'city' || level === 'province') {
    return [root, ...tree.descendantsAtLevel(root, 'county').flatMap(withTownships)];
  }
  if (level === 'county') return withTownships(root);
  return [root];
}

function indicatorRows(
  indicator: Indicator,
  resolved: ResolvedValue[],
  units: string[],
  years: number[],
  unitOf: (code: string) => StatisticalRow['orgUnit'],
  root: string,
): StatisticalRow[] {
  const listed = new Set(units);
  const first = years[0] ?? 0;
  // unit → disaggregation key → the year's values
  const byUnit = new Map<string, Map<string, (ResolvedValue | undefined)[]>>();
  for (const r of resolved) {
    if (!listed.has(r.orgUnit) || r.year < first || r.year >= first + years.length) continue;
    let ofUnit = byUnit.get(r.orgUnit);
    if (!ofUnit) byUnit.set(r.orgUnit, (ofUnit = new Map()));
    const key = `${r.sex}|${r.area}|${r.ageGroup}`;
    let series = ofUnit.get(key);
    if (!series) ofUnit.set(key, (series = new Array<ResolvedValue | undefined>(years.length)));
    series[r.year - first] = r;
  }
  const rows: StatisticalRow[] = [];
  for (const unit of units) {
    const ofUnit = byUnit.get(unit) ?? new Map<string, (ResolvedValue | undefined)[]>();
    const unitInfo = unitOf(unit);
    // The total is listed for the unit asked for and the county-level units even when empty; other series only where there is data.
    const keys = orderedKeys([...ofUnit.keys()], unit === root || unitInfo.level !== 'township');
    for (const key of keys) {
      const [sex = 'total', area = 'total', ageGroup = 'total'] = key.split('|') as [Sex, Area, string];
      const series = ofUnit.get(key) ?? [];
      rows.push({
        indicator,
        orgUnit: unitInfo,
        sex,
        area,
        ageGroup,
        target: targetText(indicator),
        cells: years.map((_, i) => {
          const v = series[i];
          return { value: v?.value ?? null, rolledUp: v !== undefined && v.value !== null && v.origin !== 'reported' };
        }),
      });
    }
  }
  return rows;
}

function targetText(indicator: Indicator): string {
  if (indicator.targets.length === 0) return '—';
  return indicator.targets
    .map((t) => {
      const group = [t.sex === 'total' ? '' : SEX_LABELS[t.sex], t.area === 'total' ? '' : AREA_LABELS[t.area]].join('');
      return group + describeTarget(t, indicator.unit);
    })
    .join(';');
}

/** Total first, then by sex, by area, by both; age groups after the series they belong to. */
function orderedKeys(keys: string[], withTotal: boolean): string[] {
  const all = new Set(keys);
  if (withTotal) all.add('total|total|total');
  const rank = (key: string) => {
    const [sex, area, age] = key.split('|') as [Sex, Area, string];
    const s = SEXES.indexOf(sex);
    const a = AREAS.indexOf(area);
    const group = s === 0 && a === 0 ? 0 : a === 0 ? 1 : s === 0 ? 2 : 3;
    return [group, s, a, age === 'total' ? '' : age] as const;
  };
  return [...all].sort((x, y) => {
    const a = rank(x);
    const b = rank(y);
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3].localeCompare(b[3], 'zh-CN');
  });
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
