/**
 * Reports as downloads: the annual monitoring report, the evaluations, the county comparison and
 * the statistical tables, for a unit the user may see and from the data the user may see
 * (src/core/access/reportAccess.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { planYears } from '../../app/planItems.js';
import { formatsOf, generateReport, MIME_TYPES, REPORT_KIND_LABELS } from '../../app/reportFiles.js';
import { departmentsOf } from '../../app/responsibilities.js';
import { reportAccess } from '../../core/access/reportAccess.js';
import { runApp } from '../appErrors.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { sendDownload } from '../download.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { cachedResponsibilities } from '../serverContext.js';
import { ReportParams, ReportQuery } from './schema.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';

/** Tells the page whether the file is a draft without opening it. */
export const DRAFT_HEADER = 'x-report-draft';

export function registerReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/reports/:kind',
    {
      schema: {
        tags: ['报告'],
        summary: '生成并下载报告(年度监测统计报告、中期/终期评估报告、县(市、区)比较报告、统计资料)',
        description:
          '单位须在用户的管辖范围内;只读用户只能生成仅含已批准数据的报告;成员单位用户的报告只含本单位牵头或配合的指标。含未批准数据的报告每页标“草稿”,响应头 x-report-draft 为 true。',
        params: ReportParams,
        querystring: ReportQuery,
        produces: Object.values(MIME_TYPES),
      },
      // A report takes a second or two of the server's work: a few a minute are plenty for a person.
      // Counted per user after sign-in, not per address: an office's users share one NAT address.
      config: {
        access: { who: 'signedIn', about: (request) => ({ units: unitsOf(field(request, 'query', 'org')) }) },

        rateLimit: {
          max: 20,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => request.auth?.principal.username ?? request.ip,
        },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { kind } = request.params;
      const { year, data } = request.query;
      const orgUnit = request.query.org ?? p.orgUnitCode;
      const format = request.query.format ?? formatsOf(kind)[0] ?? 'docx';
      const plan = ctx.plan();
      const { first, last } = planYears(plan);
      if (year < first || year > last) throw badRequest(`年份须在 ${first}–${last} 之间`);
      if (!formatsOf(kind).includes(format)) throw badRequest(`${REPORT_KIND_LABELS[kind]}只能生成 ${formatsOf(kind).join('、')} 格式`);
      if (!ctx.org().tree.has(orgUnit)) throw notFound(`单位代码“${orgUnit}”不存在`);
      const responsibilities = await cachedResponsibilities(ctx, year, request);
      const departments = new Map(plan.indicators.map((i) => [i.code, departmentsOf(responsibilities.get(i.code))]));
      const access = reportAccess(p, { orgUnit, data }, ctx.scope(), departments);
      if (!access.allowed) throw forbidden(access.reason);
      const file = await runApp(() =>
        generateReport(ctx.db, plan, {
          kind,
          year,
          orgUnit,
          format,
          data,
          indicators: access.indicators === 'all' ? undefined : new Set(access.indicators),
          who: p,
          now: ctx.now(),
        }),
      );
      reply.header(DRAFT_HEADER, String(file.meta.draft));
      return sendDownload(reply, file.fileName, file.mimeType, file.content);
    },
  );
}
