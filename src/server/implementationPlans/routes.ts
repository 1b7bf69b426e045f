/** Implementation plans (实施方案): departments upload theirs; the office and the bureaus see who has. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { implementationPlanTable, IMPLEMENTATION_PLAN_EXTENSIONS, storeImplementationPlan } from '../../app/implementationPlans.js';
import { planYears } from '../../app/planItems.js';
import { isReportingLevel } from '../../app/reportingUnits.js';
import { actsForDepartment, canSeeOrg } from '../../core/access/permissions.js';
import { principal } from '../auth/sessionHook.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { actorOf } from '../requestActor.js';
import { readUploadForm } from '../uploadForm.js';
import { PlanTable, PlanTableQuery, UploadedPlan } from './schema.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';

const TAGS = ['实施方案'];

export function registerImplementationPlanRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/implementation-plans',
    {
      config: { access: { who: ['department'], refusals: { role: '只有成员单位用户可以上传实施方案' } } },
      schema: {
        tags: TAGS,
        summary: '上传实施方案(成员单位用户,为本单位本级或下辖县级单位;multipart/form-data)',
        description: `表单字段:department(成员单位代码)、orgUnit(市或县级单位代码)、year(年度),以及一个文件。允许 ${IMPLEMENTATION_PLAN_EXTENSIONS.map((e) => `.${e}`).join(' ')};扩展名须与文件内容一致;大小不超过系统设定的上限。`,
        consumes: ['multipart/form-data'],
        response: { 201: UploadedPlan },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request, ctx);
      const p = actor.principal;
      if (p.role !== 'department') throw forbidden('只有成员单位用户可以上传实施方案');
      const form = await readUploadForm(request, ctx.config.maxUploadBytes);
      const department = form.fields.get('department') ?? p.departmentCode ?? '';
      const orgUnit = form.fields.get('orgUnit') ?? p.orgUnitCode;
      const year = yearOf(ctx, form.fields.get('year'));
      const scope = ctx.scope();
      if (!scope.levelOf(orgUnit)) throw badRequest(`单位代码“${orgUnit}”不存在`);
      if (!isReportingLevel(scope.levelOf(orgUnit))) throw badRequest('实施方案按市或县(市、区)一级单位上传');
      if (!actsForDepartment(p, department, orgUnit, scope)) throw forbidden('只能为本成员单位(本级或下辖县级单位)上传实施方案');
      if (!form.file) throw badRequest('请选择要上传的文件');
      const file = form.file;
      const stored = await runApp(() =>
        storeImplementationPlan(ctx.db, actor, { departmentCode: department, orgUnitCode: orgUnit, year }, file),
      );
      return reply.code(201).send(stored);
    },
  );

  r.get(
    '/api/implementation-plans',
    {
      config: {
        access: {
          who: ['admin', 'monitor', 'evaluator', 'department'],
          about: (request) => ({ units: unitsOf(field(request, 'query', 'org')), department: field(request, 'query', 'department') }),
          refusals: { role: '只读用户无权查看实施方案报送情况' },
        },
      },
      schema: {
        tags: TAGS,
        summary: '实施方案报送情况(每个成员单位 × 市本级及各县级单位;成员单位用户只看本单位)',
        querystring: PlanTableQuery,
        response: { 200: PlanTable },
      },
    },
    async (request) => {
      const p = principal(request);
      if (p.role === 'viewer') throw forbidden('只读用户无权查看实施方案报送情况');
      const { year, department } = request.query;
      checkYear(ctx, year);
      const org = request.query.org ?? p.orgUnitCode;
      if (!canSeeOrg(p, org, ctx.scope())) throw forbidden('无权查看该单位的数据');
      if (p.role === 'department' && department !== undefined && department !== p.departmentCode) {
        throw forbidden('成员单位用户只能查看本单位的实施方案');
      }
      const rows = await implementationPlanTable(ctx.db, ctx.org(), ctx.scope(), p, year, org, department);
      return { year, rows, totals: { expected: rows.length, uploaded: rows.filter((x) => x.uploaded).length } };
    },
  );
}

function yearOf(ctx: ServerContext, text: string | undefined): number {
  if (text === undefined || !/^\d{4}$/.test(text.trim())) throw badRequest('请填写年度(四位数字)');
  const year = Number(text.trim());
  checkYear(ctx, year);
  return year;
}

function checkYear(ctx: ServerContext, year: number): void {
  const { first, last } = planYears(ctx.plan());
  if (year < first || year > last) throw badRequest(`年份须在 ${first}–${last} 之间`);
}
