/** A user changes his own password: the rule, no reuse of the last few, the other sessions ended. */
import { passwordProblems, REMEMBERED_PASSWORDS } from '../core/access/password.js';
import type { Db } from '../db/dialect.js';
import { earlierPasswordHashes, retirePassword } from '../db/repositories/passwordHistory.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import { deleteUserSessions } from '../db/repositories/sessions.js';
import { findUserById, updateUser } from '../db/repositories/users.js';
import { hashPassword, verifyPassword } from '../server/auth/passwords.js';
import type { Actor } from './actor.js';
import { UserInputError } from './users.js';

export interface PasswordChange {
  oldPassword: string;
  newPassword: string;
  /** The session the change is made from: it stays open. */
  keepSession?: string;
}

export async function changeOwnPassword(db: Db, actor: Actor, change: PasswordChange): Promise<void> {
  const user = await findUserById(db, actor.principal.id);
  if (!user || !(await verifyPassword(user.password_hash, change.oldPassword))) throw new UserInputError(['原密码不正确']);
  const problems = passwordProblems(change.newPassword, user.username);
  if (change.newPassword === change.oldPassword) problems.push('新密码不能与原密码相同');
  else if (await usedLately(db, user.id, change.newPassword)) {
    problems.push(`新密码不能与最近 ${REMEMBERED_PASSWORDS} 次使用过的密码相同`);
  }
  if (problems.length > 0) throw new UserInputError(problems);

  const passwordHash = await hashPassword(change.newPassword);
  await db.transaction().execute(async (trx) => {
    await retirePassword(trx, user.id, user.password_hash, actor.at, REMEMBERED_PASSWORDS - 1);
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0, password_changed_at: actor.at });
    // Other sessions of this user end: whoever knew the old password is out.
    await deleteUserSessions(trx, user.id, change.keepSession);
    await logSecurity(trx, { at: actor.at, event: 'password_changed', username: user.username, ip: actor.ip, success: true, detail: '' });
  });
}

/** Whether the password is one of the user's earlier ones still remembered (the current one is checked apart). */
async function usedLately(db: Db, userId: number, password: string): Promise<boolean> {
  for (const hash of await earlierPasswordHashes(db, userId, REMEMBERED_PASSWORDS - 1)) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}
