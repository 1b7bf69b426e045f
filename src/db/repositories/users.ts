/** Users of the web application. */
import { sql } from 'kysely';
import type { Role } from '../../core/access/roles.js';
import type { Db } from '../dialect.js';
import type { AppUserRow } from '../schema.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  orgUnitCode: string;
  departmentCode: string | null;
  mustChangePassword: boolean;
  createdBy: string;
  at: string;
}

export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      org_unit_code: user.orgUnitCode,
      department_code: user.departmentCode,
      must_change_password: user.mustChangePassword ? 1 : 0,
      password_changed_at: user.at,
      created_by: user.createdBy,
      created_at: user.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findUserByName(db: Db, username: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type UserUpdate = Partial<
  Pick<AppUserRow, 'display_name' | 'role' | 'org_unit_code' | 'department_code' | 'active' | 'password_hash' | 'must_change_password'> &
    Pick<AppUserRow, 'failed_logins' | 'locked_until' | 'password_changed_at'>
>;

export async function updateUser(db: Db, id: number, set: UserUpdate): Promise<void> {
  await db.updateTable('app_user').set(set).where('id', '=', id).execute();
}

export type FailedLogin = { kind: 'counted'; failures: number } | { kind: 'locked'; lockedUntil: string } | { kind: 'alreadyLocked' };

/**
 * Counts a wrong password in one statement, so that wrong passwords sent at once cannot each read
 * the same count: the one that reaches `limit` locks the account until `lockUntil` and starts the
 * count again; while the account is locked (at `now`) nothing is counted.
 */
export async function countFailedLogin(db: Db, id: number, rule: { limit: number; now: string; lockUntil: string }): Promise<FailedLogin> {
  const reachesLimit = sql<boolean>`failed_logins + 1 >= ${rule.limit}`;
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: sql<number>`case when ${reachesLimit} then 0 else failed_logins + 1 end`,
      locked_until: sql<string | null>`case when ${reachesLimit} then ${rule.lockUntil} else null end`,
    })
    .where('id', '=', id)
    // ISO times of one format compare as text.
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', rule.now)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  if (!row) return { kind: 'alreadyLocked' };
  if (row.locked_until !== null) return { kind: 'locked', lockedUntil: row.locked_until };
  return { kind: 'counted', failures: Number(row.failed_logins) };
}

/** Every user with the names of its unit and department, and the time of its last login. */
export async function listUsersWithLastLogin(db: Db) {
  const lastLogins = db
    .selectFrom('security_log')
    .select(['username', (eb) => eb.fn.max('at').as('last_login_at')])
    .where('event', '=', 'login')
    .groupBy('username')
    .as('l');
  return db
    .selectFrom('app_user as u')
    .leftJoin('org_unit as o', 'o.code', 'u.org_unit_code')
    .leftJoin('department as d', 'd.code', 'u.department_code')
    .leftJoin(lastLogins, 'l.username', 'u.username')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_unit_code',
      'o.name as org_unit_name',
      'u.department_code',
      'd.name as department_name',
      'u.active',
      'u.locked_until',
      'u.must_change_password',
      'u.created_by',
      'u.created_at',
      'l.last_login_at',
    ])
    .orderBy('u.id')
    .execute();
}
