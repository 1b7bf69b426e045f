/** The first step of signing in: the password against the account, counting and locking on failure. */
import type { FastifyRequest } from 'fastify';
import { logSecurity, type SecurityEvent } from '../../db/repositories/securityLog.js';
import { countFailedLogin, findUserByName, updateUser } from '../../db/repositories/users.js';
import type { AppUserRow } from '../../db/schema.js';
import type { ServerContext } from '../context.js';
import { HttpError, unauthorized } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** One answer for an unknown user, a disabled one and a wrong password: nobody learns who exists. */
export const SIGN_IN_REFUSED = '用户名或密码错误';

// A hash of a password nobody has, so that an unknown user costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** The active user whose password this is; otherwise logs the failure and throws 401 or 423. */
export async function checkPassword(
  ctx: ServerContext,
  request: FastifyRequest,
  username: string,
  password: string,
  now: Date,
): Promise<AppUserRow> {
  const at = now.toISOString();
  const log = (event: SecurityEvent, detail: string) =>
    logSecurity(ctx.db, { at, event, username, ip: request.ip, success: false, detail });
  const user = await findUserByName(ctx.db, username);

  if (!user || user.active !== 1) {
    dummyHash ??= hashPassword('not a password of anyone 0!A');
    await verifyPassword(await dummyHash, password);
    await log('login_failed', user ? '账户已停用' : '用户名不存在');
    throw unauthorized(SIGN_IN_REFUSED);
  }
  if (user.locked_until !== null && Date.parse(user.locked_until) > now.getTime()) {
    await log('login_failed', '账户锁定期间尝试登录');
    throw lockedError(user.locked_until, now);
  }
  if (await verifyPassword(user.password_hash, password)) {
    if (user.failed_logins !== 0 || user.locked_until !== null) await updateUser(ctx.db, user.id, { failed_logins: 0, locked_until: null });
    return user;
  }

  const lockUntil = new Date(now.getTime() + ctx.config.lockMinutes * 60_000).toISOString();
  const counted = await countFailedLogin(ctx.db, user.id, { limit: ctx.config.maxLoginFailures, now: at, lockUntil });
  if (counted.kind === 'alreadyLocked') {
    // Another wrong password sent at the same time locked the account first.
    await log('login_failed', '账户锁定期间尝试登录');
    throw lockedError(lockUntil, now);
  }
  if (counted.kind === 'locked') {
    await log('login_failed', `密码错误（连续第 ${ctx.config.maxLoginFailures} 次）`);
    await log('locked', `连续 ${ctx.config.maxLoginFailures} 次密码错误，锁定至 ${counted.lockedUntil}`);
    throw lockedError(counted.lockedUntil, now);
  }
  await log('login_failed', `密码错误（连续第 ${counted.failures} 次）`);
  throw unauthorized(SIGN_IN_REFUSED);
}

function lockedError(lockedUntil: string, now: Date): HttpError {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60_000));
  return new HttpError(423, `连续多次密码错误，账户已锁定，请 ${minutes} 分钟后再试或联系系统管理员`);
}
