/**
 * Warnings found after an import's rows are written (inside its transaction): year-on-year
 * jumps and parents that disagree with the aggregate of their children (methodology.md §5).
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../dialect.js';

import type { ValueIdentity } from '../../core/validate/valueIdentity.js';
import { YEAR_ON_YEAR_LIMIT } from '../../core/validate/warningLimits.js';
const LISTED = 1000;

export type ValueRef = ValueIdentity;

export interface YearJump extends ValueRef {
  value: number;
  previousYear: number;
  previousValue: number;
}

/** Values of this import whose change against the adjacent year exceeds 50 %. */
export async function findYearOnYearJumps(db: Db, importId: number): Promise<YearJump[]> {
  const query = (importedSide: 'cur' | 'prev') => {
    const base = db
      .selectFrom('data_value as cur')
      .innerJoin('data_value as prev', (join) =>
        join
          .onRef('prev.indicator_code', '=', 'cur.indicator_code')
          .onRef('prev.org_unit_code', '=', 'cur.org_unit_code')
          .onRef('prev.sex', '=', 'cur.sex')
          .onRef('prev.area', '=', 'cur.area')
          .onRef('prev.age_group', '=', 'cur.age_group')
          .on('prev.year', '=', sql<number>`cur.year - 1`),
      )
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
      .where(`${importedSide}.import_id`, '=', importId)
      .where('prev.value', '<>', 0)
      .where(sql<SqlBool>`abs(cur.value / prev.value - 1) > ${YEAR_ON_YEAR_LIMIT}`)
      .limit(LISTED);
    // A pair with both years in this import is found once, from the later year.
    return importedSide === 'cur'
      ? base
      : base.where((eb) => eb.or([eb('cur.import_id', 'is', null), eb('cur.import_id', '<>', importId)]));
  };
  const rows = [...(await query('cur').execute()), ...(await query('prev').execute())];
  return rows.flatMap((r) =>
    r.value === null || r.previousValue === null ? [] : [{ ...r, value: r.value, previousValue: r.previousValue }],
  );
}

export interface ChildrenAggregate extends ValueRef {
  value: number;
  children: number;
  withRatio: number;
  sumNumerator: number | null;
  sumDenominator: number | null;
  minValue: number | null;
}

/**
 * For every parent value touched by the import (its own row, or one of its children's), the sums
 * of its direct children's numerators and denominators and the minimum of their values.
 */
export async function childrenAggregates(db: Db, importId: number): Promise<ChildrenAggregate[]> {
  // Without fresh statistics both planners may walk the children by indicator alone, which on a
  // large import is quadratic; with them they go parent → child unit → value by the unique key.
  await sql`analyze data_value`.execute(db);
  await sql`analyze org_unit`.execute(db);
  const sameKey = (p: string, c: string): Expression<SqlBool> =>
    sql<SqlBool>`${sql.ref(`${p}.indicator_code`)} = ${sql.ref(`${c}.indicator_code`)}
      and ${sql.ref(`${p}.year`)} = ${sql.ref(`${c}.year`)}
      and ${sql.ref(`${p}.sex`)} = ${sql.ref(`${c}.sex`)}
      and ${sql.ref(`${p}.area`)} = ${sql.ref(`${c}.area`)}
      and ${sql.ref(`${p}.age_group`)} = ${sql.ref(`${c}.age_group`)}`;
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
    .selectFrom('data_value as p')
    .innerJoin('touched as t', 't.id', 'p.id')
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
      eb.fn.countAll<number>().as('children'),
      eb.fn.count<number>('c.denominator').as('withRatio'),
      eb.fn.sum<number | null>('c.numerator').as('sumNumerator'),
      eb.fn.sum<number | null>('c.denominator').as('sumDenominator'),
      eb.fn.min<number | null>('c.value').as('minValue'),
    ])
    .where('p.value', 'is not', null)
    .groupBy(['p.id', 'p.indicator_code', 'p.org_unit_code', 'p.year', 'p.sex', 'p.area', 'p.age_group', 'p.value'])
    .execute();
  return rows.flatMap((r) =>
    r.value === null
      ? []
      : [
          {
            ...r,
            value: r.value,
            children: Number(r.children),
            withRatio: Number(r.withRatio),
            sumNumerator: r.sumNumerator === null ? null : Number(r.sumNumerator),
            sumDenominator: r.sumDenominator === null ? null : Number(r.sumDenominator),
            minValue: r.minValue === null ? null : Number(r.minValue),
          },
        ],
  );
}

/** Child counts per parent, to know when a parent's children are complete. */
export async function childCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['parent_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_code', 'is not', null)
    .groupBy('parent_code')
    .execute();
  return new Map(rows.flatMap((r) => (r.parent_code === null ? [] : [[r.parent_code, Number(r.n)] as const])));
}
