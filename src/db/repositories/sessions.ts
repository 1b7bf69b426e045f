/** Login sessions: the cookie's token is stored only as its SHA-256. */
import type { Db } from '../dialect.js';
import type { AppUserRow } from '../schema.js';
import { VERSION_KEYS, type VersionKey } from './meta.js';

export interface SessionWithUser {
  tokenHash: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  user: AppUserRow;
  /** The cache version tokens (meta.ts) as of this request, read in the same query. */
  versions: Record<VersionKey, string>;
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; csrfToken: string; at: string; ip: string },
): Promise<void> {
  await db
    .insertInto('app_session')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.at, last_seen_at: s.at, ip: s.ip })
    .execute();
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('app_session')
    .innerJoin('app_user', 'app_user.id', 'app_session.user_id')
    .selectAll('app_user')
    .select([
      'app_session.token_hash',
      'app_session.csrf_token',
      'app_session.created_at as session_created_at',
      'app_session.last_seen_at',
    ])
    // The version tokens ride along: a cached answer then costs no second round trip.
    .select((eb) => VERSION_KEYS.map((key) => eb.selectFrom('meta').select('value').where('key', '=', key).as(key)))
    .where('app_session.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_hash, csrf_token, session_created_at, last_seen_at, data_version, approved_version, assignment_version, ...user } = row;
  return {
    tokenHash: token_hash,
    csrfToken: csrf_token,
    createdAt: session_created_at,
    lastSeenAt: last_seen_at,
    user,
    versions: {
      data_version: data_version ?? '0',
      approved_version: approved_version ?? '0',
      assignment_version: assignment_version ?? '0',
    },
  };
}

export async function touchSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('app_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('app_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number, except?: string): Promise<void> {
  let q = db.deleteFrom('app_session').where('user_id', '=', userId);
  if (except !== undefined) q = q.where('token_hash', '!=', except);
  await q.execute();
}

/** A user's sessions, oldest first. */
export async function listUserSessions(db: Db, userId: number): Promise<{ tokenHash: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom('app_session')
    .select(['token_hash', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ tokenHash: r.token_hash, createdAt: r.created_at }));
}

export async function deleteSessions(db: Db, tokenHashes: readonly string[]): Promise<void> {
  if (tokenHashes.length === 0) return;
  await db.deleteFrom('app_session').where('token_hash', 'in', tokenHashes).execute();
}

/** Sessions idle since before `cutoff` are gone for good. */
export async function deleteIdleSessions(db: Db, cutoff: string): Promise<void> {
  await db.deleteFrom('app_session').where('last_seen_at', '<', cutoff).execute();
}
