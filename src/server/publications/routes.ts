/** The office publishes years to the public portal and withdraws them (signed-in, CSRF-checked). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { publish, withdraw, yearPublications } from '../../app/publishing.js';
import { canManagePlanWork } from '../../core/access/permissions.js';
import { runApp } from '../appErrors.js';
import type { ServerContext } from '../context.js';
import { forbidden } from '../errors.js';
import { actorOf } from '../requestActor.js';
import { planWork } from '../plugins/accessSubjects.js';

const TAGS = ['公开发布'];

const YearPublicationView = z.object({
  year: z.number(),
  published: z.boolean(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  approved: z.number().describe('已批准的报送份数'),
  pending: z.number().describe('未批准的报送份数(其数据不公开)'),
});

const Year = z.coerce.number().int().min(2000).max(2100);

export function registerPublicationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/publications',
    {
      config: { access: planWork('公开发布数据') },
      schema: {
        tags: TAGS,
        summary: '各年度的公开发布状态(评估组、系统管理员)',
        response: { 200: z.object({ years: z.array(YearPublicationView) }) },
      },
    },
    async (request) => {
      manager(request, ctx);
      return { years: await yearPublications(ctx.db, ctx.plan(), ctx.now()) };
    },
  );

  r.post(
    '/api/publications',
    {
      config: { access: planWork('公开发布数据') },
      schema: {
        tags: TAGS,
        summary: '公开发布某年度已批准的数据',
        body: z.object({ year: Year }),
        response: { 200: YearPublicationView },
      },
    },
    (request) => runApp(() => publish(ctx.db, ctx.plan(), manager(request, ctx), request.body.year)),
  );

  r.delete(
    '/api/publications/:year',
    {
      config: { access: planWork('公开发布数据') },
      schema: {
        tags: TAGS,
        summary: '撤回某年度的公开发布',
        params: z.object({ year: Year }),
        response: { 200: YearPublicationView },
      },
    },
    (request) => runApp(() => withdraw(ctx.db, ctx.plan(), manager(request, ctx), request.params.year)),
  );
}

function manager(request: FastifyRequest, ctx: ServerContext): Actor {
  const actor = actorOf(request, ctx);
  if (!canManagePlanWork(actor.principal)) throw forbidden('只有评估组(妇儿工委办公室)和系统管理员可以公开发布数据');
  return actor;
}
