/**
 * Qualitative goals' reports, ratings, evidence files and their history (methodology.md §6).
 * A report belongs to (item, department, unit, year); a rating to (item, unit, year).
 */
import { encodeRatingRecord, type RatingRecord } from '../../core/plan/qualitative.js';
import type { Db } from '../dialect.js';

export const EVIDENCE_KIND = 'evidence';

export interface ReportKey {
  itemCode: string;
  departmentCode: string;
  orgUnitCode: string;
  year: number;
}

export interface RatingKey {
  itemCode: string;
  orgUnitCode: string;
  year: number;
}

export interface ReportRow {
  itemCode: string;
  departmentCode: string;
  text: string;
  updatedBy: string;
  updatedAt: string;
}

export interface RatingRow {
  itemCode: string;
  rating: string;
  comment: string;
  ratedBy: string;
  ratedAt: string;
}

/** An evidence file without its bytes. */
export interface EvidenceMeta {
  id: number;
  itemCode: string;
  departmentCode: string;
  orgUnitCode: string;
  year: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface HistoryRow {
  id: number;
  kind: 'report' | 'rating';
  departmentCode: string | null;
  oldText: string | null;
  newText: string;
  changedBy: string;
  changedAt: string;
}

/** Every department's report of a unit and year. */
export async function getReports(db: Db, year: number, orgUnitCode: string): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('qualitative_report')
    .select(['item_code', 'department_code', 'text', 'updated_by', 'updated_at'])
    .where('year', '=', year)
    .where('org_unit_code', '=', orgUnitCode)
    .execute();
  return rows.map((r) => ({
    itemCode: r.item_code,
    departmentCode: r.department_code,
    text: r.text,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

export async function getRatings(db: Db, year: number, orgUnitCode: string): Promise<RatingRow[]> {
  const rows = await db
    .selectFrom('qualitative_rating')
    .select(['item_code', 'rating', 'comment', 'rated_by', 'rated_at'])
    .where('year', '=', year)
    .where('org_unit_code', '=', orgUnitCode)
    .execute();
  return rows.map((r) => ({ itemCode: r.item_code, rating: r.rating, comment: r.comment, ratedBy: r.rated_by, ratedAt: r.rated_at }));
}

const EVIDENCE_COLUMNS = [
  'id',
  'item_code',
  'department_code',
  'org_unit_code',
  'year',
  'file_name',
  'mime_type',
  'size',
  'sha256',
  'uploaded_by',
  'uploaded_at',
] as const;

type EvidenceSelect = {
  id: number;
  item_code: string | null;
  department_code: string;
  org_unit_code: string;
  year: number;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
};

function evidenceMeta(r: EvidenceSelect): EvidenceMeta {
  return {
    id: Number(r.id),
    itemCode: r.item_code ?? '',
    departmentCode: r.department_code,
    orgUnitCode: r.org_unit_code,
    year: Number(r.year),
    fileName: r.file_name,
    mimeType: r.mime_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

/** The evidence files of a unit and year that are not deleted, oldest first. */
export async function getEvidenceList(db: Db, year: number, orgUnitCode: string): Promise<EvidenceMeta[]> {
  const rows = await db
    .selectFrom('stored_file')
    .select(EVIDENCE_COLUMNS)
    .where('kind', '=', EVIDENCE_KIND)
    .where('year', '=', year)
    .where('org_unit_code', '=', orgUnitCode)
    .where('deleted_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(evidenceMeta);
}

/** An evidence file that is not deleted, without its bytes. */
export async function findEvidence(db: Db, id: number): Promise<EvidenceMeta | undefined> {
  const row = await db
    .selectFrom('stored_file')
    .select(EVIDENCE_COLUMNS)
    .where('id', '=', id)
    .where('kind', '=', EVIDENCE_KIND)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? evidenceMeta(row) : undefined;
}

export async function readEvidenceContent(db: Db, id: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('stored_file')
    .select('content')
    .where('id', '=', id)
    .where('kind', '=', EVIDENCE_KIND)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.content;
}

export interface NewEvidence extends ReportKey {
  fileName: string;
  mimeType: string;
  sha256: string;
  content: Uint8Array;
  uploadedBy: string;
  uploadedAt: string;
}

export async function insertEvidence(db: Db, f: NewEvidence): Promise<number> {
  const row = await db
    .insertInto('stored_file')
    .values({
      kind: EVIDENCE_KIND,
      department_code: f.departmentCode,
      org_unit_code: f.orgUnitCode,
      year: f.year,
      item_code: f.itemCode,
      file_name: f.fileName,
      mime_type: f.mimeType,
      size: f.content.length,
      sha256: f.sha256,
      content: f.content,
      uploaded_by: f.uploadedBy,
      uploaded_at: f.uploadedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Marks the file deleted; its bytes stay for the audit. False when it was already gone. */
export async function softDeleteEvidence(db: Db, id: number, by: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('stored_file')
    .set({ deleted_at: at, deleted_by: by })
    .where('id', '=', id)
    .where('kind', '=', EVIDENCE_KIND)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Writes the report and keeps the change in the history; nothing is written when the text is the same. */
export async function saveReport(db: Db, key: ReportKey, text: string, by: string, at: string): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('qualitative_report')
      .select('text')
      .where('item_code', '=', key.itemCode)
      .where('department_code', '=', key.departmentCode)
      .where('org_unit_code', '=', key.orgUnitCode)
      .where('year', '=', key.year)
      .executeTakeFirst();
    if (old?.text === text) return { changed: false };
    await trx
      .insertInto('qualitative_report')
      .values({
        item_code: key.itemCode,
        department_code: key.departmentCode,
        org_unit_code: key.orgUnitCode,
        year: key.year,
        text,
        updated_by: by,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['item_code', 'department_code', 'org_unit_code', 'year']).doUpdateSet({ text, updated_by: by, updated_at: at }),
      )
      .execute();
    await trx
      .insertInto('qualitative_history')
      .values({
        kind: 'report',
        item_code: key.itemCode,
        department_code: key.departmentCode,
        org_unit_code: key.orgUnitCode,
        year: key.year,
        old_text: old?.text ?? null,
        new_text: text,
        changed_by: by,
        changed_at: at,
      })
      .execute();
    return { changed: true };
  });
}

/** Writes the rating and keeps the change in the history (as encodeRatingRecord text). */
export async function saveRating(db: Db, key: RatingKey, record: RatingRecord, by: string, at: string): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('qualitative_rating')
      .select(['rating', 'comment'])
      .where('item_code', '=', key.itemCode)
      .where('org_unit_code', '=', key.orgUnitCode)
      .where('year', '=', key.year)
      .executeTakeFirst();
    if (old && old.rating === record.rating && old.comment === record.comment) return { changed: false };
    await trx
      .insertInto('qualitative_rating')
      .values({
        item_code: key.itemCode,
        org_unit_code: key.orgUnitCode,
        year: key.year,
        rating: record.rating,
        comment: record.comment,
        rated_by: by,
        rated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['item_code', 'org_unit_code', 'year'])
          .doUpdateSet({ rating: record.rating, comment: record.comment, rated_by: by, rated_at: at }),
      )
      .execute();
    await trx
      .insertInto('qualitative_history')
      .values({
        kind: 'rating',
        item_code: key.itemCode,
        department_code: null,
        org_unit_code: key.orgUnitCode,
        year: key.year,
        old_text: old ? encodeRatingRecord(old) : null,
        new_text: encodeRatingRecord(record),
        changed_by: by,
        changed_at: at,
      })
      .execute();
    return { changed: true };
  });
}

/** Every change of the item's reports and rating at a unit and year, oldest first. */
export async function getHistory(db: Db, key: RatingKey): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('qualitative_history')
    .select(['id', 'kind', 'department_code', 'old_text', 'new_text', 'changed_by', 'changed_at'])
    .where('item_code', '=', key.itemCode)
    .where('org_unit_code', '=', key.orgUnitCode)
    .where('year', '=', key.year)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    departmentCode: r.department_code,
    oldText: r.old_text,
    newText: r.new_text,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}

/** Department code → name, for presenting. */
export async function getDepartmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('department').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Username → display name of the given users, for presenting who wrote what. */
export async function getDisplayNames(db: Db, usernames: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(usernames)];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['username', 'display_name']).where('username', 'in', list).execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}
