/** The stored values of one indicator from one year to another, as the roll-up reads them. */
import type { ValueRecord } from '../../core/aggregate/index.js';
import type { Area, Sex } from '../../core/plan/types.js';
import type { Db } from '../dialect.js';

export async function getIndicatorRecords(db: Db, indicator: string, fromYear: number, upToYear: number): Promise<ValueRecord[]> {
  const rows = await db
    .selectFrom('data_value')
    .select(['org_unit_code', 'year', 'sex', 'area', 'age_group', 'value', 'numerator', 'denominator'])
    .where('indicator_code', '=', indicator)
    .where('year', '>=', fromYear)
    .where('year', '<=', upToYear)
    .execute();
  return rows.map((r) => ({
    orgUnit: r.org_unit_code,
    year: r.year,
    sex: r.sex as Sex,
    area: r.area as Area,
    ageGroup: r.age_group,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
  }));
}
