/** User administration (系统管理员 only): list, create, change, reset password, unlock. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { changeUser, resetPassword, unlockUser } from '../../app/userAdmin.js';
import { createUser } from '../../app/users.js';
import { isAdmin } from '../../core/access/permissions.js';
import { isRole, ROLE_LABELS } from '../../core/access/roles.js';
import { listUsersWithLastLogin } from '../../db/repositories/users.js';
import { generatePassword } from '../auth/passwords.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { actorOf } from '../requestActor.js';
import { CreatedUser, NewUserBody, PasswordReset, UserChangeBody, UserId, UserView } from './schema.js';
import { adminOnly } from '../plugins/accessSubjects.js';

const TAGS = ['用户管理'];

export function registerUserRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      config: { access: adminOnly('管理用户') },
      schema: { tags: TAGS, summary: '用户列表', response: { 200: z.object({ users: z.array(UserView) }) } },
    },
    async (request) => {
      adminActor(request, ctx);
      return { users: await userViews(ctx) };
    },
  );

  r.post(
    '/api/users',
    {
      config: { access: adminOnly('管理用户') },
      schema: {
        tags: TAGS,
        summary: '创建用户(不填密码则生成初始密码,仅显示一次;首次登录须修改)',
        body: NewUserBody,
        response: { 200: CreatedUser },
      },
    },
    async (request) => {
      const actor = adminActor(request, ctx);
      const body = request.body;
      const generated = body.password === undefined || body.password === '' ? generatePassword(randomBytes, body.username) : null;
      const id = await runApp(() =>
        createUser(
          ctx.db,
          {
            username: body.username,
            displayName: body.displayName,
            password: generated ?? body.password ?? '',
            role: body.role,
            orgUnitCode: body.orgUnitCode,
            departmentCode: body.departmentCode ?? null,
            mustChangePassword: true,
          },
          actor.principal.username,
          actor.at,
          actor.ip,
        ),
      );
      return { user: await userView(ctx, id), password: generated };
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access: adminOnly('管理用户') },
      schema: {
        tags: TAGS,
        summary: '修改用户(姓名、角色、单位、成员单位、启用/停用)',
        params: UserId,
        body: UserChangeBody,
        response: { 200: UserView },
      },
    },
    async (request) => {
      const actor = adminActor(request, ctx);
      await runApp(() => changeUser(ctx.db, actor, request.params.id, request.body));
      return userView(ctx, request.params.id);
    },
  );

  r.post(
    '/api/users/:id/password-reset',
    {
      config: { access: adminOnly('管理用户') },
      schema: {
        tags: TAGS,
        summary: '重置密码(生成新密码,仅显示一次;同时解除锁定并结束该用户的会话)',
        params: UserId,
        response: { 200: PasswordReset },
      },
    },
    async (request) => {
      const actor = adminActor(request, ctx);
      const password = await runApp(() => resetPassword(ctx.db, actor, request.params.id));
      return { user: await userView(ctx, request.params.id), password };
    },
  );

  r.post(
    '/api/users/:id/unlock',
    {
      config: { access: adminOnly('管理用户') },
      schema: { tags: TAGS, summary: '解除账户锁定', params: UserId, response: { 200: UserView } },
    },
    async (request) => {
      const actor = adminActor(request, ctx);
      await runApp(() => unlockUser(ctx.db, actor, request.params.id));
      return userView(ctx, request.params.id);
    },
  );
}

function adminActor(request: FastifyRequest, ctx: ServerContext): Actor {
  const actor = actorOf(request, ctx);
  if (!isAdmin(actor.principal)) throw forbidden('只有系统管理员可以管理用户');
  return actor;
}

async function userViews(ctx: ServerContext): Promise<UserView[]> {
  const now = ctx.now().getTime();
  const rows = await listUsersWithLastLogin(ctx.db);
  return rows.map((u) => {
    const locked = u.locked_until !== null && Date.parse(u.locked_until) > now;
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      roleLabel: isRole(u.role) ? ROLE_LABELS[u.role] : u.role,
      orgUnitCode: u.org_unit_code,
      orgUnitName: u.org_unit_name ?? u.org_unit_code,
      departmentCode: u.department_code,
      departmentName: u.department_name,
      active: u.active === 1,
      locked,
      lockedUntil: locked ? u.locked_until : null,
      mustChangePassword: u.must_change_password === 1,
      lastLoginAt: u.last_login_at,
      createdBy: u.created_by,
      createdAt: u.created_at,
    };
  });
}

async function userView(ctx: ServerContext, id: number): Promise<UserView> {
  const found = (await userViews(ctx)).find((u) => u.id === id);
  if (!found) throw notFound(`用户 ${id} 不存在`);
  return found;
}
