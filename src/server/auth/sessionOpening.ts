/** The last step of signing in: a new session, within the number of sessions the user may hold. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionLimit, sessionsPushedOut } from '../../core/access/sessionRules.js';
import { logSecurity } from '../../db/repositories/securityLog.js';
import { deleteSessions, insertSession, listUserSessions } from '../../db/repositories/sessions.js';
import type { AppUserRow } from '../../db/schema.js';
import type { ServerContext } from '../context.js';
import { SESSION_COOKIE } from './sessionHook.js';
import { newToken, tokenHash } from './tokens.js';

/** Opens a session for the user, sets its cookie and returns its CSRF token. */
export async function openSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: AppUserRow,
  now: Date,
): Promise<string> {
  const at = now.toISOString();
  const token = newToken();
  const csrfToken = newToken();
  const hash = tokenHash(token);
  const log = (event: 'login' | 'session_limit', detail: string) =>
    logSecurity(ctx.db, { at, event, username: user.username, ip: request.ip, success: true, detail });

  const pushedOut = await ctx.db.transaction().execute(async (trx) => {
    await insertSession(trx, { tokenHash: hash, userId: user.id, csrfToken, at, ip: request.ip });
    const limit = sessionLimit(user.role, ctx.config);
    const others = (await listUserSessions(trx, user.id)).filter((s) => s.tokenHash !== hash);
    const ended = sessionsPushedOut(others, limit);
    await deleteSessions(
      trx,
      ended.map((s) => s.tokenHash),
    );
    return { ended: ended.length, limit };
  });
  await log('login', '登录成功');
  if (pushedOut.ended > 0) {
    await log('session_limit', `同时登录不超过 ${pushedOut.limit} 处，已结束最早的 ${pushedOut.ended} 个会话`);
  }
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies });
  return csrfToken;
}
