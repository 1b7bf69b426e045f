/** Reporting deadlines per year: everyone reads them, the office and the admin set them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeDeadline } from '../../app/deadlineEditor.js';
import { canManagePlanWork } from '../../core/access/permissions.js';
import { listDeadlines } from '../../db/repositories/deadlines.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { actorOf } from '../requestActor.js';
import { SIGNED_IN } from '../plugins/accessRules.js';
import { planWork } from '../plugins/accessSubjects.js';

const TAGS = ['报送截止日期'];

const DeadlineView = z.object({ year: z.number(), deadline: z.string(), updatedBy: z.string(), updatedAt: z.string() });

export function registerDeadlineRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/deadlines',
    {
      config: { access: SIGNED_IN },
      schema: { tags: TAGS, summary: '各年度数据的报送截止日期', response: { 200: z.object({ deadlines: z.array(DeadlineView) }) } },
    },
    async () => ({ deadlines: await listDeadlines(ctx.db) }),
  );

  r.put(
    '/api/deadlines/:year',
    {
      config: { access: planWork('设置报送截止日期') },
      schema: {
        tags: TAGS,
        summary: '设置某年度数据的报送截止日期(北京时间当日结束前)',
        params: z.object({ year: z.coerce.number().int().min(0).max(9999) }),
        body: z.object({ deadline: z.string().max(10).describe('YYYY-MM-DD') }),
        response: { 200: DeadlineView },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      if (!canManagePlanWork(actor.principal)) throw forbidden('只有评估组(妇儿工委办公室)和系统管理员可以设置报送截止日期');
      const { year } = request.params;
      await runApp(() => changeDeadline(ctx.db, ctx.plan(), actor, year, request.body.deadline));
      const saved = (await listDeadlines(ctx.db)).find((d) => d.year === year);
      if (!saved) throw notFound();
      return saved;
    },
  );
}
