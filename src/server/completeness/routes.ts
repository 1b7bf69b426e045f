/** Completeness and timeliness of reporting, and the list of whom to remind, for the office and bureaus. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { completeness, type Completeness } from '../../app/completeness.js';
import { planYears } from '../../app/planItems.js';
import { isReportingLevel } from '../../app/reportingUnits.js';
import { canSeeOrg } from '../../core/access/permissions.js';
import { reminderWorkbook } from '../../io/reminderWorkbook.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { attachment } from '../download.js';
import { badRequest, forbidden } from '../errors.js';
import { CompletenessQuery, CompletenessView } from './schema.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';
import type { RouteAccess } from '../plugins/accessRules.js';

const PROGRESS_READ: RouteAccess = {
  who: ['admin', 'monitor', 'evaluator'],
  about: (request) => ({ units: unitsOf(field(request, 'query', 'org')), department: field(request, 'query', 'department') }),
  refusals: { role: '只有监测组、评估组和系统管理员可以查看报送进度' },
};

const TAGS = ['报送进度'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Query = { year: number; org?: string; department?: string };

export function registerCompletenessRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/completeness',
    {
      config: { access: PROGRESS_READ },
      schema: {
        tags: TAGS,
        summary: '报送完整性与及时性(每个牵头成员单位 × 市本级及各县级单位:应报、已填、状态、是否逾期)',
        querystring: CompletenessQuery,
        response: { 200: CompletenessView },
      },
    },
    (request) => load(request, ctx, request.query),
  );

  r.get(
    '/api/completeness/reminders.xlsx',
    {
      config: { access: PROGRESS_READ },
      schema: {
        tags: TAGS,
        summary: '催报名单(尚未提交的成员单位,Excel)',
        querystring: CompletenessQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const result = await load(request, ctx, request.query);
      const lines = result.rows.filter((row) => row.state === 'draft').map((row) => ({ ...row, deadline: result.deadline }));
      const book = await reminderWorkbook(result.year, lines);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`催报名单_${result.year}.xlsx`))
        .send(book);
    },
  );
}

async function load(request: FastifyRequest, ctx: ServerContext, query: Query): Promise<Completeness> {
  const p = principal(request);
  if (p.role !== 'admin' && p.role !== 'monitor' && p.role !== 'evaluator') {
    throw forbidden('只有监测组、评估组和系统管理员可以查看报送进度');
  }
  const { first, last } = planYears(ctx.plan());
  if (query.year < first || query.year > last) throw badRequest(`年份须在 ${first}–${last} 之间`);
  const root = query.org ?? p.orgUnitCode;
  const scope = ctx.scope();
  if (!scope.levelOf(root)) throw badRequest(`单位代码“${root}”不存在`);
  if (!canSeeOrg(p, root, scope)) throw forbidden('无权查看该单位的数据');
  if (!isReportingLevel(scope.levelOf(root))) throw badRequest('报送进度按市或县(市、区)一级单位查看');
  return completeness(ctx.db, ctx.plan(), ctx.org(), scope, { year: query.year, root, department: query.department, now: ctx.now() });
}
