/** Users of the web application. */
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
