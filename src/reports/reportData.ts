/**
 * What every report model reads from the database, once: the assessment of the unit and its
 * county-level units (exactly as `childplan assess` computes it), the series behind it, the
 * disparities, who is responsible, the sources, and whether unapproved values were used.
 */
import { type AssessmentRow, resolveIndicator, runAssessment, type ValueFilter } from '../app/assessment.js';
import { approvedFilter } from '../app/approvedValues.js';
import { missing } from '../app/appError.js';
import { isSynthetic } from '../app/demoLoader.js';
import { disparityOf, type DisparityRow } from '../app/disparities.js';
import type { ItemFilter } from '../app/qualitative.js';
import { departmentsOf, getResponsibilities, type Responsibilities } from '../app/responsibilities.js';
import type { ResolvedValue } from '../core/aggregate/index.js';
import { canSeeIndicator, canSeeOrg, canSeeQualitative } from '../core/access/permissions.js';
import type { Principal } from '../core/access/roles.js';
import { scopeOf } from '../core/access/treeScope.js';
import type { Indicator, Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import { getDepartmentNames } from '../db/repositories/qualitative.js';
import { draftReasonOf, type UnapprovedValue } from './draftReason.js';
import { type ReportItem, reportItems, type SeriesIndex, seriesIndex } from './reportItems.js';
import { sourceLineOf, subtreeSources } from './sources.js';
import { getValueSources } from '../db/queries/getValueSources.js';

export interface ReportOptions {
  year: number;
  orgUnit: string;
  /** approved: only approved values; all: every stored value (a draft when any used is unapproved). */
  data: 'approved' | 'all';
  /** The user the report is made for: only the indicators and qualitative goals the user may see. */
  who?: Principal;
  /** Only these indicators (a department's); every indicator when absent. */
  indicators?: ReadonlySet<string>;
  now?: Date;
}

export interface ReportUnit {
  code: string;
  name: string;
  level: string;
}

/** Asked for a unit the user may not see. */
export class ReportAccessError extends Error {}

export interface ReportData {
  plan: Plan;
  year: number;
  data: 'approved' | 'all';
  unit: ReportUnit;
  /** The unit's county-level units (none for a county). */
  counties: ReportUnit[];
  /** The indicators reported on, in plan order. */
  indicators: Indicator[];
  /** The unit's assessed targets, in plan order (one per target; the total of an indicator without one). */
  items: ReportItem[];
  /** Each county-level unit's assessed targets. */
  countyItems: Map<string, ReportItem[]>;
  disparities: DisparityRow[];
  responsibilities: Responsibilities;
  departmentNames: Map<string, string>;
  /** The qualitative goals the reader may see. */
  qualitativeFilter: ItemFilter;
  synthetic: boolean;
  draftReason: string | null;
  sources: string[];
  sourceLine: string;
  generatedAt: string;
}

export async function loadReportData(db: Db, plan: Plan, options: ReportOptions): Promise<ReportData> {
  const { year, orgUnit, who } = options;
  const { tree, names } = await getOrgTree(db);
  const node = tree.get(orgUnit);
  if (!node) throw missing(`单位代码“${orgUnit}”不存在`);
  const scope = scopeOf(tree);
  if (who && !canSeeOrg(who, orgUnit, scope)) throw new ReportAccessError('无权查看该单位的数据');
  const unitOf = (code: string): ReportUnit => ({ code, name: names.get(code) ?? code, level: tree.get(code)?.level ?? '' });
  const counties = tree
    .children(orgUnit)
    .filter((c) => tree.get(c)?.level === 'county')
    .map(unitOf);

  const responsibilities = await getResponsibilities(db, year);
  const indicators = plan.indicators.filter(
    (i) =>
      (!options.indicators || options.indicators.has(i.code)) &&
      (!who || canSeeIndicator(who, departmentsOf(responsibilities.get(i.code)))),
  );

  const approved = await approvedFilter(db, scope, { from: Math.min(2010, year), to: year });
  const unapproved = new Map<string, UnapprovedValue>();
  // Values before the baseline feed no figure of the report, so they do not make it a draft.
  const include: ValueFilter =
    options.data === 'approved'
      ? approved
      : (indicator, unit, y) => {
          if (y >= plan.baselineYear && scope.isWithin(unit, orgUnit) && !approved(indicator, unit, y)) {
            const reportingUnit = scope.reportingUnitOf(unit) ?? unit;
            unapproved.set(`${indicator}|${reportingUnit}|${y}`, { indicator, reportingUnit, year: y });
          }
          return true;
        };

  const units = [orgUnit, ...counties.map((c) => c.code)];
  const rows: AssessmentRow[] =
    indicators.length === 0
      ? []
      : await runAssessment(db, plan, { year, orgUnits: units, indicators: indicators.map((i) => i.code), include });

  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const listed = new Set(units);
  const series: SeriesIndex = new Map();
  const disparities: DisparityRow[] = [];
  for (const indicator of indicators) {
    const resolved: ResolvedValue[] = (await resolveIndicator(db, indicator, byCode, tree, year, include)).filter((r) =>
      listed.has(r.orgUnit),
    );
    seriesIndex(series, indicator.code, resolved);
    const disparity = disparityOf(indicator, resolved, tree, names, orgUnit, year, plan.baselineYear);
    if (disparity) disparities.push(disparity);
  }

  const [departmentNames, synthetic, valueSources] = await Promise.all([
    getDepartmentNames(db),
    isSynthetic(db),
    getValueSources(db, plan.baselineYear, year),
  ]);
  const sources = subtreeSources(valueSources, (code) => scope.isWithin(code, orgUnit));
  // Indicators are stored in the plan's order, which may interleave domains; reports go domain by domain.
  const domainIndex = new Map(plan.domains.map((d, i) => [d.code, i]));
  rows.sort((a, b) => (domainIndex.get(a.indicator.domain) ?? 0) - (domainIndex.get(b.indicator.domain) ?? 0));
  const countyItems = new Map(counties.map((c) => [c.code, reportItems(rows, c.code, series)]));
  return {
    plan,
    year,
    data: options.data,
    unit: unitOf(orgUnit),
    counties,
    indicators,
    items: reportItems(rows, orgUnit, series),
    countyItems,
    disparities,
    responsibilities,
    departmentNames,
    qualitativeFilter: who ? (_item, r) => canSeeQualitative(who, departmentsOf(r), orgUnit, scope) : () => true,
    synthetic,
    draftReason: await draftReasonOf(db, [...unapproved.values()], names, departmentNames),
    sources,
    sourceLine: sourceLineOf(sources, names.get(orgUnit) ?? orgUnit),
    generatedAt: (options.now ?? new Date()).toISOString(),
  };
}
