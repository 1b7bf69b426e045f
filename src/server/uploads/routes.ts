/** Excel and CSV as a way in: the pre-filled template, the preview of an uploaded file, its confirmation. */
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildEntryTemplate, MAX_TEMPLATE_UNITS } from '../../app/entryTemplate.js';
import { FormAccessError } from '../../app/forms.js';
import { confirmUpload, PendingUploads, previewUpload, uploadYear } from '../../app/uploadPreview.js';
import { EntryRefused } from '../../app/valueEntry.js';
import type { Principal } from '../../core/access/roles.js';
import { cleanFileName } from '../../core/validate/fileType.js';
import { readUploadedTable, UploadFileError } from '../../io/xlsxValues.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { attachment } from '../download.js';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../errors.js';
import { entryContext } from '../serverContext.js';
import { PreviewSchema } from './schema.js';
import { field } from '../plugins/accessSubjects.js';
import type { RouteAccess } from '../plugins/accessRules.js';

const TAGS = ['Excel 导入'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploading values is the member departments' work. */
const UPLOAD: RouteAccess = { who: ['department'], refusals: { role: '只有成员单位用户可以填报数据' } };

export function registerUploadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pending = new PendingUploads();

  r.get(
    '/api/templates',
    {
      config: {
        access: {
          who: ['department'],
          about: (request) => ({
            units: (field(request, 'query', 'orgs') ?? '').split(/[,，\s]+/).filter((c) => c !== ''),
            department: field(request, 'query', 'department'),
          }),
          refusals: { role: '只有成员单位用户可以填报数据', department: '无权查看其他成员单位的填报表' },
        },
      },
      schema: {
        tags: TAGS,
        summary: '下载填报模板(.xlsx):成员单位在所选单位、年度须填报的全部数值,预填现有数据和上年数值',
        description: '与填报表相同的权限:成员单位只能下载本单位、本地区及下级单位的模板。orgs 为逗号分隔的单位代码,省略时为用户所在单位。',
        querystring: z.object({
          department: z.string().max(40).optional(),
          year: z.coerce.number().int().min(2000).max(2100),
          orgs: z.string().max(2000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const department = request.query.department ?? p.departmentCode;
      if (!department) throw badRequest('请指定成员单位(department)');
      const orgs = (request.query.orgs ?? p.orgUnitCode)
        .split(/[,,\s]+/)
        .map((o) => o.trim())
        .filter((o) => o !== '');
      if (orgs.length > MAX_TEMPLATE_UNITS) throw badRequest(`一个模板最多包含 ${MAX_TEMPLATE_UNITS} 个单位`);
      try {
        const c = await entryContext(ctx, request.query.year);
        const file = await buildEntryTemplate(c, p, department, orgs, request.query.year, ctx.now().toISOString());
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.content);
      } catch (error) {
        if (error instanceof FormAccessError) {
          if (error.message.includes('不存在')) throw notFound(error.message);
          if (error.message.startsWith('请指定') || error.message.startsWith('一个模板')) throw badRequest(error.message);
          throw forbidden(error.message);
        }
        throw error;
      }
    },
  );

  r.post(
    '/api/uploads/preview',
    {
      // Reading a workbook is the heaviest thing a user can ask for; a script must not repeat it endlessly.
      config: { access: UPLOAD, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: TAGS,
        summary: '上传填好的模板(.xlsx)或长格式 CSV,预览将新增、修改的数据和每一处错误(不保存)',
        description:
          'multipart/form-data:字段 file(.xlsx 或 .csv,CSV 支持 UTF-8、GBK、UTF-16),可选字段 department(须为本单位)。' +
          '年度取自文件中的行。没有错误时返回 token,30 分钟内由同一用户确认保存;有错误时 token 为 null,不保存任何数据。',
        consumes: ['multipart/form-data'],
        response: { 200: PreviewSchema },
      },
    },
    async (request) => {
      const p = principal(request);
      uploadingDepartment(p, null);
      const upload = await readUploadForm(request, ctx.config.maxUploadBytes);
      const department = uploadingDepartment(p, upload.department);
      try {
        const table = await readUploadedTable(upload.name, upload.content);
        // The year comes from the rows: the division of work is that of that year.
        const c = await entryContext(ctx, uploadYear(table.rows) ?? ctx.now().getUTCFullYear());
        const { preview, rows } = await previewUpload(c, p, department, table);
        const token =
          rows && preview.year !== null
            ? pending.put({ owner: p.id, department, year: preview.year, fileName: preview.fileName, rows }, ctx.now().getTime())
            : null;
        return { token, ...preview };
      } catch (error) {
        if (error instanceof UploadFileError) throw badRequest(error.message, { problems: error.details });
        throw error;
      }
    },
  );

  r.post(
    '/api/uploads/:token/confirm',
    {
      config: { access: UPLOAD },
      schema: {
        tags: TAGS,
        summary: '确认保存预览过的上传文件(一次性,全部保存或全部不保存;再次检查权限和锁定)',
        params: z.object({ token: z.string().min(1).max(100) }),
        body: z.object({ reason: z.string().max(500).default('') }),
        response: { 200: z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() }) },
      },
    },
    async (request) => {
      const p = principal(request);
      const upload = pending.take(p.id, request.params.token, ctx.now().getTime());
      if (!upload) throw notFound('预览不存在或已过期(预览保留 30 分钟,且只能确认一次),请重新上传文件');
      try {
        return await confirmUpload(await entryContext(ctx, upload.year), p, upload, ctx.now().toISOString(), request.body.reason);
      } catch (error) {
        if (error instanceof EntryRefused) throw error.kind === 'locked' ? conflict(error.message) : forbidden(error.message);
        throw error;
      }
    },
  );
}

/** Only a member department's user writes values, and only its own department's. */
function uploadingDepartment(p: Principal, asked: string | null): string {
  if (p.role !== 'department' || !p.departmentCode) throw forbidden('只有成员单位用户可以填报数据');
  if (asked && asked !== p.departmentCode) throw forbidden('只能上传本单位的填报数据');
  return p.departmentCode;
}

interface UploadForm {
  name: string;
  content: Buffer;
  department: string | null;
}

/** The file and the optional department field of a multipart request, the file read whole. */
async function readUploadForm(request: FastifyRequest, maxBytes: number): Promise<UploadForm> {
  if (!request.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传文件(字段名 file)');
  let file: { name: string; content: Buffer } | null = null;
  let department: string | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5 } })) {
    if (part.type === 'field') {
      if (part.fieldname === 'department' && typeof part.value === 'string' && part.value.trim() !== '') department = part.value.trim();
      continue;
    }
    const name = cleanFileName(part.filename);
    if (part.fieldname !== 'file') {
      await part.toBuffer().catch(() => undefined);
      continue;
    }
    try {
      file = { name, content: await part.toBuffer() };
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new HttpError(413, `文件“${name}”超过上传大小上限(${Math.round(maxBytes / 1024 / 1024)} MB)`);
      }
      throw error;
    }
  }
  if (!file) throw badRequest('请选择要上传的文件(字段名 file)');
  return { ...file, department };
}
