/** Small key/value settings kept in the database (the region loaded, the demo flag, …). */
import { sql } from 'kysely';
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
 * Tokens that change, in the same transaction, with every write they cover: caches of derived
 * figures (assessments) stay valid while theirs stays the same.
 * - data_version: every write of values or of a submission's state;
 * - approved_version: every change to what counts as approved (workflow steps, file imports and
 *   the demo set, which write outside the workflow). Saving a draft does not change it;
 * - assignment_version: every change to the division of work (who leads which item).
 */
export const VERSION_KEYS = ['data_version', 'approved_version', 'assignment_version'] as const;
export type VersionKey = (typeof VERSION_KEYS)[number];

/** A token unlike any before it. */
export function newToken(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function bumpVersion(db: Db, key: VersionKey | 'publication_version'): Promise<void> {
  await setMeta(db, key, newToken());
}

export async function bumpDataVersion(db: Db): Promise<void> {
  await bumpVersion(db, 'data_version');
}

export async function getVersion(db: Db, key: VersionKey): Promise<string> {
  return (await getMeta(db, key)) ?? '0';
}

/**
 * Fresh planner statistics after a bulk write. Without them PostgreSQL joins a batch of keys to
 * data_value by scanning the whole table (20 ms for 20 000 values) instead of using the unique key.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze data_value`.execute(db);
  await sql`analyze org_unit`.execute(db);
}
