/** What every page needs to know: the plan, the units the user may see, the years. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canSeeOrg } from '../../core/access/permissions.js';
import { describeTarget } from '../../core/phrasing/labels.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { SIGNED_IN } from '../plugins/accessRules.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';

const PlanItem = z.object({ code: z.string(), number: z.number(), text: z.string() });
const OrgUnit = z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() });

export function registerReferenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/plan',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['基础数据'],
        summary: '规划:领域、主要目标、策略措施、监测指标及目标值',
        response: {
          200: z.object({
            code: z.string(),
            name: z.string(),
            period: z.object({ start: z.number(), end: z.number() }),
            baselineYear: z.number(),
            domains: z.array(z.object({ code: z.string(), name: z.string(), goals: z.array(PlanItem), measures: z.array(PlanItem) })),
            indicators: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                unit: z.string(),
                domain: z.string(),
                planRef: z.string(),
                direction: z.string(),
                bounded: z.boolean(),
                yesNo: z.boolean(),
                factor: z.number(),
                numerator: z.string().nullable(),
                denominator: z.string().nullable(),
                level: z.string(),
                aggregation: z.string(),
                targetText: z.string(),
              }),
            ),
          }),
        },
      },
    },
    () => {
      const plan = ctx.plan();
      return {
        code: plan.code,
        name: plan.name,
        period: plan.period,
        baselineYear: plan.baselineYear,
        domains: plan.domains.map((d) => ({ code: d.code, name: d.name, goals: d.goals, measures: d.measures })),
        indicators: plan.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          unit: i.unit,
          domain: i.domain,
          planRef: i.planRef,
          direction: i.direction,
          bounded: i.bounded,
          yesNo: i.yesNo,
          factor: i.formula.factor,
          numerator: i.formula.numerator,
          denominator: i.formula.denominator,
          level: i.level,
          aggregation: i.aggregation,
          targetText: describeTarget(i.targets[0] ?? null, i.unit),
        })),
      };
    },
  );

  r.get(
    '/api/org-units/scope',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['基础数据'],
        summary: '当前用户可见的单位(本单位及下属市、县、乡镇级单位)',
        response: { 200: z.object({ root: OrgUnit, units: z.array(OrgUnit) }) },
      },
    },
    (request) => {
      const p = principal(request);
      const { tree, names, ordered } = ctx.org();
      const scope = ctx.scope();
      const unit = (code: string) => {
        const node = tree.get(code);
        return { code, name: names.get(code) ?? code, level: node?.level ?? '', parentCode: node?.parentCode ?? null };
      };
      const units = ordered.filter((code) => tree.get(code)?.level !== 'village' && canSeeOrg(p, code, scope)).map(unit);
      return { root: unit(p.orgUnitCode), units };
    },
  );

  r.get(
    '/api/org-units',
    {
      config: { access: { who: 'signedIn', about: (request) => ({ units: unitsOf(field(request, 'query', 'parent')) }) } },
      schema: {
        tags: ['基础数据'],
        summary: '下级单位',
        querystring: z.object({ parent: z.string().min(1).max(12) }),
        response: { 200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), area: z.string().nullable() })) },
      },
    },
    (request) => {
      const p = principal(request);
      const { tree, names } = ctx.org();
      if (!tree.has(request.query.parent)) throw notFound(`单位代码“${request.query.parent}”不存在`);
      if (!canSeeOrg(p, request.query.parent, ctx.scope())) throw forbidden('无权查看该单位');
      return tree.children(request.query.parent).map((code) => {
        const node = tree.get(code);
        return { code, name: names.get(code) ?? code, level: node?.level ?? '', area: node?.area ?? null };
      });
    },
  );

  r.get(
    '/api/years',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['基础数据'],
        summary: '有数据或已设截止日期的年份,及当前填报年度',
        response: { 200: z.object({ years: z.array(z.number()), current: z.number() }) },
      },
    },
    async () => {
      const [data, deadlines] = await Promise.all([
        ctx.db.selectFrom('data_value').select('year').distinct().execute(),
        ctx.db.selectFrom('reporting_deadline').select('year').execute(),
      ]);
      // Figures for a year are reported in the following year.
      const current = ctx.now().getFullYear() - 1;
      const years = [...new Set([...data.map((d) => Number(d.year)), ...deadlines.map((d) => d.year), current])].sort((a, b) => a - b);
      return { years, current };
    },
  );
}
