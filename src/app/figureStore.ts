/**
 * The figure store: every indicator's values rolled up the hierarchy (or derived by a coverage
 * rule), per data kind, kept in the database and recomputed — for one indicator at a time — when
 * a write has changed what they are computed from. A page of one unit then reads its own rows
 * instead of rolling up the whole country on each request, and still shows a save or an approval
 * at once: the check runs on every read, in the request that needs the figures.
 */
import { createHash } from 'node:crypto';
import type { ResolvedValue } from '../core/aggregate/index.js';
import { AREAS, type Indicator, SEXES } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import {
  getFigureStamps,
  getReportedFigures,
  getReportedYears,
  getStoredFigures,
  getUnitsWithStoredFigures,
  replaceStoredFigures,
} from '../db/queries/figureRollup.js';
import { getOrgTree, type OrgDirectory } from '../db/queries/getOrgTree.js';
import { ALL_YEARS, readIndicatorTokens } from '../db/repositories/indicatorVersions.js';
import { publishedYears } from '../db/repositories/publications.js';
import { approvedFilter } from './approvedValues.js';
import { firstYear, resolveIndicator, type ValueFilter } from './assessment.js';
import type { DataKind, FigureSource } from './figures.js';

/** Indicators whose figures come from another indicator's values (coverage rules). */
function sourcesOf(indicator: Indicator): string[] {
  const coverage = indicator.aggregation === 'coverage' ? indicator.targets.find((t) => t.coverage)?.coverage : undefined;
  return coverage ? [indicator.code, coverage.indicator] : [indicator.code];
}

const definitionHashes = new WeakMap<Indicator, string>();

/** Changes when the plan file changes the indicator's rule, factor or targets. */
function definitionHash(indicator: Indicator): string {
  let hash = definitionHashes.get(indicator);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(indicator)).digest('base64url').slice(0, 16);
    definitionHashes.set(indicator, hash);
  }
  return hash;
}

/**
 * The years of an indicator's stored figures a read up to `toYear` uses: from its first assessed
 * year, or from `shownFrom` when a page also shows the years before it (methodology: kept and
 * shown, never used to assess).
 */
function yearsOf(indicator: Indicator, toYear: number, shownFrom?: number): number[] {
  const years: number[] = [];
  for (let y = fromOf(indicator, shownFrom); y <= toYear; y++) years.push(y);
  return years;
}

function fromOf(indicator: Indicator, shownFrom: number | undefined): number {
  return shownFrom === undefined ? firstYear(indicator) : Math.min(shownFrom, firstYear(indicator));
}

/** What the kind's figures of each indicator and year are computed from, as one string per "code|year". */
async function currentStamps(
  s: FigureSource,
  kind: DataKind,
  indicators: readonly Indicator[],
  toYear: number,
  shownFrom: number | undefined,
): Promise<Map<string, string>> {
  const codes = [...new Set(indicators.flatMap(sourcesOf))];
  const [tokens, meta] = await Promise.all([
    readIndicatorTokens(s.db, codes),
    s.db.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['region', 'assignment_version', 'publication_version']).execute(),
  ]);
  const setting = new Map(meta.map((m) => [m.key, m.value]));
  const stamps = new Map<string, string>();
  for (const indicator of indicators) {
    const common = [definitionHash(indicator), setting.get('region') ?? ''];
    if (kind !== 'all') common.push(setting.get('assignment_version') ?? '0');
    if (kind === 'public') common.push(setting.get('publication_version') ?? '0');
    for (const year of yearsOf(indicator, toYear, shownFrom)) {
      const parts = [...common];
      for (const code of sourcesOf(indicator)) {
        for (const t of [tokens.get(code)?.get(ALL_YEARS), tokens.get(code)?.get(year)]) {
          parts.push(t?.data ?? '0');
          if (kind !== 'all') parts.push(t?.approved ?? '0');
        }
      }
      stamps.set(`${indicator.code}|${year}`, parts.join('|'));
    }
  }
  return stamps;
}

/** Recomputations under way, per database and "kind|indicator", so that concurrent requests wait for one. */
const running = new WeakMap<Db, Map<string, Promise<void>>>();

