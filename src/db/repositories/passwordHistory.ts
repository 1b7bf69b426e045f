/** Users' earlier passwords (Argon2 hashes only), kept to refuse a password used lately. */
import type { Db } from '../dialect.js';

/** The hashes of the user's `count` most recent earlier passwords, newest first. */
export async function earlierPasswordHashes(db: Db, userId: number, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.password_hash);
}

/** Keeps the password being replaced, and forgets those older than the `keep` most recent. */
export async function retirePassword(db: Db, userId: number, passwordHash: string, at: string, keep: number): Promise<void> {
  await db.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash, retired_at: at }).execute();
  const oldestKept = await db
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .offset(keep - 1)
    .limit(1)
    .executeTakeFirst();
  if (oldestKept) await db.deleteFrom('password_history').where('user_id', '=', userId).where('id', '<', oldestKept.id).execute();
}
