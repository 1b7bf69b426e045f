/** Login, logout, the current user, and password change. */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { passwordProblems } from '../../core/access/password.js';
import { ROLE_LABELS } from '../../core/access/roles.js';
import { logSecurity } from '../../db/repositories/securityLog.js';
import { deleteSession, deleteUserSessions, insertSession } from '../../db/repositories/sessions.js';
import { findUserById, findUserByName } from '../../db/repositories/users.js';
import type { ServerContext } from '../context.js';
import { badRequest, HttpError, unauthorized } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { principal, SESSION_COOKIE } from './sessionHook.js';
import { newToken, tokenHash } from './tokens.js';
import { PUBLIC, SIGNED_IN } from '../plugins/accessRules.js';

export const CurrentUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  orgUnitLevel: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
type CurrentUser = z.infer<typeof CurrentUser>;

const Ok = z.object({ ok: z.literal(true) });

// A hash of a password nobody has, so that an unknown user costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { access: PUBLIC, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['登录'],
        summary: '登录',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: CurrentUser },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = ctx.now();
      const at = now.toISOString();
      const user = await findUserByName(ctx.db, username);
      const log = (event: 'login' | 'login_failed' | 'locked', success: boolean, detail: string) =>
        logSecurity(ctx.db, { at, event, username, ip: request.ip, success, detail });

      if (!user || user.active !== 1) {
        dummyHash ??= hashPassword('not a password of anyone 0!A');
        await verifyPassword(await dummyHash, password);
        await log('login_failed', false, user ? '账户已停用' : '用户名不存在');
        throw unauthorized('用户名或密码错误');
      }
      if (user.locked_until !== null && Date.parse(user.locked_until) > now.getTime()) {
        await log('login_failed', false, '账户锁定期间尝试登录');
        throw lockedError(user.locked_until, now);
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        const failures = user.failed_logins + 1;
        const lock = failures >= ctx.config.maxLoginFailures;
        const lockedUntil = lock ? new Date(now.getTime() + ctx.config.lockMinutes * 60_000).toISOString() : null;
        await ctx.db
          .updateTable('app_user')
          .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
          .where('id', '=', user.id)
          .execute();
        await log('login_failed', false, `密码错误(连续第 ${failures} 次)`);
        if (lock && lockedUntil) {
          await log('locked', false, `连续 ${failures} 次密码错误,锁定至 ${lockedUntil}`);
          throw lockedError(lockedUntil, now);
        }
        throw unauthorized(`用户名或密码错误(再错 ${ctx.config.maxLoginFailures - failures} 次将锁定账户)`);
      }

      await ctx.db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
      const token = newToken();
      const csrfToken = newToken();
      await insertSession(ctx.db, { tokenHash: tokenHash(token), userId: user.id, csrfToken, at, ip: request.ip });
      await log('login', true, '登录成功');
      setSessionCookie(reply, token, ctx.config.secureCookies);
      return currentUser(ctx, user.id, csrfToken);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: SIGNED_IN },
      schema: { tags: ['登录'], summary: '退出登录', response: { 200: Ok } },
    },
    async (request, reply) => {
      const p = principal(request);
      if (request.auth) await deleteSession(ctx.db, request.auth.tokenHash);
      await logSecurity(ctx.db, {
        at: ctx.now().toISOString(),
        event: 'logout',
        username: p.username,
        ip: request.ip,
        success: true,
        detail: '',
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: SIGNED_IN },
      schema: { tags: ['登录'], summary: '当前用户(含 CSRF 令牌)', response: { 200: CurrentUser } },
    },
    async (request) => {
      const auth = request.auth;
      if (!auth) throw unauthorized();
      return currentUser(ctx, auth.principal.id, auth.csrfToken);
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['登录'],
        summary: '修改密码',
        body: z.object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const p = principal(request);
      const user = await findUserById(ctx.db, p.id);
      if (!user || !(await verifyPassword(user.password_hash, request.body.oldPassword))) {
        throw badRequest('原密码不正确');
      }
      const problems = passwordProblems(request.body.newPassword, user.username);
      if (request.body.newPassword === request.body.oldPassword) problems.push('新密码不能与原密码相同');
      if (problems.length > 0) throw badRequest(problems.join(';'), { problems });
      const at = ctx.now().toISOString();
      await ctx.db
        .updateTable('app_user')
        .set({ password_hash: await hashPassword(request.body.newPassword), must_change_password: 0, password_changed_at: at })
        .where('id', '=', user.id)
        .execute();
      // Other sessions of this user end: whoever knew the old password is out.
      await deleteUserSessions(ctx.db, user.id, request.auth?.tokenHash);
      await logSecurity(ctx.db, { at, event: 'password_changed', username: user.username, ip: request.ip, success: true, detail: '' });
      return { ok: true as const };
    },
  );
}

function lockedError(lockedUntil: string, now: Date): HttpError {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60_000));
  return new HttpError(423, `连续多次密码错误,账户已锁定,请 ${minutes} 分钟后再试或联系系统管理员`);
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

async function currentUser(ctx: ServerContext, userId: number, csrfToken: string): Promise<CurrentUser> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw unauthorized();
  const department = user.department_code
    ? await ctx.db.selectFrom('department').select('name').where('code', '=', user.department_code).executeTakeFirst()
    : undefined;
  const org = ctx.org();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role as keyof typeof ROLE_LABELS] ?? user.role,
    orgUnitCode: user.org_unit_code,
    orgUnitName: org.names.get(user.org_unit_code) ?? user.org_unit_code,
    orgUnitLevel: org.tree.get(user.org_unit_code)?.level ?? '',
    departmentCode: user.department_code,
    departmentName: department?.name ?? null,
    mustChangePassword: user.must_change_password === 1,
    csrfToken,
  };
}