async function ensureFresh(
  s: FigureSource,
  kind: DataKind,
  indicators: readonly Indicator[],
  toYear: number,
  org: OrgDirectory | null,
  shownFrom?: number,
): Promise<void> {
  const codes = indicators.map((i) => i.code);
  const [wanted, stored] = await Promise.all([currentStamps(s, kind, indicators, toYear, shownFrom), getFigureStamps(s.db, kind, codes)]);
  const staleYears = (indicator: Indicator, have: Map<string, string>): number[] =>
    yearsOf(indicator, toYear, shownFrom).filter((y) => have.get(`${indicator.code}|${y}`) !== wanted.get(`${indicator.code}|${y}`));
  const stale = indicators.map((i) => ({ indicator: i, years: staleYears(i, stored) })).filter((x) => x.years.length > 0);
  if (stale.length === 0) return;
  let perDb = running.get(s.db);
  if (!perDb) running.set(s.db, (perDb = new Map()));
  const jobs = perDb;
  const tree = (org ?? (await getOrgTree(s.db))).tree;
  let filter: Promise<ValueFilter | undefined> | null = null;
  for (const item of stale) {
    const { indicator } = item;
    let { years } = item;
    const key = `${kind}|${indicator.code}`;
    // Another request recomputing this indicator may cover these years: wait for it and look
    // again. No await may come between finding no job and registering ours.
    for (let other = jobs.get(key); other && years.length > 0; other = jobs.get(key)) {
      await other.catch(() => undefined);
      years = staleYears(indicator, await getFigureStamps(s.db, kind, [indicator.code]));
    }
    if (years.length === 0) continue;
    filter ??= wholeFilter(s, kind, indicators, toYear, shownFrom);
    const include = filter;
    const job = (async () => recompute(s, kind, indicator, years, wanted, tree, await include))();
    jobs.set(key, job);
    try {
      await job;
    } finally {
      if (jobs.get(key) === job) jobs.delete(key);
    }
  }
}

async function recompute(
  s: FigureSource,
  kind: DataKind,
  indicator: Indicator,
  years: readonly number[],
  wanted: Map<string, string>,
  tree: OrgDirectory['tree'],
  include: ValueFilter | undefined,
): Promise<void> {
  const from = Math.min(...years);
  const to = Math.max(...years);
  const chosen = new Set(years);
  const resolved = await resolveIndicator(s.db, indicator, byCode(s), tree, to, include, from);
  // Reported values are read from data_value itself; a coverage indicator's own are not used.
  const kept = resolved.filter((v) => chosen.has(v.year) && (indicator.aggregation === 'coverage' || v.origin !== 'reported'));
  const stamps = new Map(years.map((y) => [y, wanted.get(`${indicator.code}|${y}`) ?? '']));
  await replaceStoredFigures(s.db, kind, indicator.code, stamps, kept, new Date().toISOString());
}

const codeMaps = new WeakMap<object, Map<string, Indicator>>();
function byCode(s: FigureSource): Map<string, Indicator> {
  let map = codeMaps.get(s.plan);
  if (!map) codeMaps.set(s.plan, (map = new Map(s.plan.indicators.map((i) => [i.code, i]))));
  return map;
}

/** The kind's filter over every unit, for recomputing. */
async function wholeFilter(
  s: FigureSource,
  kind: DataKind,
  indicators: readonly Indicator[],
  toYear: number,
  shownFrom?: number,
): Promise<ValueFilter | undefined> {
  if (kind === 'all') return undefined;
  const from = Math.min(toYear, ...indicators.map((i) => fromOf(i, shownFrom)));
  return narrowToPublished(s, kind, await approvedFilter(s.db, s.scope, { from, to: toYear }));
}

async function narrowToPublished(s: FigureSource, kind: DataKind, approved: ValueFilter): Promise<ValueFilter> {
  if (kind !== 'public') return approved;
  const published = await publishedYears(s.db);
  return (indicator, orgUnit, year) => published.has(year) && approved(indicator, orgUnit, year);
}

export interface UnitFigures {
  /** Per indicator code: the resolved values at the units asked for, as resolveIndicator gives them. */
  byIndicator: Map<string, ResolvedValue[]>;
}

/**
 * The resolved values of the indicators at the units, up to a year, for the kind: the same values
 * resolveIndicator computes from the whole tree, read from the store and from the units' own reports.
 */
