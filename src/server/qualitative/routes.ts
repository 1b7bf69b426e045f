/**
 * Qualitative goals (定性目标, methodology.md §6): the lead department writes its progress and
 * attaches evidence; the evaluation group rates it. Ratings never enter the indicators' counts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canRateQualitative, canSeeOrg, canSeeQualitative, canWriteQualitative } from '../../core/access/permissions.js';
import type { Principal } from '../../core/access/roles.js';
import { MAX_COMMENT_CHARS, MAX_REPORT_CHARS, QUALITATIVE_RATINGS, textProblem } from '../../core/plan/qualitative.js';
import { RATING_LABELS } from '../../core/phrasing/qualitativeLabels.js';
import { checkFileType, cleanFileName } from '../../core/validate/fileType.js';
import {
  listQualitative,
  qualitativeHistory,
  storeEvidence,
  summarizeQualitative,
  type ItemFilter,
  type QualitativeItemView,
} from '../../app/qualitative.js';
import { departmentsOf, getResponsibilities } from '../../app/responsibilities.js';
import {
  findEvidence,
  getDepartmentNames,
  readEvidenceContent,
  saveRating,
  saveReport,
  softDeleteEvidence,
} from '../../db/repositories/qualitative.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { attachment } from '../download.js';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../errors.js';
import {
  Evidence,
  FileParams,
  HistoryReply,
  Item,
  ItemParams,
  ListQuery,
  ListReply,
  Ok,
  RatingBody,
  ReportBody,
  SummaryQuery,
  SummaryReply,
} from './schema.js';
import { requirePlanYear, requireReportingUnit, resolveTarget, type Target } from './target.js';
import { field, unitsOf } from '../plugins/accessSubjects.js';
import type { RouteAccess } from '../plugins/accessRules.js';
import { canDeleteOwnFile } from '../../core/access/permissions.js';

const evidenceOf = (request: FastifyRequest, ctx: ServerContext) => findEvidence(ctx.db, Number(field(request, 'params', 'id')));

const EVIDENCE_READ: RouteAccess = {
  who: 'signedIn',
  async about(request, ctx) {
    const file = await evidenceOf(request, ctx);
    if (!file) return {};
    const responsibility = (await getResponsibilities(ctx.db, file.year)).get(file.itemCode);
    return { units: [file.orgUnitCode], itemDepartments: departmentsOf(responsibility) };
  },
  refusals: { unit: '无权下载该文件', department: '无权下载该文件', item: '无权下载该文件' },
};

/** Evidence is taken away by its own unit's lead department only, not by a department above it. */
const EVIDENCE_DELETE: RouteAccess = {
  who: ['department'],
  refusals: { role: '只有牵头单位的用户可以删除本单位上传的佐证材料' },
  async also(p, request, ctx) {
    const file = await evidenceOf(request, ctx);
    if (!file || canDeleteOwnFile(p, file)) return null;
    return '只有牵头单位的用户可以删除本单位上传的佐证材料';
  },
};

const QUALITATIVE_READ: RouteAccess = {
  who: 'signedIn',
  about: (request) => ({ units: unitsOf(field(request, 'query', 'org')), department: field(request, 'query', 'department') }),
  refusals: { unit: '无权查看{unit}的定性目标', department: '成员单位用户只能查看本单位负责的目标' },
};

const ofItemUnit = (request: FastifyRequest) => ({ units: unitsOf(field(request, 'params', 'org')) });

const TAGS = ['定性目标'];
const RATING_OPTIONS = QUALITATIVE_RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }));

