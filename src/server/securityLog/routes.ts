/** The security log (等保2.0 audit) for the admin: search, page through, export as CSV. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canReadSecurityLog } from '../../core/access/permissions.js';
import { chinaDate, chinaDateTime } from '../../core/time/chinaTime.js';
import { searchSecurityLog, SECURITY_EVENTS } from '../../db/repositories/securityLog.js';
import { csvLine, UTF8_BOM } from '../../io/csvLines.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { attachment } from '../download.js';
import { forbidden } from '../errors.js';
import { eventLabel, LogFilter, LogPage, LogRow, queryOf } from './schema.js';
import { adminOnly } from '../plugins/accessSubjects.js';

const TAGS = ['安全审计'];
/** More rows than an auditor reads in Excel; narrow the search instead. */
const EXPORT_LIMIT = 100_000;

export function registerSecurityLogRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/security-log',
    {
      config: { access: adminOnly('查看安全日志') },
      schema: {
        tags: TAGS,
        summary: '查询安全日志(按用户名、事件、日期范围、详情文字;分页,最新在前)',
        querystring: LogFilter.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: LogPage },
      },
    },
    async (request) => {
      requireAuditor(request);
      const { page, pageSize } = request.query;
      const { rows, total } = await searchSecurityLog(ctx.db, queryOf(request.query, pageSize, (page - 1) * pageSize));
      return { total, page, pageSize, rows: rows.map(toView) };
    },
  );

  r.get(
    '/api/security-log/events',
    {
      config: { access: adminOnly('查看安全日志') },
      schema: {
        tags: TAGS,
        summary: '安全日志的事件类型',
        response: { 200: z.object({ events: z.array(z.object({ code: z.string(), label: z.string() })) }) },
      },
    },
    (request) => {
      requireAuditor(request);
      return { events: Object.entries(SECURITY_EVENTS).map(([code, label]) => ({ code, label })) };
    },
  );

  r.get(
    '/api/security-log/export',
    {
      config: { access: adminOnly('查看安全日志') },
      schema: {
        tags: TAGS,
        summary: '导出安全日志为 CSV(UTF-8 带 BOM,可直接用 Excel 打开;条件同查询)',
        querystring: LogFilter,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireAuditor(request);
      const { rows } = await searchSecurityLog(ctx.db, queryOf(request.query, EXPORT_LIMIT, 0));
      let text = UTF8_BOM + csvLine(['时间', '事件', '用户名', 'IP 地址', '结果', '详情']);
      for (const row of rows) {
        text += csvLine([
          chinaDateTime(row.at),
          eventLabel(row.event),
          row.username,
          row.ip,
          row.success === 1 ? '成功' : '失败',
          row.detail,
        ]);
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`安全日志_${chinaDate(ctx.now())}.csv`))
        .send(text);
    },
  );
}

function requireAuditor(request: FastifyRequest): void {
  if (!canReadSecurityLog(principal(request))) throw forbidden('只有系统管理员可以查看安全日志');
}

function toView(row: { id: number; at: string; event: string; username: string; ip: string; success: number; detail: string }): LogRow {
  return { ...row, eventLabel: eventLabel(row.event), success: row.success === 1 };
}
