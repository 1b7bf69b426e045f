/** The indicator page 指标详情: one indicator at one unit for a year (src/app/indicatorPage.ts). */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canSeeIndicator, canSeeOrg } from '../../core/access/permissions.js';
import { VERSION_OF } from '../../app/figures.js';
import { indicatorPageOf } from '../../app/indicatorPage.js';
import { departmentsOf } from '../../app/responsibilities.js';
import { getVersion } from '../../db/repositories/meta.js';
import { runApp } from '../appErrors.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { DerivedCache, sendJsonText } from '../derivedCache.js';
import { forbidden, notFound } from '../errors.js';
import { cachedResponsibilities } from '../serverContext.js';
import { IndicatorPageSchema } from './schema.js';
import { FIGURE_READ } from '../plugins/accessSubjects.js';

export function registerIndicatorRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const caches = {
    approved: new DerivedCache<string>(VERSION_OF.approved),
    all: new DerivedCache<string>(VERSION_OF.all),
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/indicators/:code',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: ['监测评估'],
        summary: '指标详情:目标与里程碑、历年数值及来源、进展状态、按当前速度的推算和实现目标所需速度、分性别和城乡数值、下级单位比较',
        description:
          '单位须在用户的管辖范围内;成员单位用户只能查看本单位牵头或配合的指标;含未批准数据(data=all)仅限监测组(统计局)和系统管理员。',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100),
          org: z.string().min(1).max(12),
          data: z.enum(['approved', 'all']).default('approved').describe('approved:仅已批准的数据(默认);all:含未批准的数据'),
        }),
        response: { 200: IndicatorPageSchema },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { code } = request.params;
      const { year, org, data } = request.query;
      if (!ctx.plan().indicators.some((i) => i.code === code)) throw notFound(`未知的指标代码“${code}”`);
      if (!ctx.org().tree.has(org)) throw notFound(`单位代码“${org}”不存在`);
      if (!canSeeOrg(p, org, ctx.scope())) throw forbidden('无权查看该单位的数据');
      if (data === 'all' && p.role !== 'admin' && p.role !== 'monitor') {
        throw forbidden('只有监测组(统计局)和系统管理员可以查看含未批准数据的指标详情');
      }
      if (p.role === 'department') {
        const responsibilities = await cachedResponsibilities(ctx, year, request);
        if (!canSeeIndicator(p, departmentsOf(responsibilities.get(code)))) throw forbidden('本成员单位没有牵头或配合该指标,无权查看');
      }
      // The page names the lead department: a new division of work makes it stale as well.
      const assignments = request.auth?.versions.assignment_version ?? (await getVersion(ctx.db, 'assignment_version'));
      const json = await caches[data].get(
        ctx.db,
        `${code}|${org}|${year}|${assignments}`,
        async () => {
          const page = await runApp(() =>
            indicatorPageOf({ db: ctx.db, plan: ctx.plan(), scope: ctx.scope(), org: ctx.org() }, data, { code, org, year }),
          );
          return JSON.stringify(IndicatorPageSchema.parse(page));
        },
        request.auth?.versions,
      );
      return sendJsonText(reply, json);
    },
  );
}
