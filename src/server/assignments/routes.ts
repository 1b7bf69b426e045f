/** The division of work (任务分工) per year: everyone reads it, the office and the admin change it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../app/actor.js';
import { checkAssignmentYear, clearAssignment, setAssignment } from '../../app/assignmentEditor.js';
import { assignmentTable, type AssignmentRow } from '../../app/assignmentTable.js';
import { canManagePlanWork } from '../../core/access/permissions.js';
import { principal } from '../auth/sessionHook.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { actorOf } from '../requestActor.js';
import { AssignmentKey, AssignmentQuery, AssignmentRowView, AssignmentTableView, ResponsibilityBody } from './schema.js';
import { field, planWork } from '../plugins/accessSubjects.js';

const TAGS = ['任务分工'];

export function registerAssignmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/assignments',
    {
      config: {
        access: {
          who: 'signedIn',
          about: (request) => ({ department: field(request, 'query', 'department') }),
          refusals: { department: '成员单位用户只能查看本单位的任务分工' },
        },
      },
      schema: {
        tags: TAGS,
        summary: '某年执行的任务分工(每个指标、主要目标、策略措施一行;成员单位用户只看到本单位牵头或配合的)',
        querystring: AssignmentQuery,
        response: { 200: AssignmentTableView },
      },
    },
    async (request) => {
      const p = principal(request);
      const { year, kind } = request.query;
      let department = request.query.department;
      if (p.role === 'department') {
        if (department !== undefined && department !== p.departmentCode) throw forbidden('成员单位用户只能查看本单位的任务分工');
        department = p.departmentCode ?? '';
      }
      await runApp(async () => checkAssignmentYear(ctx.plan(), year));
      const rows = await assignmentTable(ctx.db, ctx.plan(), year, department);
      return { year, rows: kind ? rows.filter((row) => row.kind === kind) : rows };
    },
  );

  r.put(
    '/api/assignments/:year/:itemCode',
    {
      config: { access: planWork('修改任务分工') },
      schema: {
        tags: TAGS,
        summary: '设置某年某项的牵头单位和配合单位(之后没有单独设置的年份沿用;year 为 0 时修改默认分工)',
        params: AssignmentKey,
        body: ResponsibilityBody,
        response: { 200: AssignmentRowView },
      },
    },
    async (request) => {
      const { year, itemCode } = request.params;
      await runApp(() => setAssignment(ctx.db, ctx.plan(), manager(request, ctx), year, itemCode, request.body));
      return rowOf(ctx, year, itemCode);
    },
  );

  r.delete(
    '/api/assignments/:year/:itemCode',
    {
      config: { access: planWork('修改任务分工') },
      schema: {
        tags: TAGS,
        summary: '取消某年某项的单独分工,恢复沿用此前年份(或默认)的分工',
        params: AssignmentKey,
        response: { 200: AssignmentRowView },
      },
    },
    async (request) => {
      const { year, itemCode } = request.params;
      await runApp(() => clearAssignment(ctx.db, ctx.plan(), manager(request, ctx), year, itemCode));
      return rowOf(ctx, year, itemCode);
    },
  );
}

function manager(request: FastifyRequest, ctx: ServerContext): Actor {
  const actor = actorOf(request, ctx);
  if (!canManagePlanWork(actor.principal)) throw forbidden('只有评估组(妇儿工委办公室)和系统管理员可以修改任务分工');
  return actor;
}

async function rowOf(ctx: ServerContext, year: number, itemCode: string): Promise<AssignmentRow> {
  const row = (await assignmentTable(ctx.db, ctx.plan(), year)).find((x) => x.itemCode === itemCode);
  if (!row) throw notFound();
  return row;
}
