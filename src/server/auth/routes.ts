/** Login, logout, the current user, and password change. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changeOwnPassword } from '../../app/passwordChange.js';
import { passwordExpired } from '../../core/access/password.js';
import { ROLE_LABELS } from '../../core/access/roles.js';
import { logSecurity } from '../../db/repositories/securityLog.js';
import { deleteSession } from '../../db/repositories/sessions.js';
import { findUserById } from '../../db/repositories/users.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { unauthorized } from '../errors.js';
import { PUBLIC, SIGNED_IN_BEFORE_PASSWORD_CHANGE } from '../plugins/accessRules.js';
import { actorOf } from '../requestActor.js';
import { checkPassword } from './passwordCheck.js';
import { principal, SESSION_COOKIE } from './sessionHook.js';
import { openSession } from './sessionOpening.js';

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
  /** Set by an admin (new account, reset) or because the password expired. */
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  csrfToken: z.string(),
});
type CurrentUser = z.infer<typeof CurrentUser>;

const Ok = z.object({ ok: z.literal(true) });

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
      const now = ctx.now();
      const user = await checkPassword(ctx, request, request.body.username, request.body.password, now);
      const csrfToken = await openSession(ctx, request, reply, user, now);
      return currentUser(ctx, user.id, csrfToken);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: SIGNED_IN_BEFORE_PASSWORD_CHANGE },
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
      config: { access: SIGNED_IN_BEFORE_PASSWORD_CHANGE },
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
      config: { access: SIGNED_IN_BEFORE_PASSWORD_CHANGE },
      schema: {
        tags: ['登录'],
        summary: '修改密码',
        body: z.object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const { oldPassword, newPassword } = request.body;
      await runApp(() =>
        changeOwnPassword(ctx.db, actorOf(request, ctx), { oldPassword, newPassword, keepSession: request.auth?.tokenHash }),
      );
      return { ok: true as const };
    },
  );
}

async function currentUser(ctx: ServerContext, userId: number, csrfToken: string): Promise<CurrentUser> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw unauthorized();
  const department = user.department_code
    ? await ctx.db.selectFrom('department').select('name').where('code', '=', user.department_code).executeTakeFirst()
    : undefined;
  const org = ctx.org();
  const expired = passwordExpired(user.password_changed_at, ctx.now(), ctx.config.passwordMaxAgeDays);
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
    mustChangePassword: user.must_change_password === 1 || expired,
    passwordExpired: expired,
    csrfToken,
  };
}
