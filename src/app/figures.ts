/**
 * The one road from the pages (overview, indicator page, warnings, disparities, public portal)
 * to the figures: assessed rows and resolved series of the stored values, as one audience may
 * see them. Kept behind this file so that how they are computed (now: from the stored values on
 * each call, cached by the server per version token) can change without the pages changing.
 */
import type { OrgScope } from '../core/access/scope.js';
import type { ResolvedValue } from '../core/aggregate/index.js';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import type { VersionKey } from '../db/repositories/meta.js';
import { publishedYears } from '../db/repositories/publications.js';
import { approvedFilter } from './approvedValues.js';
import { type AssessmentRow, resolveIndicator, runAssessment, type ValueFilter } from './assessment.js';

/**
 * all: every stored value (the statistics bureau checking drafts);
 * approved: values of approved submissions only (the default of every dashboard);
 * public: approved values of the years the office has published (the public portal).
 */
export const DATA_KINDS = ['all', 'approved', 'public'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** The version token whose change makes figures of this kind stale (src/db/repositories/meta.ts). */
export const VERSION_OF: Record<DataKind, VersionKey> = { all: 'data_version', approved: 'approved_version', public: 'approved_version' };

export interface FigureSource {
  db: Db;
  plan: Plan;
  scope: OrgScope;
}

/** Which stored values a kind of figures uses; undefined for all of them. */
export async function figureFilter(s: FigureSource, kind: DataKind, toYear: number): Promise<ValueFilter | undefined> {
  if (kind === 'all') return undefined;
  const approved = await approvedFilter(s.db, s.scope, { from: 2010, to: toYear });
  if (kind === 'approved') return approved;
  const published = await publishedYears(s.db);
  return (indicator, orgUnit, year) => published.has(year) && approved(indicator, orgUnit, year);
}

/** Status and warning of every (or the given) indicator at the given units for a year. */
export async function assessFigures(
  s: FigureSource,
  kind: DataKind,
  options: { year: number; orgUnits: string[] | null; indicators: string[] | null },
): Promise<AssessmentRow[]> {
  const include = await figureFilter(s, kind, options.year);
  return runAssessment(s.db, s.plan, { ...options, include });
}

/**
 * Every year's value of one indicator up to `year` at the given units (reported, rolled up from
 * the children, or derived by a coverage rule), each sex × area × age group it has.
 * Name the units the page shows (the unit and its children, say): at national scale reading every
 * unit of the country for one indicator is what this file exists to avoid.
 */
export async function resolvedFigures(
  s: FigureSource,
  kind: DataKind,
  options: { indicator: string; year: number; orgUnits: readonly string[] },
): Promise<ResolvedValue[]> {
  const indicator = s.plan.indicators.find((i) => i.code === options.indicator);
  if (!indicator) return [];
  const { tree } = await getOrgTree(s.db);
  const include = await figureFilter(s, kind, options.year);
  const all = await resolveIndicator(s.db, indicator, new Map(s.plan.indicators.map((i) => [i.code, i])), tree, options.year, include);
  const wanted = new Set(options.orgUnits);
  return all.filter((v) => wanted.has(v.orgUnit));
}
