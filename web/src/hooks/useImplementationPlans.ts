/** /api/implementation-plans: who has sent its implementation plan (实施方案), and the upload. */
import { api, query, upload } from '../api/client';
import { useApi } from './useApi';

export interface PlanFile {
  id: number;
  fileName: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface PlanRow {
  departmentCode: string;
  departmentName: string;
  orgUnitCode: string;
  orgUnitName: string;
  uploaded: boolean;
  latest: PlanFile | null;
  files: PlanFile[];
}

export interface PlanTable {
  year: number;
  rows: PlanRow[];
  totals: { expected: number; uploaded: number };
}

/** What the server accepts (src/app/implementationPlans.ts). */
export const PLAN_FILE_ACCEPT = '.pdf,.doc,.docx,.wps,.ofd,.xls,.xlsx,.jpg,.jpeg,.png';

export function useImplementationPlans(year: number | null, org?: string, department?: string) {
  return useApi<PlanTable>(year === null ? null : `/api/implementation-plans${query({ year, org, department })}`);
}

export function uploadImplementationPlan(year: number, department: string, orgUnit: string, file: File) {
  const fd = new FormData();
  // Fields before the file: the server reads them as the stream arrives.
  fd.append('department', department);
  fd.append('orgUnit', orgUnit);
  fd.append('year', String(year));
  fd.append('file', file, file.name);
  return upload<PlanFile>('/api/implementation-plans', fd);
}

export const fileUrl = (id: number) => `/api/files/${id}`;
export const deleteFile = (id: number) => api<{ ok: true }>('DELETE', fileUrl(id));
