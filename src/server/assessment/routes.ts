/** The assessment of every indicator for a unit and year: status against the target and the warning. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canSeeUnapprovedFigures } from '../../core/access/figureAccess.js';
import { canSeeOrg } from '../../core/access/permissions.js';
import { STATUS_LABELS, WARNING_LABELS } from '../../core/phrasing/labels.js';
import type { Status, Warning } from '../../core/assess/types.js';
import { assessFigures } from '../../app/figures.js';
import { divisionKey, visibleIndicators } from '../monitoring/request.js';
import { isSynthetic } from '../../app/demoLoader.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { DerivedCache, sendJsonText } from '../derivedCache.js';
import type { AssessmentRow } from '../../app/assessment.js';
import { FIGURE_READ } from '../plugins/accessSubjects.js';

const Row = z.object({
  indicator: z.string(),
  indicatorName: z.string(),
  domain: z.string(),
  unit: z.string(),
  sex: z.string(),
  area: z.string(),
  value: z.number().nullable(),
  latestYear: z.number().nullable(),
  baselineValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  warning: z.string(),
  warningLabel: z.string(),
  projectedValue: z.number().nullable(),
  actualRate: z.number().nullable(),
  requiredRate: z.number().nullable(),
});

const Assessment = z.object({
  year: z.number(),
  data: z.enum(['approved', 'all']),
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  synthetic: z.boolean(),
  rows: z.array(Row),
});

export function registerAssessmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Approved figures change only with a workflow step or a file import; all figures with every save.
  const caches = {
    approved: new DerivedCache<string>('approved_version'),
    all: new DerivedCache<string>('data_version'),
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/assessment',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: ['监测评估'],
        summary: '某单位某年度各指标的进展状态与预警(methodology.md)',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100),
          org: z.string().min(1).max(12),
          data: z
            .enum(['approved', 'all'])
            .default('approved')
            .describe('approved:仅已批准的数据(默认);all:含未批准的数据(仅统计局和系统管理员)'),
        }),
        response: { 200: Assessment },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { year, org, data } = request.query;
      if (!ctx.org().tree.has(org)) throw notFound(`单位代码“${org}”不存在`);
      if (!canSeeOrg(p, org, ctx.scope())) throw forbidden('无权查看该单位的数据');
      if (data === 'all' && !canSeeUnapprovedFigures(p)) throw forbidden('只有统计局和系统管理员可以查看含未批准数据的监测结果');
      // A member department's user reads the indicators of its department only (issue #3).
      const indicators = await visibleIndicators(ctx, request, year);
      const json = await caches[data].get(
        ctx.db,
        `${year}|${org}|${divisionKey(request, indicators)}`,
        async () => {
          const source = { db: ctx.db, plan: ctx.plan(), scope: ctx.scope(), org: ctx.org() };
          const [rows, synthetic] = await Promise.all([
            assessFigures(source, data, { year, orgUnits: [org], indicators }),
            isSynthetic(ctx.db),
          ]);
          // Kept as the JSON text sent: a dashboard reads the same answer many times between writes.
          return JSON.stringify(
            Assessment.parse({
              year,
              data,
              orgUnit: { code: org, name: ctx.org().names.get(org) ?? org },
              synthetic,
              rows: rows.map(present),
            }),
          );
        },
        request.auth?.versions,
      );
      // A string with a JSON content type is sent as it is, not serialized again.
      return sendJsonText(reply, json);
    },
  );
}

function present(r: AssessmentRow): z.infer<typeof Row> {
  return {
    indicator: r.indicator.code,
    indicatorName: r.indicator.name,
    domain: r.indicator.domain,
    unit: r.indicator.unit,
    sex: r.sex,
    area: r.area,
    value: r.value,
    latestYear: r.latestYear,
    baselineValue: r.baselineValue,
    targetValue: r.targetValue,
    targetYear: r.targetYear,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status as Status],
    warning: r.warning,
    warningLabel: WARNING_LABELS[r.warning as Warning],
    projectedValue: r.projectedValue,
    actualRate: r.actualRate,
    requiredRate: r.requiredRate,
  };
}
