/** The stored values of one indicator from one year to another, as the roll-up reads them. */
import type { ValueRecord } from '../../core/aggregate/index.js';
import type { Area, Sex } from '../../core/plan/types.js';
import type { Db } from '../dialect.js';

export async function getIndicatorRecords(db: Db, indicator: string, fromYear: number, upToYear: number): Promise<ValueRecord[]> {
  // Selected under the record's own field names: no second object per value (a city has a million).
  const rows = await db
    .selectFrom('data_value')
    .select(['org_unit_code as orgUnit', 'year', 'sex', 'area', 'age_group as ageGroup', 'value', 'numerator', 'denominator'])
    .where('indicator_code', '=', indicator)
    .where('year', '>=', fromYear)
    .where('year', '<=', upToYear)
    .$narrowType<{ sex: Sex; area: Area }>()
    .execute();
  return rows;
}