export function registerQualitativeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The item as the caller sees it, with what the caller may do to it. */
  const present = (p: Principal, org: string, view: QualitativeItemView) => ({
    ...view,
    mayWrite: canWriteQualitative(p, view.lead?.code ?? null, org, ctx.scope()),
    mayRate: canRateQualitative(p, org, ctx.scope()),
  });

  const itemView = async (p: Principal, t: Target) => {
    const [view] = await listQualitative(ctx.db, ctx.plan(), t.year, t.org.code, (item) => item.code === t.item.code);
    if (!view) throw notFound();
    return present(p, t.org.code, view);
  };

  const requireWriter = async (p: Principal, t: Target, what: string): Promise<string> => {
    const lead = t.responsibility.lead;
    if (lead === null) throw conflict(`“${t.item.code}”尚未指定牵头单位,请联系妇儿工委办公室在任务分工中指定`);
    if (!canWriteQualitative(p, lead, t.org.code, ctx.scope())) {
      const name = (await getDepartmentNames(ctx.db)).get(lead) ?? lead;
      throw forbidden(`只有牵头单位(${name})的用户可以${what}${t.org.name}“${t.item.code}”的进展情况`);
    }
    return lead;
  };

  const requireReader = (p: Principal, t: Target): void => {
    if (!canSeeQualitative(p, departmentsOf(t.responsibility), t.org.code, ctx.scope())) {
      throw forbidden(`无权查看${t.org.name}“${t.item.code}”的进展情况`);
    }
  };

  /** The unit asked for (the caller's own by default), which the caller must be allowed to see. */
  const visibleUnit = (p: Principal, code: string | undefined) => {
    const org = requireReportingUnit(ctx, code ?? p.orgUnitCode);
    if (!canSeeOrg(p, org.code, ctx.scope())) throw forbidden(`无权查看${org.name}的定性目标`);
    return org;
  };

  const seenBy =
    (p: Principal, org: string): ItemFilter =>
    (_item, responsibility) =>
      canSeeQualitative(p, departmentsOf(responsibility), org, ctx.scope());

  r.get(
    '/api/qualitative',
    {
      config: { access: QUALITATIVE_READ },
      schema: {
        tags: TAGS,
        summary: '定性目标列表:每项的牵头/配合单位、进展情况、佐证材料和评估结论',
        description: '成员单位用户只看到本单位牵头或配合的目标;其他用户看到本级及下级单位的全部定性目标。',
        querystring: ListQuery,
        response: { 200: ListReply },
      },
    },
    async (request) => {
      const p = principal(request);
      const year = requirePlanYear(ctx, request.query.year);
      const org = visibleUnit(p, request.query.org);
      const department = request.query.department ?? null;
      if (department !== null) {
        if (!(await getDepartmentNames(ctx.db)).has(department)) throw badRequest(`成员单位代码“${department}”不存在`);
        if (p.role === 'department' && department !== p.departmentCode) throw forbidden('成员单位用户只能查看本单位负责的目标');
      }
      const seen = seenBy(p, org.code);
      const views = await listQualitative(ctx.db, ctx.plan(), year, org.code, (item, resp) => {
        return seen(item, resp) && (department === null || departmentsOf(resp).includes(department));
      });
      return { year, org, department, ratings: RATING_OPTIONS, items: views.map((v) => present(p, org.code, v)) };
    },
  );

  r.get(
    '/api/qualitative/summary',
    {
      config: { access: QUALITATIVE_READ },
      schema: {
        tags: TAGS,
        summary: '定性目标评估汇总:各领域已填报数和各评估结论的项数(不计入指标统计)',
        querystring: SummaryQuery,
        response: { 200: SummaryReply },
      },
    },
    async (request) => {
      const p = principal(request);
      const year = requirePlanYear(ctx, request.query.year);
      const org = visibleUnit(p, request.query.org);
      const summary = await summarizeQualitative(ctx.db, ctx.plan(), year, org.code, seenBy(p, org.code));
      return { year, org, ratings: RATING_OPTIONS, ...summary };
    },
  );

  r.put(
    '/api/qualitative/:year/:org/:item/report',
    {
      config: {
        access: {
          who: ['department'],
          about: ofItemUnit,
          refusals: { role: '只有牵头单位的用户可以填报定性目标的进展情况', unit: '只有牵头单位的用户可以填报{unit}的定性目标进展情况' },
        },
      },
      schema: {
        tags: TAGS,
        summary: '填报进展情况(牵头单位;保留每一次修改)',
        params: ItemParams,
        body: ReportBody,
        response: { 200: Item },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await resolveTarget(ctx, request.params);
      const lead = await requireWriter(p, t, '填报');
      const problem = textProblem(request.body.text, '进展情况', MAX_REPORT_CHARS, true);
      if (problem) throw badRequest(problem);
      const key = { itemCode: t.item.code, departmentCode: lead, orgUnitCode: t.org.code, year: t.year };
      await saveReport(ctx.db, key, request.body.text, p.username, ctx.now().toISOString());
      return itemView(p, t);
    },
  );

  r.put(
    '/api/qualitative/:year/:org/:item/rating',
    {
      config: {
        access: {
          who: ['evaluator'],
          about: ofItemUnit,
          refusals: { role: '只有评估组(妇儿工委办公室)可以评估定性目标', unit: '无权评估{unit}的定性目标' },
        },
      },
      schema: {
        tags: TAGS,
        summary: '评估定性目标(评估组;保留每一次修改)',
        description: `评估结论:${RATING_OPTIONS.map((o) => `${o.value} ${o.label}`).join(',')}`,
        params: ItemParams,
        body: RatingBody,
        response: { 200: Item },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await resolveTarget(ctx, request.params);
      if (!canRateQualitative(p, t.org.code, ctx.scope())) {
        throw forbidden(`只有评估组(妇儿工委办公室)可以评估${t.org.name}的定性目标`);
      }
      const { rating, comment } = request.body;
      const problem = textProblem(comment, '评估意见', MAX_COMMENT_CHARS, false);
      if (problem) throw badRequest(problem);
      await saveRating(
        ctx.db,
        { itemCode: t.item.code, orgUnitCode: t.org.code, year: t.year },
        { rating, comment },
        p.username,
        ctx.now().toISOString(),
      );
      return itemView(p, t);
    },
  );

  r.get(
    '/api/qualitative/:year/:org/:item/history',
    {
      config: { access: { who: 'signedIn', about: ofItemUnit, refusals: { unit: '无权查看{unit}的定性目标' } } },
      schema: {
        tags: TAGS,
        summary: '进展情况和评估结论的修改历史(由早到晚)',
        params: ItemParams,
        response: { 200: HistoryReply },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await resolveTarget(ctx, request.params);
      requireReader(p, t);
      const entries = await qualitativeHistory(ctx.db, { itemCode: t.item.code, orgUnitCode: t.org.code, year: t.year });
      return { year: t.year, org: t.org, item: t.item.code, entries };
    },
  );

  r.post(
    '/api/qualitative/:year/:org/:item/evidence',
    {
      config: {
        access: {
          who: ['department'],
          about: ofItemUnit,
          refusals: { role: '只有牵头单位的用户可以上传佐证材料', unit: '只有牵头单位的用户可以为{unit}上传佐证材料' },
        },
      },
      schema: {
        tags: TAGS,
        summary: '上传佐证材料(牵头单位;multipart/form-data,一个文件)',
        description: '允许 .pdf .doc .docx .wps .ofd .xls .xlsx .jpg .jpeg .png .txt;扩展名与文件内容须一致;大小不超过系统设定的上限。',
        consumes: ['multipart/form-data'],
        params: ItemParams,
        response: { 201: Evidence },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const t = await resolveTarget(ctx, request.params);
      const lead = await requireWriter(p, t, '上传');
      const file = await readUpload(request, ctx.config.maxUploadBytes);
      const check = checkFileType(file.name, file.content);
      if (!check.ok) throw badRequest(check.reason);
      const view = await storeEvidence(
        ctx.db,
        { itemCode: t.item.code, departmentCode: lead, orgUnitCode: t.org.code, year: t.year },
        { fileName: cleanFileName(file.name), mimeType: check.mimeType, content: file.content },
        p,
        ctx.now().toISOString(),
      );
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/qualitative/evidence/:id',
    {
      config: { access: EVIDENCE_READ },
      schema: {
        tags: TAGS,
        summary: '下载佐证材料(可查看该目标和单位的用户)',
        params: FileParams,
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const file = await findEvidence(ctx.db, request.params.id);
      if (!file) throw notFound('文件不存在或已删除');
      const responsibility = (await getResponsibilities(ctx.db, file.year)).get(file.itemCode);
      if (!canSeeQualitative(p, departmentsOf(responsibility), file.orgUnitCode, ctx.scope())) throw forbidden('无权下载该文件');
      const content = await readEvidenceContent(ctx.db, file.id);
      if (!content) throw notFound('文件不存在或已删除');
      return sendFile(reply, file.fileName, file.mimeType, content);
    },
  );

  r.delete(
    '/api/qualitative/evidence/:id',
    {
      config: { access: EVIDENCE_DELETE },
      schema: {
        tags: TAGS,
        summary: '删除佐证材料(牵头单位;保留删除记录)',
        params: FileParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const p = principal(request);
      const file = await findEvidence(ctx.db, request.params.id);
      if (!file) throw notFound('文件不存在或已删除');
      const lead = (await getResponsibilities(ctx.db, file.year)).get(file.itemCode)?.lead ?? null;
      // A file left by an earlier lead department is no longer the current lead's to delete.
      if (lead !== file.departmentCode || !canWriteQualitative(p, lead, file.orgUnitCode, ctx.scope())) {
        throw forbidden('只有牵头单位的用户可以删除本单位上传的佐证材料');
      }
      if (!(await softDeleteEvidence(ctx.db, file.id, p.username, ctx.now().toISOString()))) throw notFound('文件不存在或已删除');
      return { ok: true as const };
    },
  );
}

/** The one file of a multipart request, read whole; refused with a Chinese reason when absent or too large. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传文件');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw badRequest('请选择要上传的文件');
  const name = cleanFileName(part.filename);
  try {
    return { name, content: await part.toBuffer() };
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpError(413, `文件“${name}”超过上传大小上限(${formatBytes(maxBytes)})`);
    }
    throw error;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} 字节`;
}

function sendFile(reply: FastifyReply, name: string, mimeType: string, content: Uint8Array): FastifyReply {
  return (
    reply
      .header('content-type', mimeType)
      .header('content-disposition', attachment(name))
      // The browser must not guess another type (an uploaded text read as HTML) nor keep a copy.
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength))
  );
}
