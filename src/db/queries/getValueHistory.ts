/** One value's current version and every earlier one, newest first. */
import type { Db } from '../dialect.js';

export interface ValueKey {
  indicator: string;
  orgUnit: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
}

export async function getValueHistory(db: Db, key: ValueKey) {
  const current = await db
    .selectFrom('data_value')
    .selectAll()
    .where('indicator_code', '=', key.indicator)
    .where('org_unit_code', '=', key.orgUnit)
    .where('year', '=', key.year)
    .where('sex', '=', key.sex)
    .where('area', '=', key.area)
    .where('age_group', '=', key.ageGroup)
    .executeTakeFirst();
  const versions = await db
    .selectFrom('data_value_history')
    .selectAll()
    .where('indicator_code', '=', key.indicator)
    .where('org_unit_code', '=', key.orgUnit)
    .where('year', '=', key.year)
    .where('sex', '=', key.sex)
    .where('area', '=', key.area)
    .where('age_group', '=', key.ageGroup)
    .orderBy('id', 'desc')
    .execute();
  return { current: current ?? null, versions };
}
