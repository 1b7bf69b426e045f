/**
 * Implementation plans (实施方案, plan §三(二)): each member department makes one for its unit and
 * sends it to the office. Stored in the database with their SHA-256; who sent what is a table.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../core/access/roles.js';
import type { OrgScope } from '../core/access/scope.js';
import { checkFileType, cleanFileName, type FileExtension } from '../core/validate/fileType.js';
import type { Db } from '../db/dialect.js';
import type { OrgDirectory } from '../db/queries/getOrgTree.js';
import { listDepartments } from '../db/repositories/departments.js';
import { insertStoredFile, listStoredFiles, type StoredFileMeta } from '../db/repositories/storedFiles.js';
import type { Actor } from './actor.js';
import { invalid } from './appError.js';
import { reportingUnitsUnder } from './reportingUnits.js';

export const IMPLEMENTATION_PLAN_KIND = 'implementation_plan';

/** Documents, spreadsheets and scans: what offices send; plain text is not a plan. */
export const IMPLEMENTATION_PLAN_EXTENSIONS: readonly FileExtension[] = [
  'pdf',
  'doc',
  'docx',
  'wps',
  'ofd',
  'xls',
  'xlsx',
  'jpg',
  'jpeg',
  'png',
];

export interface PlanOwner {
  departmentCode: string;
  orgUnitCode: string;
  year: number;
}

export async function storeImplementationPlan(
  db: Db,
  actor: Actor,
  owner: PlanOwner,
  file: { name: string; content: Buffer },
): Promise<StoredFileMeta> {
  const department = (await listDepartments(db)).find((d) => d.code === owner.departmentCode);
  if (!department) throw invalid(`成员单位代码“${owner.departmentCode}”不存在`);
  if (!department.active) throw invalid(`成员单位“${department.name}”已停用`);
  const check = checkFileType(file.name, file.content, IMPLEMENTATION_PLAN_EXTENSIONS);
  if (!check.ok) throw invalid(check.reason);
  const meta = {
    kind: IMPLEMENTATION_PLAN_KIND,
    departmentCode: owner.departmentCode,
    orgUnitCode: owner.orgUnitCode,
    year: owner.year,
    fileName: cleanFileName(file.name).slice(-200),
    mimeType: check.mimeType,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    uploadedBy: actor.principal.username,
    uploadedAt: actor.at,
  };
  const id = await insertStoredFile(db, { ...meta, content: file.content });
  return { id, size: file.content.length, ...meta };
}

export interface PlanFileView {
  id: number;
  fileName: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ImplementationPlanRow {
  departmentCode: string;
  departmentName: string;
  orgUnitCode: string;
  orgUnitName: string;
  uploaded: boolean;
  /** The newest file; null when none was sent. */
  latest: PlanFileView | null;
  /** Every file sent and not deleted, newest first. */
  files: PlanFileView[];
}

/**
 * Who has sent a plan for `year`: every active department × every reporting unit under `root`.
 * A department's user sees its own department only.
 */
export async function implementationPlanTable(
  db: Db,
  org: OrgDirectory,
  scope: OrgScope,
  p: Principal,
  year: number,
  root: string,
  department?: string,
): Promise<ImplementationPlanRow[]> {
  const units = reportingUnitsUnder(org, scope, root);
  const departments = (await listDepartments(db)).filter(
    (d) => d.active && (p.role !== 'department' || d.code === p.departmentCode) && (department === undefined || d.code === department),
  );
  const files = new Map<string, PlanFileView[]>();
  for (const f of await listStoredFiles(db, IMPLEMENTATION_PLAN_KIND, year)) {
    const key = `${f.departmentCode}\t${f.orgUnitCode}`;
    const list = files.get(key) ?? [];
    list.push({ id: f.id, fileName: f.fileName, size: f.size, uploadedBy: f.uploadedBy, uploadedAt: f.uploadedAt });
    files.set(key, list);
  }
  const rows: ImplementationPlanRow[] = [];
  for (const d of departments) {
    for (const u of units) {
      const sent = files.get(`${d.code}\t${u.code}`) ?? [];
      rows.push({
        departmentCode: d.code,
        departmentName: d.name,
        orgUnitCode: u.code,
        orgUnitName: u.name,
        uploaded: sent.length > 0,
        latest: sent[0] ?? null,
        files: sent,
      });
    }
  }
  return rows;
}
