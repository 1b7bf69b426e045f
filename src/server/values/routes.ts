/** Checking and saving values typed into a form, and the history of one value. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canSeeIndicator, canSeeOrg } from '../../core/access/permissions.js';
import { ACTION_LABELS, isSubmissionAction } from '../../core/workflow/submission.js';
import { departmentsOf } from '../../app/responsibilities.js';
import { checkEntries, EntryRefused, entryWarnings, saveRows } from '../../app/valueEntry.js';
import { getValueHistory } from '../../db/queries/getValueHistory.js';
import { getSubmissionEvents } from '../../db/repositories/submissions.js';
import { submissionKeyOf } from '../../app/forms.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { entryContext } from '../serverContext.js';
import { StoredValueSchema, WorkflowEventSchema } from '../forms/schema.js';
import { eachField, field, unitsOf } from '../plugins/accessSubjects.js';
import type { RouteAccess } from '../plugins/accessRules.js';
import { workingDataRefusal } from '../plugins/workingData.js';
import { canEnterValues } from '../../core/access/permissions.js';

/**
 * Checking and saving values is the lead department's, for its own unit and below: the checks'
 * warnings quote stored values, so even a check without saving is refused to anyone else.
 */
const VALUE_ENTRY: RouteAccess = {
  who: ['department'],
  // Units are checked with the indicator in `also`, so that the refusal names both.
  about: (request) => ({ department: field(request, 'body', 'department') }),
  refusals: { role: '只有成员单位用户可以填报数据' },
  async also(p, request, ctx) {
    const c = await entryContext(ctx, Number(field(request, 'body', 'year')), request);
    const entries = eachField(request, 'entries', 'indicator').map((indicator, i) => ({
      indicator,
      orgUnit: eachField(request, 'entries', 'orgUnit')[i] ?? '',
    }));
    const refused = entries.find(
      (e) =>
        c.plan.indicators.some((i) => i.code === e.indicator) &&
        c.org.tree.has(e.orgUnit) &&
        !canEnterValues(p, c.responsibilities.get(e.indicator)?.lead ?? null, e.orgUnit, c.scope),
    );
    if (!refused) return null;
    const name = c.plan.indicators.find((i) => i.code === refused.indicator)?.name ?? refused.indicator;
    return `无权填报“${name}”在“${c.org.names.get(refused.orgUnit) ?? refused.orgUnit}”的数据`;
  },
};

const VALUE_HISTORY: RouteAccess = {
  who: ['department', 'monitor', 'admin', 'evaluator', 'viewer'],
  async about(request, ctx) {
    const c = await entryContext(ctx, Number(field(request, 'query', 'year')), request);
    const indicator = field(request, 'query', 'indicator') ?? '';
    return { units: unitsOf(field(request, 'query', 'org')), itemDepartments: departmentsOf(c.responsibilities.get(indicator)) };
  },
  refusals: { item: '无权查看该数值' },
  async also(p, request, ctx) {
    const year = Number(field(request, 'query', 'year'));
    const c = await entryContext(ctx, year, request);
    const lead = c.responsibilities.get(field(request, 'query', 'indicator') ?? '')?.lead;
    return workingDataRefusal(p, ctx, lead, field(request, 'query', 'org') ?? '', year);
  },
};

const CellValue = z.union([z.string().max(100), z.number(), z.null()]).optional();
const EntrySchema = z.object({
  indicator: z.string().max(100),
  orgUnit: z.string().max(12),
  sex: z.string().max(10).nullable().optional(),
  area: z.string().max(10).nullable().optional(),
  ageGroup: z.string().max(100).nullable().optional(),
  value: CellValue,
  numerator: CellValue,
  denominator: CellValue,
  source: z.string().max(2000).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});
const EntriesBody = z.object({
  year: z.number().int().min(2000).max(2100),
  department: z.string().max(40),
  entries: z.array(EntrySchema).min(1).max(5000),
  reason: z.string().max(500).optional(),
});
const ErrorItem = z.object({ index: z.number(), column: z.string().nullable(), message: z.string() });
const WarningItem = z.object({ index: z.number(), message: z.string() });

