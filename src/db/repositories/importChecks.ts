/**
 * Warnings found after an import's rows are written (inside its transaction): year-on-year
 * jumps and parents that disagree with the aggregate of their children (methodology.md §5).
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../dialect.js';
import { sameValue } from '../sameValue.js';

import type { ValueIdentity } from '../../core/validate/valueIdentity.js';
import { PARENT_TOLERANCE, YEAR_ON_YEAR_LIMIT } from '../../core/validate/warningLimits.js';
const LISTED = 1000;

export type ValueRef = ValueIdentity;

export interface YearJump extends ValueRef {
  value: number;
  previousYear: number;
  previousValue: number;
}

/**
 * Pairs of adjacent years, one of this import and one stored before it, whose change exceeds
 * 50 %: the first `limit` of them and how many there are. Pairs with both years in this import
 * are left to the check of the file.
 */
export async function findYearOnYearJumps(db: Db, importId: number, limit = LISTED): Promise<{ listed: YearJump[]; total: number }> {
  const pairs = (importedSide: 'cur' | 'prev') => {
    const storedSide = importedSide === 'cur' ? 'prev' : 'cur';
    return db
      .selectFrom('data_value as cur')
      .innerJoin('data_value as prev', (join) =>
        join.on(sameValue('prev', 'cur', ['year'])).on('prev.year', '=', sql<number>`cur.year - 1`),
      )
      .where(`${importedSide}.import_id`, '=', importId)
      .where((eb) => eb.or([eb(`${storedSide}.import_id`, 'is', null), eb(`${storedSide}.import_id`, '<>', importId)]))
      .where('prev.value', '<>', 0)
      .where(sql<SqlBool>`abs(cur.value / prev.value - 1) > ${YEAR_ON_YEAR_LIMIT}`);
  };
  const listed: YearJump[] = [];
  let total = 0;
  for (const side of ['cur', 'prev'] as const) {
    const room = limit - listed.length;
    const rows =
      room <= 0
        ? []
        : await pairs(side)
            .select([
              'cur.indicator_code as indicator',
              'cur.org_unit_code as orgUnit',
              'cur.year as year',
              'cur.sex as sex',
              'cur.area as area',
              'cur.age_group as ageGroup',
              'cur.value as value',
              'prev.year as previousYear',
              'prev.value as previousValue',
            ])
            .limit(room)
            .execute();
    for (const r of rows)
      if (r.value !== null && r.previousValue !== null) listed.push({ ...r, value: r.value, previousValue: r.previousValue });
    // Counted separately only when there are more than could be listed.
    if (rows.length < room) total += rows.length;
    else
      total += Number(
        (
          await pairs(side)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  }
  return { listed, total };
}

export interface StoredParentGap extends ValueRef {
  value: number;
  aggregate: number;
  children: number;
}

/**
 * Parents touched by the import (their own value, or one of their children's) whose value is
 * more than 5 % away from the aggregate of ALL their direct children: Σ numerators / Σ
 * denominators × factor for `ratio` indicators, the minimum for `min` ones. At most `limit`.
 */
export async function findParentGaps(db: Db, importId: number, limit = LISTED): Promise<StoredParentGap[]> {
  // Without fresh statistics both planners may walk the children by indicator alone, which on a
  // large import is quadratic; with them they go parent → child unit → value by the unique key.
  await sql`analyze data_value`.execute(db);
  await sql`analyze org_unit`.execute(db);
  // A parent's value and its children's: the same value but for the unit.
  const sameKey = (p: string, c: string): Expression<SqlBool> => sameValue(p, c, ['org_unit_code']);
  const ratio = sql<number>`sum(c.numerator) * i.factor / sum(c.denominator)`;
  const rows = await db
    .with('touched', (qc) =>
      qc
        .selectFrom('data_value as p')
        .select('p.id')
        .where('p.import_id', '=', importId)
        .union(
          qc
            .selectFrom('data_value as c')
            .innerJoin('org_unit as o', 'o.code', 'c.org_unit_code')
            .innerJoin('data_value as p', (join) => join.onRef('p.org_unit_code', '=', 'o.parent_code').on(sameKey('p', 'c')))
            .select('p.id')
            .where('c.import_id', '=', importId),
        ),
    )
    .with('kids', (qc) =>
      qc
        .selectFrom('org_unit')
        .select(['parent_code', (eb) => eb.fn.countAll<number>().as('n')])
        .where('parent_code', 'is not', null)
        .groupBy('parent_code'),
    )
    .selectFrom('data_value as p')
    .innerJoin('touched as t', 't.id', 'p.id')
    .innerJoin('indicator as i', 'i.code', 'p.indicator_code')
    .innerJoin('kids as k', 'k.parent_code', 'p.org_unit_code')
    .innerJoin('org_unit as o', 'o.parent_code', 'p.org_unit_code')
    .innerJoin('data_value as c', (join) => join.onRef('c.org_unit_code', '=', 'o.code').on(sameKey('p', 'c')))
    .select((eb) => [
      'p.indicator_code as indicator',
      'p.org_unit_code as orgUnit',
      'p.year as year',
      'p.sex as sex',
      'p.area as area',
      'p.age_group as ageGroup',
      'p.value as value',
      'k.n as children',
      eb.case().when('i.aggregation', '=', 'min').then(eb.fn.min<number>('c.value')).else(ratio).end().as('aggregate'),
    ])
    .where('p.value', 'is not', null)
    .where('i.aggregation', 'in', ['ratio', 'min'])
    .groupBy([
      'p.id',
      'p.indicator_code',
      'p.org_unit_code',
      'p.year',
      'p.sex',
      'p.area',
      'p.age_group',
      'p.value',
      'k.n',
      'i.aggregation',
      'i.factor',
    ])
    .having((eb) =>
      eb.and([
        eb(eb.fn.countAll(), '=', eb.ref('k.n')),
        eb.or([
          eb.and([
            eb('i.aggregation', '=', 'ratio'),
            eb(eb.fn.count('c.denominator'), '=', eb.ref('k.n')),
            eb(eb.fn.sum('c.denominator'), '>', 0),
            sql<SqlBool>`abs(p.value - ${ratio}) > ${PARENT_TOLERANCE} * abs(${ratio})`,
          ]),
          eb.and([eb('i.aggregation', '=', 'min'), sql<SqlBool>`abs(p.value - min(c.value)) > ${PARENT_TOLERANCE} * abs(min(c.value))`]),
        ]),
      ]),
    )
    .limit(limit)
    .execute();
  return rows.flatMap((r) =>
    r.value === null || r.aggregate === null
      ? []
      : [{ ...r, value: r.value, aggregate: Number(r.aggregate), children: Number(r.children) }],
  );
}
