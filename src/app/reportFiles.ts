/**
 * A report as a file, for the command line and the server alike: the model built from the
 * database (only the data asked for), written in the format asked for, under its Chinese name.
 */
import type { Principal } from '../core/access/roles.js';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getDepartmentNames } from '../db/repositories/qualitative.js';
import { buildAnnualReport } from '../reports/annualModel.js';
import { buildCountyComparisonReport } from '../reports/countyComparisonModel.js';
import { buildEvaluationReport } from '../reports/evaluationModel.js';
import { writeDocx } from '../reports/docx/writeDocx.js';
import { writeHtml } from '../reports/html/writeHtml.js';
import type { Report, ReportMeta } from '../reports/model.js';
import { buildStatisticalTables } from '../reports/statisticalTables.js';
import { writeReportXlsx } from '../reports/xlsx/writeReportXlsx.js';
import { writeStatisticalTablesXlsx } from '../reports/xlsx/writeStatisticalTablesXlsx.js';
import { invalid } from './appError.js';

export const REPORT_KINDS = ['annual', 'midterm', 'final', 'counties', 'tables'] as const;
export type ReportRequestKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['docx', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportData = 'approved' | 'all';

export const REPORT_KIND_LABELS: Record<ReportRequestKind, string> = {
  annual: '年度监测统计报告',
  midterm: '中期评估报告',
  final: '终期评估报告',
  counties: '县(市、区)比较报告',
  tables: '统计资料',
};

export const MIME_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportRequest {
  kind: ReportRequestKind;
  year: number;
  orgUnit: string;
  format: ReportFormat;
  data: ReportData;
  /** Only these indicators (what a department's user may see); every indicator when absent. */
  indicators?: ReadonlySet<string>;
  /** The user it is made for (the server's): the report shows only the qualitative goals the user may see. */
  who?: Principal;
  /** Statistical tables: also list the townships. */
  townships?: boolean;
  now?: Date;
}

export interface ReportFile {
  content: Buffer;
  fileName: string;
  mimeType: string;
  meta: ReportMeta;
}

/** The formats a kind of report is written in: the statistical tables are a workbook only. */
export function formatsOf(kind: ReportRequestKind): readonly ReportFormat[] {
  return kind === 'tables' ? ['xlsx'] : REPORT_FORMATS;
}

export function checkFormat(kind: ReportRequestKind, format: ReportFormat): void {
  if (!formatsOf(kind).includes(format)) {
    throw invalid(`${REPORT_KIND_LABELS[kind]}只能生成 ${formatsOf(kind).join('、')} 格式`);
  }
}

export async function generateReport(db: Db, plan: Plan, request: ReportRequest): Promise<ReportFile> {
  checkFormat(request.kind, request.format);
  if (request.kind === 'tables') {
    const tables = await buildStatisticalTables(db, plan, {
      year: request.year,
      orgUnit: request.orgUnit,
      data: request.data,
      indicators: request.indicators,
      townships: request.townships,
      scopeNote: await scopeNote(db, request, '本资料'),
      now: request.now,
    });
    return file(tables.meta, request.format, await writeStatisticalTablesXlsx(tables));
  }
  const report = await buildModel(db, plan, request.kind, request);
  const note = await scopeNote(db, request, '本报告');
  if (note) report.preamble.unshift({ text: note });
  return file(report.meta, request.format, await write(report, request.format));
}

/** A report of some indicators only says so first: a reader must not take it for the whole plan's. */
async function scopeNote(db: Db, request: ReportRequest, what: string): Promise<string | null> {
  if (!request.indicators) return null;
  const department = request.who?.departmentCode ?? null;
  const name = department === null ? null : ((await getDepartmentNames(db)).get(department) ?? department);
  return `${what}仅包含${name === null ? '选定的' : `${name}牵头或配合的`}${request.indicators.size}项监测指标,不反映规划全部指标的情况。`;
}

async function buildModel(db: Db, plan: Plan, kind: Exclude<ReportRequestKind, 'tables'>, request: ReportRequest): Promise<Report> {
  const options = {
    year: request.year,
    orgUnit: request.orgUnit,
    data: request.data,
    indicators: request.indicators,
    who: request.who,
    now: request.now,
  };
  switch (kind) {
    case 'annual':
      return buildAnnualReport(db, plan, options);
    case 'midterm':
    case 'final':
      return buildEvaluationReport(db, plan, { ...options, kind });
    case 'counties':
      return buildCountyComparisonReport(db, plan, options);
  }
}

async function write(report: Report, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return writeDocx(report);
    case 'html':
      return Buffer.from(writeHtml(report), 'utf8');
    case 'xlsx':
      return writeReportXlsx(report);
  }
}

function file(meta: ReportMeta, format: ReportFormat, content: Buffer): ReportFile {
  return { content, fileName: reportFileName(meta, format), mimeType: MIME_TYPES[format], meta };
}

/** The title, 草稿 when it is one, and the extension: what the statistician would have named it. */
export function reportFileName(meta: ReportMeta, format: ReportFormat): string {
  return `${meta.title}${meta.draft ? '(草稿)' : ''}.${format}`;
}
