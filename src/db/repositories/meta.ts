/** Small key/value settings kept in the database (the region loaded, the demo flag, …). */
import type { Db } from '../dialect.js';

export async function getMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * A token that changes with every write of data values or of a submission's state, in the same
 * transaction: caches of derived figures (assessments) are valid while it stays the same.
 */
export async function bumpDataVersion(db: Db): Promise<void> {
  await setMeta(db, 'data_version', `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
}

export async function getDataVersion(db: Db): Promise<string> {
  return (await getMeta(db, 'data_version')) ?? '0';
}
