/** The data-entry form of a department for a unit and year. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildForm, FormAccessError } from '../../app/forms.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { entryContext } from '../serverContext.js';
import { FormSchema } from './schema.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';
import type { RouteAccess } from '../plugins/accessRules.js';
import { workingDataRefusal } from '../plugins/workingData.js';

const FORM_READ: RouteAccess = {
  who: ['department', 'monitor', 'admin', 'evaluator', 'viewer'],
  about: (request) => ({ units: unitsOf(field(request, 'query', 'org')), department: field(request, 'query', 'department') }),
  refusals: { department: '无权查看其他成员单位的填报表' },
  also: (p, request, ctx) =>
    workingDataRefusal(
      p,
      ctx,
      field(request, 'query', 'department') ?? p.departmentCode,
      field(request, 'query', 'org') ?? '',
      Number(field(request, 'query', 'year')),
    ),
};

export function registerFormRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/forms',
    {
      config: { access: FORM_READ },
      schema: {
        tags: ['数据填报'],
        summary: '填报表:成员单位在某单位某年度须填报的指标及往年数据',
        querystring: z.object({
          department: z.string().max(40).optional(),
          org: z.string().min(1).max(12),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: FormSchema },
      },
    },
    async (request) => {
      const p = principal(request);
      const department = request.query.department ?? p.departmentCode;
      if (!department) throw badRequest('请指定成员单位(department)');
      try {
        return await buildForm(await entryContext(ctx, request.query.year, request), p, department, request.query.org, request.query.year);
      } catch (error) {
        if (error instanceof FormAccessError) {
          throw error.message.includes('不存在') ? notFound(error.message) : forbidden(error.message);
        }
        throw error;
      }
    },
  );
}
