/** What reporters wrote beside the values of one indicator at one unit: source and note (data_value). */
import type { Db } from '../dialect.js';

export interface ValueNote {
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
  source: string | null;
  note: string | null;
}

export async function getValueNotes(db: Db, indicator: string, orgUnit: string, upToYear: number): Promise<ValueNote[]> {
  return db
    .selectFrom('data_value')
    .select(['year', 'sex', 'area', 'age_group as ageGroup', 'source', 'note'])
    .where('indicator_code', '=', indicator)
    .where('org_unit_code', '=', orgUnit)
    .where('year', '<=', upToYear)
    .execute();
}
