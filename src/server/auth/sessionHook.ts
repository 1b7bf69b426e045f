/**
 * Who is asking: reads the session cookie, ends sessions idle or open for too long, keeps a user
 * who must change the password to the routes that allow it, checks the CSRF token on every
 * request that changes something, and refuses a role the route's rule does not name. Runs before
 * every route; the route's rule says whether it needs a session.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { passwordExpired } from '../../core/access/password.js';
import type { Principal } from '../../core/access/roles.js';
import { sessionEnd } from '../../core/access/sessionRules.js';
import type { VersionKey } from '../../db/repositories/meta.js';
import { logSecurity } from '../../db/repositories/securityLog.js';
import { deleteSession, findSession, touchSession } from '../../db/repositories/sessions.js';
import type { ServerContext } from '../context.js';
import { forbidden, passwordChangeRequired, unauthorized } from '../errors.js';
import { accessOf, roleRefusal } from '../plugins/accessRules.js';
import { principalOf } from './principal.js';
import { sameToken, tokenHash } from './tokens.js';

export const SESSION_COOKIE = 'childplan_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthState {
  principal: Principal;
  tokenHash: string;
  csrfToken: string;
  /** The password must be changed before anything else: set by an admin, or expired. */
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** Cache version tokens read with the session (src/db/repositories/meta.ts). */
  versions: Record<VersionKey, string>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writing last_seen_at on every request would make every read a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

export function registerSessionHook(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // Decided by the route the router matched, never by the raw URL: `/%61pi/…` is routed to
    // `/api/…` and must meet the same rule.
    const access = accessOf(request);
    // Public routes (the portal, the web app's files) cost no session look-up.
    if (!access || access.who === 'public') return;
    request.auth = await readSession(request, ctx);
    if (!request.auth) throw unauthorized();
    if (request.auth.mustChangePassword && !access.beforePasswordChange) throw passwordChangeRequired(request.auth.passwordExpired);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.auth.csrfToken)) {
        throw forbidden('请求缺少有效的 CSRF 令牌,请刷新页面后重试');
      }
    }
    roleRefusal(request);
  });
}

async function readSession(request: FastifyRequest, ctx: ServerContext): Promise<AuthState | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const hash = tokenHash(token);
  const session = await findSession(ctx.db, hash);
  if (!session || session.user.active !== 1) return null;
  const now = ctx.now();
  const ended = sessionEnd(session, now, ctx.config);
  if (ended) {
    await deleteSession(ctx.db, hash);
    if (ended === 'lifetime') {
      await logSecurity(ctx.db, {
        at: now.toISOString(),
        event: 'session_expired',
        username: session.user.username,
        ip: request.ip,
        success: false,
        detail: `会话自登录起已超过 ${ctx.config.sessionHours} 小时，请重新登录`,
      });
    }
    return null;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await touchSession(ctx.db, hash, now.toISOString());
  const expired = passwordExpired(session.user.password_changed_at, now, ctx.config.passwordMaxAgeDays);
  return {
    principal: principalOf(session.user),
    tokenHash: hash,
    csrfToken: session.csrfToken,
    mustChangePassword: session.user.must_change_password === 1 || expired,
    passwordExpired: expired,
    versions: session.versions,
  };
}

/** The signed-in user; the session hook has already refused requests without one. */
export function principal(request: FastifyRequest): Principal {
  if (!request.auth) throw unauthorized();
  return request.auth.principal;
}
