/** The review workflow: the list of submissions, one step of one, and its record. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canSeeOrg } from '../../core/access/permissions.js';
import { ACTION_LABELS, isSubmissionAction, SUBMISSION_ACTIONS, SUBMISSION_STATES } from '../../core/workflow/submission.js';
import { formIndicators } from '../../app/forms.js';
import { applyAction, WorkflowError } from '../../app/submissionActions.js';
import { listSubmissionSummaries } from '../../app/submissionList.js';
import { getSubmissionEvents } from '../../db/repositories/submissions.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { entryContext } from '../serverContext.js';
import { ActionSchema, WorkflowEventSchema } from '../forms/schema.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';
import type { RouteAccess } from '../plugins/accessRules.js';
import { actorsOf, isSubmissionAction as isAction } from '../../core/workflow/submission.js';
import { mayAct } from '../../app/submissionActions.js';

/**
 * A step of a submission is asked of the user's role and unit before its state is read: a refusal
 * must not tell a stranger which state a submission is in (403, never 409).
 */
const SUBMISSION_STEP: RouteAccess = {
  who: ['department', 'monitor'],
  about: (request) => ({ units: unitsOf(field(request, 'params', 'org')), department: field(request, 'params', 'department') }),
  also(p, request, ctx) {
    const action = field(request, 'params', 'action') ?? '';
    const key = { department: field(request, 'params', 'department') ?? '', orgUnit: field(request, 'params', 'org') ?? '', year: 0 };
    if (!isAction(action) || !ctx.org().tree.has(key.orgUnit)) return null;
    return actorsOf(action).some((actor) => mayAct(p, actor, key, ctx.scope())) ? null : `无权${ACTION_LABELS[action]}该单位的报送数据`;
  },
};

const Summary = z.object({
  department: z.object({ code: z.string(), name: z.string() }),
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  state: z.string(),
  stateLabel: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  filled: z.number(),
  expected: z.number(),
  actions: z.array(ActionSchema),
});
const KeyParams = z.object({ department: z.string().max(40), org: z.string().max(12), year: z.coerce.number().int().min(2000).max(2100) });

export function registerSubmissionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/submissions',
    {
      config: {
        access: {
          who: 'signedIn',
          about: (request) => ({ units: unitsOf(field(request, 'query', 'org')), department: field(request, 'query', 'department') }),
        },
      },
      schema: {
        tags: ['审核'],
        summary: '报送列表:各成员单位在本级及下属县(市、区)的报送状态',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100),
          org: z.string().max(12).optional(),
          state: z.enum(SUBMISSION_STATES).optional(),
          department: z.string().max(40).optional(),
        }),
        response: { 200: z.array(Summary) },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const c = await entryContext(ctx, q.year, request);
      let rows = await listSubmissionSummaries(c, p, q.year);
      if (q.org) rows = rows.filter((s) => s.orgUnit.code === q.org);
      if (q.state) rows = rows.filter((s) => s.state === q.state);
      if (q.department) rows = rows.filter((s) => s.department.code === q.department);
      return rows;
    },
  );

  r.post(
    '/api/submissions/:department/:org/:year/:action',
    {
      config: { access: SUBMISSION_STEP },
      schema: {
        tags: ['审核'],
        summary: '提交、审核通过、批准、退回(须填理由)、重新打开(须填理由)',
        params: KeyParams.extend({ action: z.enum(SUBMISSION_ACTIONS) }),
        body: z.object({ reason: z.string().max(1000).default('') }),
        response: { 200: Summary },
      },
    },
    async (request) => {
      const p = principal(request);
      const { department, org, year, action } = request.params;
      const c = await entryContext(ctx, year, request);
      const level = c.org.tree.get(org)?.level;
      if (level !== 'city' && level !== 'county') throw notFound(`“${org}”不是市或县(市、区)级单位,没有报送`);
      if (!canSeeOrg(p, org, c.scope)) throw forbidden('无权操作该单位的报送');
      const dept = await ctx.db.selectFrom('department').select('code').where('code', '=', department).executeTakeFirst();
      if (!dept) throw notFound(`成员单位代码“${department}”不存在`);
      const codes = formIndicators(c.plan, c.responsibilities, department, level).map((i) => i.code);
      const units = subtree(c.org.tree, org);
      try {
        await applyAction(
          ctx.db,
          p,
          c.scope,
          { department, orgUnit: org, year },
          action,
          request.body.reason,
          ctx.now().toISOString(),
          request.ip,
          async (db) => {
            if (codes.length === 0) return false;
            const found = await db
              .selectFrom('data_value')
              .select('id')
              .where('year', '=', year)
              .where('indicator_code', 'in', codes)
              .where('org_unit_code', 'in', units)
              .limit(1)
              .execute();
            return found.length > 0;
          },
        );
      } catch (error) {
        if (error instanceof WorkflowError) {
          if (error.kind === 'forbidden') throw forbidden(error.message);
          if (error.kind === 'invalid') throw badRequest(error.message);
          throw conflict(error.message);
        }
        throw error;
      }
      const rows = await listSubmissionSummaries(c, p, year);
      const row = rows.find((s) => s.department.code === department && s.orgUnit.code === org);
      if (!row) throw notFound('该成员单位在此单位没有须报送的指标');
      return row;
    },
  );

  r.get(
    '/api/submissions/:department/:org/:year/events',
    {
      config: {
        access: {
          who: 'signedIn',
          about: (request) => ({ units: unitsOf(field(request, 'params', 'org')), department: field(request, 'params', 'department') }),
        },
      },
      schema: { tags: ['审核'], summary: '一次报送的全部流转记录', params: KeyParams, response: { 200: z.array(WorkflowEventSchema) } },
    },
    async (request) => {
      const p = principal(request);
      const { department, org, year } = request.params;
      if (!ctx.org().tree.has(org)) throw notFound(`单位代码“${org}”不存在`);
      if (!canSeeOrg(p, org, ctx.scope()) || (p.role === 'department' && p.departmentCode !== department)) {
        throw forbidden('无权查看该报送');
      }
      const events = await getSubmissionEvents(ctx.db, { department, orgUnit: org, year });
      return events.map((e) => ({ ...e, label: isSubmissionAction(e.action) ? ACTION_LABELS[e.action] : e.action }));
    },
  );
}

function subtree(tree: { children(code: string): string[] }, root: string): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    const code = out[i];
    if (code !== undefined) out.push(...tree.children(code));
  }
  return out;
}
