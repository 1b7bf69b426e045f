/** The admin's work on accounts: changing, resetting passwords, unlocking. Every action is audited. */
import { randomBytes } from 'node:crypto';
import { REMEMBERED_PASSWORDS } from '../core/access/password.js';
import { isRole, ROLE_LABELS } from '../core/access/roles.js';
import type { Db } from '../db/dialect.js';
import { retirePassword } from '../db/repositories/passwordHistory.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import { deleteUserSessions } from '../db/repositories/sessions.js';
import { findUserById, updateUser, type UserUpdate } from '../db/repositories/users.js';
import { generatePassword, hashPassword } from '../server/auth/passwords.js';
import type { Actor } from './actor.js';
import { placementProblems, UserInputError } from './users.js';

export class UserNotFoundError extends Error {
  constructor(id: number) {
    super(`用户 ${id} 不存在`);
  }
}

export interface UserChange {
  displayName?: string;
  role?: string;
  orgUnitCode?: string;
  departmentCode?: string | null;
  active?: boolean;
}

/** Changes a user's name, role, unit, department or active state. */
export async function changeUser(db: Db, actor: Actor, id: number, change: UserChange): Promise<void> {
  const user = await findUserById(db, id);
  if (!user) throw new UserNotFoundError(id);
  const role = change.role ?? user.role;
  // A user who stops being a department's user stops belonging to a department.
  const departmentCode = change.departmentCode !== undefined ? change.departmentCode : role === 'department' ? user.department_code : null;
  const orgUnitCode = change.orgUnitCode ?? user.org_unit_code;
  const displayName = change.displayName?.trim() ?? user.display_name;
  const active = change.active === undefined ? user.active === 1 : change.active;

  const problems: string[] = [];
  if (displayName === '') problems.push('姓名不能为空');
  if (id === actor.principal.id) {
    // An admin who locks himself out can leave the system without anyone to manage it.
    if (!active) problems.push('不能停用自己的账户');
    if (role !== user.role) problems.push('不能修改自己的角色');
  }
  problems.push(...(await placementProblems(db, role, orgUnitCode, departmentCode)));
  if (problems.length > 0) throw new UserInputError(problems);

  const set: UserUpdate = {};
  const said: string[] = [];
  if (displayName !== user.display_name) {
    set.display_name = displayName;
    said.push(`姓名 ${user.display_name} → ${displayName}`);
  }
  if (role !== user.role) {
    set.role = role;
    said.push(`角色 ${roleLabel(user.role)} → ${roleLabel(role)}`);
  }
  if (orgUnitCode !== user.org_unit_code) {
    set.org_unit_code = orgUnitCode;
    said.push(`单位 ${user.org_unit_code} → ${orgUnitCode}`);
  }
  if (departmentCode !== user.department_code) {
    set.department_code = departmentCode;
    said.push(`成员单位 ${user.department_code ?? '无'} → ${departmentCode ?? '无'}`);
  }
  if (active !== (user.active === 1)) {
    set.active = active ? 1 : 0;
    said.push(active ? '启用' : '停用');
  }
  if (said.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, id, set);
    // Whoever had a session under the old role or unit starts again under the new one.
    const placed = set.role !== undefined || set.org_unit_code !== undefined || set.department_code !== undefined;
    if (placed || set.active === 0) await deleteUserSessions(trx, id);
    await logSecurity(trx, {
      at: actor.at,
      event: 'user_updated',
      username: actor.principal.username,
      ip: actor.ip,
      success: true,
      detail: `修改用户 ${user.username}:${said.join(';')}`,
    });
  });
}

/**
 * Gives the user a new generated password, to be changed at the next login; unlocks the account
 * and ends its sessions. Returns the password, which is shown once.
 */
export async function resetPassword(db: Db, actor: Actor, id: number): Promise<string> {
  const user = await findUserById(db, id);
  if (!user) throw new UserNotFoundError(id);
  if (id === actor.principal.id) throw new UserInputError(['请通过“修改密码”修改自己的密码']);
  const password = generatePassword(randomBytes, user.username);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await retirePassword(trx, id, user.password_hash, actor.at, REMEMBERED_PASSWORDS - 1);
    await updateUser(trx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      password_changed_at: actor.at,
      failed_logins: 0,
      locked_until: null,
    });
    await deleteUserSessions(trx, id);
    await logSecurity(trx, {
      at: actor.at,
      event: 'password_reset',
      username: actor.principal.username,
      ip: actor.ip,
      success: true,
      detail: `重置用户 ${user.username} 的密码`,
    });
  });
  return password;
}

/** Ends a lockout after wrong passwords before its time. */
export async function unlockUser(db: Db, actor: Actor, id: number): Promise<void> {
  const user = await findUserById(db, id);
  if (!user) throw new UserNotFoundError(id);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { failed_logins: 0, locked_until: null });
    await logSecurity(trx, {
      at: actor.at,
      event: 'user_updated',
      username: actor.principal.username,
      ip: actor.ip,
      success: true,
      detail: `解除用户 ${user.username} 的锁定`,
    });
  });
}

function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}
