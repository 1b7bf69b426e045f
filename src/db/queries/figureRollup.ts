/** Reading and replacing the figure store's rows (migration 2026_11_29_0005_figure_store). */
import { sql } from 'kysely';
import type { ResolvedValue, ValueRecord } from '../../core/aggregate/index.js';
import type { Area, Sex } from '../../core/plan/types.js';
import { type Db, isPostgres, rowsFromJson } from '../dialect.js';

const COLUMNS = [
  { name: 'org_unit_code', type: 'text' },
  { name: 'year', type: 'integer' },
  { name: 'sex', type: 'text' },
  { name: 'area', type: 'text' },
  { name: 'age_group', type: 'text' },
  { name: 'value', type: 'real' },
  { name: 'numerator', type: 'real' },
  { name: 'denominator', type: 'real' },
  { name: 'origin', type: 'text' },
  { name: 'contributors', type: 'integer' },
] as const;

type JsonRow = { [K in (typeof COLUMNS)[number]['name']]: string | number | null };

/**
 * Replaces the kind's rows of one indicator for the given years (`values` holds those years only)
 * and records, per year, what they were computed from.
 */
export async function replaceStoredFigures(
  db: Db,
  kind: string,
  indicator: string,
  stamps: ReadonlyMap<number, string>,
  values: readonly ResolvedValue[],
  at: string,
): Promise<void> {
  const years = [...stamps.keys()];
  if (years.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // Two processes (the server, a command) recomputing the same indicator take turns: without
    // the lock the second insert would meet the first's rows. SQLite writers take turns anyway.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${`figure|${kind}|${indicator}`}))`.execute(trx);
    await trx
      .deleteFrom('figure_rollup')
      .where('kind', '=', kind)
      .where('indicator_code', '=', indicator)
      .where('year', 'in', years)
      .execute();
    for (let start = 0; start < values.length; start += 20_000) {
      const json = JSON.stringify(
        values
          .slice(start, start + 20_000)
          .map((v) => [v.orgUnit, v.year, v.sex, v.area, v.ageGroup, v.value, v.numerator, v.denominator, v.origin, v.contributors]),
      );
      const source = rowsFromJson<JsonRow>(trx, json, COLUMNS);
      await trx
        .insertInto('figure_rollup')
        .columns(['kind', 'indicator_code', ...COLUMNS.map((c) => c.name)])
        .expression(sql`select ${kind}, ${indicator}, j.* from ${source} as j`)
        .execute();
    }
    await trx
      .insertInto('figure_state')
      .values(years.map((year) => ({ kind, indicator_code: indicator, year, stamp: stamps.get(year) ?? '', computed_at: at })))
      .onConflict((oc) =>
        oc.columns(['kind', 'indicator_code', 'year']).doUpdateSet((eb) => ({ stamp: eb.ref('excluded.stamp'), computed_at: at })),
      )
      .execute();
  });
}

/** Per "indicator|year", the stamp its stored figures of the kind were computed from. */
export async function getFigureStamps(db: Db, kind: string, indicators: readonly string[]): Promise<Map<string, string>> {
  if (indicators.length === 0) return new Map();
  const rows = await db
    .selectFrom('figure_state')
    .select(['indicator_code', 'year', 'stamp'])
    .where('kind', '=', kind)
    .where('indicator_code', 'in', indicators)
    .execute();
  return new Map(rows.map((r) => [`${r.indicator_code}|${Number(r.year)}`, r.stamp]));
}

export interface StoredFigure extends ResolvedValue {
  indicator: string;
}

/** A value as the roll-up reads it, from data_value or figure_rollup (both have these columns). */
const RECORD = [
  'indicator_code as indicator',
  'org_unit_code as orgUnit',
  'year',
  'sex',
  'area',
  'age_group as ageGroup',
  'value',
  'numerator',
  'denominator',
] as const;

/** The stored (rolled-up, derived) figures of the units and indicators, up to a year. */
export async function getStoredFigures(
  db: Db,
  kind: string,
  orgUnits: readonly string[],
  indicators: readonly string[],
  toYear: number,
): Promise<StoredFigure[]> {
  if (orgUnits.length === 0 || indicators.length === 0) return [];
  const rows = await db
    .selectFrom('figure_rollup')
    .select([...RECORD, 'origin', 'contributors'])
    .where('kind', '=', kind)
    .where('org_unit_code', 'in', orgUnits)
    .where('indicator_code', 'in', indicators)
    .where('year', '<=', toYear)
    .$narrowType<{ sex: Sex; area: Area; origin: ResolvedValue['origin'] }>()
    .execute();
  // pg returns double precision as numbers, integers as numbers; counts are not read here.
  return rows.map((r) => ({ ...r, year: Number(r.year), contributors: Number(r.contributors) }));
}

export interface ReportedFigure extends ValueRecord {
  indicator: string;
}

/** The values reported at the units for the indicators, up to a year (through the unique key). */
export async function getReportedFigures(
  db: Db,
  orgUnits: readonly string[],
  indicators: readonly string[],
  toYear: number,
): Promise<ReportedFigure[]> {
  if (orgUnits.length === 0 || indicators.length === 0) return [];
  const rows = await db
    .selectFrom('data_value')
    .select(RECORD)
    .where('indicator_code', 'in', indicators)
    .where('org_unit_code', 'in', orgUnits)
    .where('year', '<=', toYear)
    .$narrowType<{ sex: Sex; area: Area }>()
    .execute();
  return rows.map((r) => ({ ...r, year: Number(r.year) }));
}

/** The units among those given with a stored figure of the indicator up to a year. */
export async function getUnitsWithStoredFigures(
  db: Db,
  kind: string,
  indicator: string,
  orgUnits: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<string[]> {
  if (orgUnits.length === 0) return [];
  const rows = await db
    .selectFrom('figure_rollup')
    .select('org_unit_code')
    .distinct()
    .where('kind', '=', kind)
    .where('org_unit_code', 'in', orgUnits)
    .where('indicator_code', '=', indicator)
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .where('value', 'is not', null)
    .execute();
  return rows.map((r) => r.org_unit_code);
}

/** Which units reported which years of the indicator (values only, not their figures). */
export async function getReportedYears(
  db: Db,
  indicator: string,
  orgUnits: readonly string[],
  toYear: number,
): Promise<{ orgUnit: string; year: number }[]> {
  if (orgUnits.length === 0) return [];
  const rows = await db
    .selectFrom('data_value')
    .select(['org_unit_code as orgUnit', 'year'])
    .distinct()
    .where('indicator_code', '=', indicator)
    .where('org_unit_code', 'in', orgUnits)
    .where('year', '<=', toYear)
    .where('value', 'is not', null)
    .execute();
  return rows.map((r) => ({ orgUnit: r.orgUnit, year: Number(r.year) }));
}
