/** Downloading and deleting stored implementation plans, for those allowed to see them. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPLEMENTATION_PLAN_KIND } from '../../app/implementationPlans.js';
import { canSeeOrg, isAdmin } from '../../core/access/permissions.js';
import type { Principal } from '../../core/access/roles.js';
import type { OrgScope } from '../../core/access/scope.js';
import { findStoredFile, readStoredFileContent, softDeleteStoredFile, type StoredFileMeta } from '../../db/repositories/storedFiles.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { sendDownload } from '../download.js';
import { forbidden, notFound } from '../errors.js';
import type { RouteAccess } from '../plugins/accessRules.js';
import { field } from '../plugins/accessSubjects.js';
import { canDeleteOwnFile } from '../../core/access/permissions.js';

/** The file named by the request, as the access rules see it; unknown ids are the route's 404. */
async function fileSubject(request: FastifyRequest, ctx: ServerContext): Promise<StoredFileMeta | undefined> {
  const file = await findStoredFile(ctx.db, Number(field(request, 'params', 'id')));
  return file?.kind === IMPLEMENTATION_PLAN_KIND ? file : undefined;
}

const FILE_READ: RouteAccess = {
  who: ['admin', 'monitor', 'evaluator', 'department'],
  async about(request, ctx) {
    const file = await fileSubject(request, ctx);
    return file ? { units: [file.orgUnitCode], department: file.departmentCode } : {};
  },
  refusals: { role: '无权下载该文件', unit: '无权下载该文件', department: '无权下载该文件' },
};

const FILE_DELETE: RouteAccess = {
  who: ['admin', 'department'],
  refusals: { role: '只有上传单位的用户或系统管理员可以删除该文件' },
  async also(p, request, ctx) {
    const file = await fileSubject(request, ctx);
    if (!file || p.role === 'admin' || canDeleteOwnFile(p, file)) return null;
    return '只有上传单位的用户或系统管理员可以删除该文件';
  },
};

const TAGS = ['实施方案'];
const FileId = z.object({ id: z.coerce.number().int().positive() });

export function registerFileRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/files/:id',
    {
      config: { access: FILE_READ },
      schema: {
        tags: TAGS,
        summary: '下载文件(成员单位:本单位、本级及下辖;其他角色:本级及下辖单位)',
        params: FileId,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const file = await planFile(ctx, request.params.id);
      if (!maySee(p, file, ctx.scope())) throw forbidden('无权下载该文件');
      const content = await readStoredFileContent(ctx.db, file.id);
      if (!content) throw notFound('文件不存在或已删除');
      return sendDownload(reply, file.fileName, file.mimeType, content);
    },
  );

  r.delete(
    '/api/files/:id',
    {
      config: { access: FILE_DELETE },
      schema: {
        tags: TAGS,
        summary: '删除文件(上传单位的用户或系统管理员;保留删除记录)',
        params: FileId,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const p = principal(request);
      const file = await planFile(ctx, request.params.id);
      const own = p.role === 'department' && p.departmentCode === file.departmentCode && canSeeOrg(p, file.orgUnitCode, ctx.scope());
      if (!own && !isAdmin(p)) throw forbidden('只有上传单位的用户或系统管理员可以删除该文件');
      if (!(await softDeleteStoredFile(ctx.db, file.id, p.username, ctx.now().toISOString()))) throw notFound('文件不存在或已删除');
      return { ok: true as const };
    },
  );
}

// Evidence of qualitative goals has its own rules and routes (/api/qualitative/evidence).
async function planFile(ctx: ServerContext, id: number): Promise<StoredFileMeta> {
  const file = await findStoredFile(ctx.db, id);
  if (!file || file.kind !== IMPLEMENTATION_PLAN_KIND) throw notFound('文件不存在或已删除');
  return file;
}

function maySee(p: Principal, file: StoredFileMeta, scope: OrgScope): boolean {
  if (p.role === 'viewer') return false;
  if (p.role === 'department' && p.departmentCode !== file.departmentCode) return false;
  return canSeeOrg(p, file.orgUnitCode, scope);
}
