/**
 * Early warning 预警: the red and yellow targets of a unit and year with why and who answers for
 * them, as JSON and as an Excel list; and each target's warning year by year since the baseline.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { VERSION_OF } from '../../app/figures.js';
import { warningFigures, warningHistory, withDepartments } from '../../app/warnings.js';
import type { WarningFigures, WarningList } from '../../app/warningsModel.js';
import { getDepartmentNames } from '../../db/repositories/qualitative.js';
import { warningWorkbook, warningWorkbookName } from '../../io/warningWorkbook.js';
import type { ServerContext } from '../context.js';
import { DerivedCache, sendJsonText } from '../derivedCache.js';
import { sendDownload } from '../download.js';
import { badRequest } from '../errors.js';
import { cachedResponsibilities } from '../serverContext.js';
import { figureSource, FigureQuery, figureTarget } from './request.js';
import { WarningHistory, WarningList as WarningListSchema } from './schema.js';
import { FIGURE_READ } from '../plugins/accessSubjects.js';

const TAGS = ['监测分析'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ListQuery = FigureQuery.extend({
  department: z.string().max(40, { error: '成员单位代码过长' }).optional().describe('只列该成员单位牵头或配合的指标'),
});
type ListQuery = z.infer<typeof ListQuery>;

export function registerWarningRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const figures = {
    approved: new DerivedCache<WarningFigures>(VERSION_OF.approved),
    all: new DerivedCache<WarningFigures>(VERSION_OF.all),
  };
  const histories = {
    approved: new DerivedCache<string>(VERSION_OF.approved, 64),
    all: new DerivedCache<string>(VERSION_OF.all, 64),
  };

  /** The list with the departments in force in the year (their own version token), narrowed to one department on request. */
  const list = async (request: FastifyRequest, query: ListQuery): Promise<WarningList> => {
    const t = await figureTarget(ctx, request, query);
    const [found, responsibilities, names] = await Promise.all([
      figures[t.kind].get(ctx.db, t.cacheKey, () => warningFigures(figureSource(ctx), t.kind, t), request.auth?.versions),
      cachedResponsibilities(ctx, t.year, request),
      getDepartmentNames(ctx.db),
    ]);
    const department = query.department;
    if (department !== undefined && !names.has(department)) throw badRequest(`成员单位代码“${department}”不存在`);
    const full = withDepartments(found, responsibilities, names);
    if (department === undefined) return full;
    const items = full.items.filter((i) => i.lead?.code === department || i.cooperating.some((c) => c.code === department));
    return {
      ...full,
      red: items.filter((i) => i.warning === 'red').length,
      yellow: items.filter((i) => i.warning === 'yellow').length,
      items,
    };
  };

  r.get(
    '/api/warnings',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: TAGS,
        summary: '预警指标:某单位某年度红色、黄色预警的指标,预警原因和牵头、配合单位',
        description: '红色预警:出现退步或难以如期达标;黄色预警:需加快进度或波动较大(methodology.md §3)。',
        querystring: ListQuery,
        response: { 200: WarningListSchema },
      },
    },
    async (request, reply) => sendJsonText(reply, JSON.stringify(await list(request, request.query))),
  );

  r.get(
    '/api/warnings/export',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: TAGS,
        summary: '导出预警指标(Excel)',
        querystring: ListQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const found = await list(request, request.query);
      const notes = [
        found.data === 'all' ? '数据范围:含尚未批准的数据,仅供核查。' : '数据范围:已批准的数据。',
        '红色预警:出现退步或按现有速度难以如期达标;黄色预警:需加快进度或最新一年变化幅度明显超过以往(波动较大)。',
        ...(found.synthetic ? [SYNTHETIC_BANNER] : []),
      ];
      const book = await warningWorkbook(found, notes);
      return sendDownload(reply, warningWorkbookName(found), XLSX, book);
    },
  );

  r.get(
    '/api/warnings/history',
    {
      config: { access: FIGURE_READ },
      schema: {
        tags: TAGS,
        summary: '预警历史:每项指标自基期年至所选年份逐年的预警',
        querystring: FigureQuery,
        response: { 200: WarningHistory },
      },
    },
    async (request, reply) => {
      const t = await figureTarget(ctx, request, request.query);
      const json = await histories[t.kind].get(
        ctx.db,
        t.cacheKey,
        async () => JSON.stringify(WarningHistory.parse(await warningHistory(figureSource(ctx), t.kind, t))),
        request.auth?.versions,
      );
      return sendJsonText(reply, json);
    },
  );
}
