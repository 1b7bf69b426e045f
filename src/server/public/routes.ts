/**
 * The public portal's API (/api/public/…): read-only, no session, approved figures of published
 * years only. Registered with the session hook's `public` flag; every route is rate-limited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { aboutPlan } from '../../app/aboutPlan.js';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { publicUnits } from '../../app/publicData.js';
import { publicIndicatorPage, publicOverviewFigures, publicOverviewQualitative } from '../../app/publicPages.js';
import { getVersion } from '../../db/repositories/meta.js';
import { publishedYears } from '../../db/repositories/publications.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { DerivedCache, sendJsonText } from '../derivedCache.js';
import { IndicatorPageSchema } from '../indicators/schema.js';
import { Overview } from '../monitoring/schema.js';
import { registerPublicDownloadRoutes } from './downloads.js';
import { NO_SECURITY, PUBLIC_READS_PER_MINUTE, PUBLIC_TAGS, publicConfig, publicSource } from './publicRoute.js';

const Unit = z.object({ code: z.string(), name: z.string() });
const OverviewFigures = Overview.omit({ qualitative: true });

const PortalInfo = z.object({
  planName: z.string(),
  period: z.object({ start: z.number(), end: z.number() }),
  baselineYear: z.number(),
  /** The region first, then its county-level units. */
  units: z.array(Unit),
  years: z.array(z.number()).describe('已公开发布的年度(从早到晚)'),
  syntheticNotice: z.string().nullable(),
});

const PlanItem = z.object({ code: z.string(), number: z.number(), text: z.string() });
const AboutPlanView = z.object({
  name: z.string(),
  period: z.object({ start: z.number(), end: z.number() }),
  baselineYear: z.number(),
  source: z.string(),
  domains: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      goals: z.array(PlanItem),
      measures: z.array(PlanItem),
      indicators: z.array(
        z.object({ code: z.string(), name: z.string(), unit: z.string(), planRef: z.string(), targets: z.array(z.string()) }),
      ),
    }),
  ),
});

/** A year and a unit, and nothing else: the kind of figures is not the visitor's to choose. */
const PageQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    org: z.string().min(1).max(12),
  })
  .strict();

export function registerPublicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = publicConfig(PUBLIC_READS_PER_MINUTE);
  // Public figures change with an approval or a publication (both bump approved_version).
  const pages = new DerivedCache<string>('approved_version');
  const overviews = new DerivedCache<z.infer<typeof OverviewFigures>>('approved_version');

  r.get(
    '/api/public/years',
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary: '公开门户:规划名称、地区和已公开发布的年度(无需登录)',
        querystring: z.object({}).strict(),
        response: { 200: PortalInfo },
        security: NO_SECURITY,
      },
      config,
    },
    async () => {
      const plan = ctx.plan();
      const [years, synthetic] = await Promise.all([publishedYears(ctx.db), isSynthetic(ctx.db)]);
      return {
        planName: plan.name,
        period: plan.period,
        baselineYear: plan.baselineYear,
        units: publicUnits(publicSource(ctx), ctx.org()),
        years: [...years].sort((a, b) => a - b),
        syntheticNotice: synthetic ? SYNTHETIC_BANNER : null,
      };
    },
  );

  r.get(
    '/api/public/plan',
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary: '公开门户:关于规划——各领域的主要目标、策略措施和监测指标(无需登录)',
        querystring: z.object({}).strict(),
        response: { 200: AboutPlanView },
        security: NO_SECURITY,
      },
      config,
    },
    () => aboutPlan(ctx.plan()),
  );

  r.get(
    '/api/public/overview',
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary:
          '公开门户:总览——各领域指标的状态计数和达标率、每项指标的数值与目标、定性目标的评估结论(无需登录,仅已公开发布年度的已批准数据)',
        querystring: PageQuery,
        response: { 200: Overview },
        security: NO_SECURITY,
      },
      config,
    },
    async (request, reply) => {
      const { year, org } = request.query;
      const source = publicSource(ctx);
      const figures = await overviews.get(ctx.db, `${year}|${org}`, async () =>
        OverviewFigures.parse(await runApp(() => publicOverviewFigures(source, ctx.org(), { year, org }))),
      );
      const qualitative = await runApp(() => publicOverviewQualitative(source, ctx.org(), { year, org }));
      return sendJsonText(reply, JSON.stringify({ ...figures, qualitative }));
    },
  );

  r.get(
    '/api/public/indicators/:code',
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary: '公开门户:指标详情——目标、历年数值、进展、推算和各县(市、区)比较(无需登录,仅已公开发布年度的已批准数据)',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: PageQuery,
        response: { 200: IndicatorPageSchema },
        security: NO_SECURITY,
      },
      config,
    },
    async (request, reply) => {
      const { code } = request.params;
      const { year, org } = request.query;
      // The page names the lead department: a new division of work makes it stale as well.
      const assignments = await getVersion(ctx.db, 'assignment_version');
      const json = await pages.get(ctx.db, `indicator|${code}|${org}|${year}|${assignments}`, async () => {
        const page = await runApp(() => publicIndicatorPage(publicSource(ctx), ctx.org(), { code, org, year }));
        return JSON.stringify(IndicatorPageSchema.parse(page));
      });
      return sendJsonText(reply, json);
    },
  );

  registerPublicDownloadRoutes(app, ctx);
}
