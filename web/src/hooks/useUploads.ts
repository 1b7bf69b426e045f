/** Excel and CSV: the template to fill, the preview of an uploaded file, and its import. */
import { api, query, upload } from '../api/client';

export interface UploadChange {
  /** The row of the file it comes from. */
  row: number;
  indicator: string;
  indicatorName: string;
  orgUnit: string;
  orgUnitName: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
  /** 合计, 男, 城镇·女 … */
  label: string;
  old: number | null;
  new: number;
  kind: 'insert' | 'update' | 'unchanged';
}

/** An error or warning at a place in the file (sheet and cell are null for a CSV file). */
export interface UploadIssue {
  sheet: string | null;
  row: number;
  column: string | null;
  cell: string | null;
  /** 「填报表」第 12 行 K 列 */
  location: string;
  message: string;
}

export interface UploadPreview {
  /** null when the file has errors: nothing can be imported. */
  token: string | null;
  fileName: string;
  sheet: string | null;
  department: string;
  year: number | null;
  counts: { rows: number; inserted: number; updated: number; unchanged: number; skipped: number; errors: number };
  changes: UploadChange[];
  /** At most 1000; counts.errors has the total. */
  errors: UploadIssue[];
  /** Changes of more than half against last year and the like: to check, not refused. */
  warnings: UploadIssue[];
  /** Columns read past (names, units, last year's values). */
  ignoredColumns: string[];
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** GET /api/templates: the .xlsx to fill for a department, year and units. */
export const templateUrl = (department: string, year: number, orgs: string[]) =>
  `/api/templates${query({ department, year, orgs: orgs.join(',') })}`;

/** POST /api/uploads/preview: reads the file and tells what importing it would change; writes nothing. */
export function previewUpload(file: File, department: string | null): Promise<UploadPreview> {
  const form = new FormData();
  if (department) form.append('department', department);
  form.append('file', file);
  return upload<UploadPreview>('/api/uploads/preview', form);
}

/** POST /api/uploads/{token}/confirm: imports the previewed file, all or nothing. */
export const confirmUpload = (token: string, reason: string) =>
  api<ImportResult>('POST', `/api/uploads/${encodeURIComponent(token)}/confirm`, { reason });
