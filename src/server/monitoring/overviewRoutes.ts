/**
 * GET /api/overview: the monitoring overview 总览 of a unit and year. The figures are kept per
 * version token, so switching between years and units already seen costs one small query, and an
 * approval shows at once; the qualitative ratings, which carry no token, are read each time.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canSeeQualitative } from '../../core/access/permissions.js';
import { VERSION_OF } from '../../app/figures.js';
import { overviewFigures, overviewQualitative } from '../../app/overview.js';
import type { OverviewFigures } from '../../app/overviewModel.js';
import { departmentsOf } from '../../app/responsibilities.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { DerivedCache, sendJsonText } from '../derivedCache.js';
import { cachedResponsibilities } from '../serverContext.js';
import { figureSource, FigureQuery, figureTarget } from './request.js';
import { Overview } from './schema.js';
import { FIGURE_READ } from '../plugins/accessSubjects.js';

const Figures = Overview.omit({ qualitative: true });

export function registerOverviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const caches = {
    approved: new DerivedCache<OverviewFigures>(VERSION_OF.approved),
    all: new DerivedCache<OverviewFigures>(VERSION_OF.all),
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/overview',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: ['监测分析'],
        summary: '总览:某单位某年度各领域指标的状态计数和达标率、每项指标的预警,以及定性目标的评估结论',
        description: '单位须在用户的管辖范围内;默认只用已批准的数据。成员单位用户只看到本单位牵头或配合的定性目标。',
        querystring: FigureQuery,
        response: { 200: Overview },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const t = await figureTarget(ctx, request, request.query);
      const source = figureSource(ctx);
      const figures = await caches[t.kind].get(
        ctx.db,
        t.cacheKey,
        async () => Figures.parse(await overviewFigures(source, t.kind, t)),
        request.auth?.versions,
      );
      const responsibilities = await cachedResponsibilities(ctx, t.year, request);
      const qualitative = await overviewQualitative(source, t.kind, t, (code) =>
        canSeeQualitative(p, departmentsOf(responsibilities.get(code)), t.org, source.scope),
      );
      return sendJsonText(reply, JSON.stringify({ ...figures, qualitative }));
    },
  );
}
