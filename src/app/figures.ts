/**
 * The one road from the pages (overview, indicator page, warnings, disparities, public portal)
 * to the figures: assessed rows and resolved series of the stored values, as one audience may
 * see them. Pages name the units they show: their figures come from the figure store
 * (src/app/figureStore.ts), kept current with every write, so that a page of one unit costs the
 * same in a city as in a country of 3 000 counties.
 */
import type { OrgScope } from '../core/access/scope.js';
import type { ResolvedValue } from '../core/aggregate/index.js';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getOrgTree, type OrgDirectory } from '../db/queries/getOrgTree.js';
import type { VersionKey } from '../db/repositories/meta.js';
import { publishedYears } from '../db/repositories/publications.js';
import { approvedFilter } from './approvedValues.js';
import { assessIndicator, type AssessmentRow, runAssessment, type ValueFilter } from './assessment.js';
import { figuresAt, unitsWithFigures } from './figureStore.js';

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
  /** The hierarchy when the caller holds it (the server does); read from the database otherwise. */
  org?: OrgDirectory;
}

async function directoryOf(s: FigureSource): Promise<OrgDirectory> {
  return s.org ?? getOrgTree(s.db);
}

/** Which stored values a kind of figures uses; undefined for all of them. */
export async function figureFilter(s: FigureSource, kind: DataKind, toYear: number): Promise<ValueFilter | undefined> {
  if (kind === 'all') return undefined;
  const approved = await approvedFilter(s.db, s.scope, { from: 2010, to: toYear });
  if (kind === 'approved') return approved;
  const published = await publishedYears(s.db);
  return (indicator, orgUnit, year) => published.has(year) && approved(indicator, orgUnit, year);
}

/**
 * Status and warning of every (or the given) indicator at the given units for a year; every unit
 * when `orgUnits` is null (the command line's whole-city table: computed from the stored values).
 */
export async function assessFigures(
  s: FigureSource,
  kind: DataKind,
  options: { year: number; orgUnits: string[] | null; indicators: string[] | null },
): Promise<AssessmentRow[]> {
  if (options.orgUnits === null) {
    const include = await figureFilter(s, kind, options.year);
    return runAssessment(s.db, s.plan, { ...options, include });
  }
  const org = await directoryOf(s);
  const wanted = options.indicators ? new Set(options.indicators) : null;
  const indicators = s.plan.indicators.filter((i) => !wanted || wanted.has(i.code));
  const units = options.orgUnits.filter((u) => org.tree.has(u));
  const { byIndicator } = await figuresAt(s, kind, { orgUnits: units, indicators, toYear: options.year, org });
  return indicators.flatMap((i) => assessIndicator(i, byIndicator.get(i.code) ?? [], org.tree, org.names, units, options.year));
}

/**
 * Every year's value of one indicator up to `year` at the given units (reported, rolled up from
 * the children, or derived by a coverage rule), each sex × area × age group it has.
 */
export async function resolvedFigures(
  s: FigureSource,
  kind: DataKind,
  options: {
    indicator: string;
    year: number;
    orgUnits: readonly string[];
    /** Also the years from this one before the first assessed year (shown, never assessed). */
    shownFrom?: number;
  },
): Promise<ResolvedValue[]> {
  const found = await resolvedFiguresOf(s, kind, { ...options, indicators: [options.indicator] });
  return found.get(options.indicator) ?? [];
}

/** resolvedFigures of several indicators at once (one round of queries), per indicator code. */
export async function resolvedFiguresOf(
  s: FigureSource,
  kind: DataKind,
  options: { indicators: readonly string[]; year: number; orgUnits: readonly string[]; shownFrom?: number },
): Promise<Map<string, ResolvedValue[]>> {
  const wanted = new Set(options.indicators);
  const indicators = s.plan.indicators.filter((i) => wanted.has(i.code));
  if (indicators.length === 0) return new Map();
  const org = await directoryOf(s);
  const units = options.orgUnits.filter((u) => org.tree.has(u));
  const { byIndicator } = await figuresAt(s, kind, {
    orgUnits: units,
    indicators,
    toYear: options.year,
    org,
    shownFrom: options.shownFrom,
  });
  return byIndicator;
}

/** The units among those given with any value of the indicator up to `year` (whether a unit can be opened further down). */
export async function unitsWithValues(
  s: FigureSource,
  kind: DataKind,
  options: { indicator: string; year: number; orgUnits: readonly string[] },
): Promise<Set<string>> {
  const indicator = s.plan.indicators.find((i) => i.code === options.indicator);
  if (!indicator) return new Set();
  const org = await directoryOf(s);
  const units = options.orgUnits.filter((u) => org.tree.has(u));
  return unitsWithFigures(s, kind, { indicator, orgUnits: units, toYear: options.year, org });
}