export function registerValueRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/values/validate',
    {
      config: { access: VALUE_ENTRY },
      schema: {
        tags: ['数据填报'],
        summary: '校验填报的数值(与命令行导入相同的规则),不保存',
        body: EntriesBody,
        response: { 200: z.object({ errors: z.array(ErrorItem), warnings: z.array(WarningItem) }) },
      },
    },
    async (request) => {
      const c = await entryContext(ctx, request.body.year, request);
      const checked = checkEntries(c, request.body.entries, request.body.year);
      return { errors: checked.errors, warnings: await entryWarnings(c, checked.rows, request.body.year) };
    },
  );

  r.put(
    '/api/values',
    {
      config: { access: VALUE_ENTRY },
      schema: {
        tags: ['数据填报'],
        summary: '保存填报的数值(全部通过校验才保存;保留每一次修改的历史)',
        body: EntriesBody,
        response: { 200: z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() }) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { year, department, entries } = request.body;
      if (p.role !== 'department') throw forbidden('只有成员单位用户可以填报数据');
      const c = await entryContext(ctx, year, request);
      const checked = checkEntries(c, entries, year);
      if (checked.errors.length > 0) {
        throw badRequest(`有 ${checked.errors.length} 处错误,未保存任何数据`, { errors: checked.errors });
      }
      try {
        return await saveRows(
          c,
          p,
          department,
          checked.rows.map((x) => x.row),
          year,
          ctx.now().toISOString(),
          request.body.reason?.trim() || '网页填报',
        );
      } catch (error) {
        if (error instanceof EntryRefused) throw error.kind === 'locked' ? conflict(error.message) : forbidden(error.message);
        throw error;
      }
    },
  );

  r.get(
    '/api/values/history',
    {
      config: { access: VALUE_HISTORY },
      schema: {
        tags: ['数据填报'],
        summary: '一个数值的全部历史版本(谁、何时、由何值改为何值、为何)及所属报送的审核记录',
        querystring: z.object({
          indicator: z.string().max(100),
          org: z.string().max(12),
          year: z.coerce.number().int().min(2000).max(2100),
          sex: z.string().max(10).default('total'),
          area: z.string().max(10).default('total'),
          ageGroup: z.string().max(100).default('total'),
        }),
        response: {
          200: z.object({
            current: StoredValueSchema.nullable(),
            versions: z.array(
              z.object({
                value: z.number().nullable(),
                numerator: z.number().nullable(),
                denominator: z.number().nullable(),
                source: z.string().nullable(),
                note: z.string().nullable(),
                by: z.string(),
                at: z.string(),
                replacedBy: z.string(),
                replacedAt: z.string(),
                reason: z.string(),
              }),
            ),
            events: z.array(WorkflowEventSchema),
          }),
        },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const c = await entryContext(ctx, q.year, request);
      if (!c.plan.indicators.some((i) => i.code === q.indicator)) throw notFound(`未知的指标代码“${q.indicator}”`);
      if (!c.org.tree.has(q.org)) throw notFound(`单位代码“${q.org}”不存在`);
      if (!canSeeOrg(p, q.org, c.scope) || !canSeeIndicator(p, departmentsOf(c.responsibilities.get(q.indicator)))) {
        throw forbidden('无权查看该数值');
      }
      const history = await getValueHistory(ctx.db, {
        indicator: q.indicator,
        orgUnit: q.org,
        year: q.year,
        sex: q.sex,
        area: q.area,
        ageGroup: q.ageGroup,
      });
      const lead = c.responsibilities.get(q.indicator)?.lead ?? null;
      const key = lead ? submissionKeyOf(c.scope, lead, q.org, q.year) : null;
      const events = key ? await getSubmissionEvents(ctx.db, key) : [];
      const cur = history.current;
      return {
        current: cur
          ? {
              value: cur.value,
              numerator: cur.numerator,
              denominator: cur.denominator,
              source: cur.source,
              note: cur.note,
              updatedBy: cur.updated_by,
              updatedAt: cur.updated_at,
            }
          : null,
        versions: history.versions.map((v) => ({
          value: v.old_value,
          numerator: v.old_numerator,
          denominator: v.old_denominator,
          source: v.old_source,
          note: v.old_note,
          by: v.old_by,
          at: v.old_at,
          replacedBy: v.changed_by,
          replacedAt: v.changed_at,
          reason: v.reason,
        })),
        events: events.map((e) => ({ ...e, label: isSubmissionAction(e.action) ? ACTION_LABELS[e.action] : e.action })),
      };
    },
  );
}
