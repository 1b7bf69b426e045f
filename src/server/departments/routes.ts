/** Member departments (成员单位): everyone reads the list; the office and the admin change it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { addDepartment, changeDepartment } from '../../app/departmentEditor.js';
import { canManagePlanWork } from '../../core/access/permissions.js';
import { listDepartments } from '../../db/repositories/departments.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { forbidden } from '../errors.js';
import { actorOf } from '../requestActor.js';
import { DepartmentChangeBody, DepartmentCode, DepartmentView, NewDepartmentBody } from './schema.js';
import { SIGNED_IN } from '../plugins/accessRules.js';
import { planWork } from '../plugins/accessSubjects.js';

const TAGS = ['成员单位'];

export function registerDepartmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/departments',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: TAGS,
        summary: '成员单位列表(含已停用的,按排序)',
        response: { 200: z.object({ departments: z.array(DepartmentView) }) },
      },
    },
    async () => ({ departments: await listDepartments(ctx.db) }),
  );

  r.post(
    '/api/departments',
    {
      config: { access: planWork('管理成员单位') },
      schema: { tags: TAGS, summary: '新增成员单位', body: NewDepartmentBody, response: { 200: DepartmentView } },
    },
    (request) => runApp(() => addDepartment(ctx.db, manager(request, ctx), request.body)),
  );

  r.patch(
    '/api/departments/:code',
    {
      config: { access: planWork('管理成员单位') },
      schema: {
        tags: TAGS,
        summary: '修改成员单位(名称、简称、排序、启用/停用)',
        params: DepartmentCode,
        body: DepartmentChangeBody,
        response: { 200: DepartmentView },
      },
    },
    (request) => runApp(() => changeDepartment(ctx.db, manager(request, ctx), request.params.code, request.body)),
  );

  r.delete(
    '/api/departments/:code',
    {
      config: { access: planWork('管理成员单位') },
      schema: {
        tags: TAGS,
        summary: '停用成员单位(仍牵头任务的须先调整任务分工)',
        params: DepartmentCode,
        response: { 200: DepartmentView },
      },
    },
    (request) => runApp(() => changeDepartment(ctx.db, manager(request, ctx), request.params.code, { active: false })),
  );
}

function manager(request: FastifyRequest, ctx: ServerContext): Actor {
  const actor = actorOf(request, ctx);
  if (!canManagePlanWork(actor.principal)) throw forbidden('只有评估组(妇儿工委办公室)和系统管理员可以管理成员单位');
  return actor;
}
