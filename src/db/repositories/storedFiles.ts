/** Uploaded files kept in the database (implementation plans); deletion only marks them. */
import type { Db } from '../dialect.js';

export interface StoredFileMeta {
  id: number;
  kind: string;
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

export interface NewStoredFile extends Omit<StoredFileMeta, 'id' | 'size'> {
  content: Uint8Array;
}

const META = [
  'id',
  'kind',
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

type MetaRow = {
  id: number;
  kind: string;
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

function metaOf(r: MetaRow): StoredFileMeta {
  return {
    id: Number(r.id),
    kind: r.kind,
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

export async function insertStoredFile(db: Db, f: NewStoredFile): Promise<number> {
  const row = await db
    .insertInto('stored_file')
    .values({
      kind: f.kind,
      department_code: f.departmentCode,
      org_unit_code: f.orgUnitCode,
      year: f.year,
      item_code: null,
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

/** The files of a kind and year that are not deleted, newest first. */
export async function listStoredFiles(db: Db, kind: string, year: number): Promise<StoredFileMeta[]> {
  const rows = await db
    .selectFrom('stored_file')
    .select(META)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(metaOf);
}

/** A file that is not deleted, without its bytes. */
export async function findStoredFile(db: Db, id: number): Promise<StoredFileMeta | undefined> {
  const row = await db.selectFrom('stored_file').select(META).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? metaOf(row) : undefined;
}

export async function readStoredFileContent(db: Db, id: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('stored_file').select('content').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.content;
}

/** Marks the file deleted; its bytes stay for the audit. False when it was already gone. */
export async function softDeleteStoredFile(db: Db, id: number, by: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('stored_file')
    .set({ deleted_at: at, deleted_by: by })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