export async function figuresAt(
  s: FigureSource,
  kind: DataKind,
  options: {
    orgUnits: readonly string[];
    indicators: readonly Indicator[];
    toYear: number;
    org?: OrgDirectory;
    /** Also the years from this one, before the first assessed year (a page showing them). */
    shownFrom?: number;
  },
): Promise<UnitFigures> {
  const { orgUnits, indicators, toYear, shownFrom } = options;
  await ensureFresh(s, kind, indicators, toYear, options.org ?? null, shownFrom);
  const codes = indicators.map((i) => i.code);
  const reportedCodes = indicators.filter((i) => i.aggregation !== 'coverage').map((i) => i.code);
  const [stored, reported] = await Promise.all([
    getStoredFigures(s.db, kind, orgUnits, codes, toYear),
    getReportedFigures(s.db, orgUnits, reportedCodes, toYear),
  ]);
  const include = await unitFilter(s, kind, orgUnits, indicators, toYear, shownFrom);
  const firstYears = new Map(indicators.map((i) => [i.code, fromOf(i, shownFrom)]));
  const byIndicator = new Map<string, ResolvedValue[]>(codes.map((c) => [c, []]));
  for (const { indicator, ...value } of stored) {
    // Years before the first assessed one are stored once a page has shown them; only such a page reads them.
    if (value.year >= (firstYears.get(indicator) ?? 0)) byIndicator.get(indicator)?.push(value);
  }
  for (const { indicator, ...r } of reported) {
    // As the roll-up: a report without a value leaves the unit to its children's figure.
    if (r.value === null || r.year < (firstYears.get(indicator) ?? 0)) continue;
    if (include && !include(indicator, r.orgUnit, r.year)) continue;
    byIndicator.get(indicator)?.push({ ...r, origin: 'reported', contributors: 0 });
  }
  const unitOrder = new Map(orgUnits.map((u, i) => [u, i]));
  for (const values of byIndicator.values()) values.sort((a, b) => compareValues(a, b, unitOrder));
  return { byIndicator };
}

/**
 * The units among those given that have a figure of the indicator (of the kind, up to the year):
 * what figuresAt would return something for, without reading the figures (a province's counties).
 */
export async function unitsWithFigures(
  s: FigureSource,
  kind: DataKind,
  options: { indicator: Indicator; orgUnits: readonly string[]; toYear: number; org?: OrgDirectory },
): Promise<Set<string>> {
  const { indicator, orgUnits, toYear } = options;
  await ensureFresh(s, kind, [indicator], toYear, options.org ?? null);
  const [stored, reported, include] = await Promise.all([
    getUnitsWithStoredFigures(s.db, kind, indicator.code, orgUnits, firstYear(indicator), toYear),
    indicator.aggregation === 'coverage' ? [] : getReportedYears(s.db, indicator.code, orgUnits, toYear),
    unitFilter(s, kind, orgUnits, [indicator], toYear),
  ]);
  const found = new Set(stored);
  const from = firstYear(indicator);
  for (const r of reported) {
    if (r.year >= from && (!include || include(indicator.code, r.orgUnit, r.year))) found.add(r.orgUnit);
  }
  return found;
}

/** The units in the order asked, then year, sex, area and age group. */
function compareValues(a: ResolvedValue, b: ResolvedValue, unitOrder: Map<string, number>): number {
  return (
    (unitOrder.get(a.orgUnit) ?? 0) - (unitOrder.get(b.orgUnit) ?? 0) ||
    a.year - b.year ||
    SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex) ||
    AREAS.indexOf(a.area) - AREAS.indexOf(b.area) ||
    (a.ageGroup < b.ageGroup ? -1 : a.ageGroup > b.ageGroup ? 1 : 0)
  );
}

/** The kind's filter for the units' own reports: only their reporting units' submissions are read. */
async function unitFilter(
  s: FigureSource,
  kind: DataKind,
  orgUnits: readonly string[],
  indicators: readonly Indicator[],
  toYear: number,
  shownFrom?: number,
): Promise<ValueFilter | undefined> {
  if (kind === 'all') return undefined;
  const reportingUnits = [...new Set(orgUnits.flatMap((u) => s.scope.reportingUnitOf(u) ?? []))];
  const from = Math.min(toYear, ...indicators.map((i) => fromOf(i, shownFrom)));
  return narrowToPublished(s, kind, await approvedFilter(s.db, s.scope, { from, to: toYear }, reportingUnits));
}
