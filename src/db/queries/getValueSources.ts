/** Where the stored values say they come from (data_value.source), per unit, for a report's annex. */
import type { Db } from '../dialect.js';

export interface UnitSource {
  orgUnit: string;
  source: string;
  values: number;
}

/** Each unit's distinct non-empty sources of the values of the years, with how many values cite each. */
export async function getValueSources(db: Db, fromYear: number, toYear: number): Promise<UnitSource[]> {
  const rows = await db
    .selectFrom('data_value')
    .select(['org_unit_code', 'source', db.fn.countAll<number>().as('values')])
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .where('source', 'is not', null)
    .where('source', '<>', '')
    .groupBy(['org_unit_code', 'source'])
    .execute();
  return rows.map((r) => ({ orgUnit: r.org_unit_code, source: r.source ?? '', values: Number(r.values) }));
}
