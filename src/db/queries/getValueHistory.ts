/** One value's current version and every earlier one, newest first. */
import type { ValueIdentity } from '../../core/validate/valueIdentity.js';
import type { Db } from '../dialect.js';
import type { DataValueRow } from '../schema.js';
import type { Selectable } from 'kysely';
import type { DataValueHistoryTable } from '../schema.js';

export interface ValueHistory {
  current: DataValueRow | null;
  versions: Selectable<DataValueHistoryTable>[];
}

/** Both tables name the identity columns alike. */
function identity(key: ValueIdentity) {
  return {
    indicator_code: key.indicator,
    org_unit_code: key.orgUnit,
    year: key.year,
    sex: key.sex,
    area: key.area,
    age_group: key.ageGroup,
  } as const;
}

export async function getValueHistory(db: Db, key: ValueIdentity): Promise<ValueHistory> {
  const columns = identity(key);
  const current = await db
    .selectFrom('data_value')
    .selectAll()
    .where((eb) => eb.and(columns))
    .executeTakeFirst();
  const versions = await db
    .selectFrom('data_value_history')
    .selectAll()
    .where((eb) => eb.and(columns))
    .orderBy('id', 'desc')
    .execute();
  return { current: current ?? null, versions };
}
