/** GET /api/disparities: urban–rural gaps and county ranges (methodology.md §4) of a unit and year, with their trend since the baseline. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { disparityFigures } from '../../app/disparityFigures.js';
import { VERSION_OF } from '../../app/figures.js';
import type { ServerContext } from '../context.js';
import { DerivedCache, sendJsonText } from '../derivedCache.js';
import { figureSource, FigureQuery, figureTarget } from './request.js';
import { Disparities } from './schema.js';
import { FIGURE_READ } from '../plugins/accessSubjects.js';

export function registerDisparityRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const caches = {
    approved: new DerivedCache<string>(VERSION_OF.approved, 64),
    all: new DerivedCache<string>(VERSION_OF.all, 64),
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/disparities',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: ['监测分析'],
        summary: '城乡差距和县(市、区)间差距:每项有数据的指标最新年份与基期年比较,及逐年变化',
        querystring: FigureQuery,
        response: { 200: Disparities },
      },
    },
    async (request, reply) => {
      const t = await figureTarget(ctx, request, request.query);
      const json = await caches[t.kind].get(
        ctx.db,
        t.cacheKey,
        async () => JSON.stringify(Disparities.parse(await disparityFigures(figureSource(ctx), t.kind, t))),
        request.auth?.versions,
      );
      return sendJsonText(reply, json);
    },
  );
}
