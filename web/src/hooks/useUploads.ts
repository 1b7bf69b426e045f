/** Excel and CSV: the template to fill, the preview of an uploaded file, and its import. */
import { api, query, upload } from '../api/client';

export interface UploadChange {
  indicator: string;
  indicatorName: string;
  orgUnit: string;
  orgUnitName: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
  old: number | null;
  new: number;
  kind: 'insert' | 'update' | 'unchanged';
}

export interface UploadError {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  message: string;
}

export interface UploadPreview {
  /** null when the file has errors: nothing can be imported. */
  token: string | null;
  fileName: string;
  counts: { inserted: number; updated: number; unchanged: number; rows: number };
  changes: UploadChange[];
  errors: UploadError[];
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
