/** GET /api/reports/{kind}: the report files (the page downloads them; nothing to keep in state). */
import { query } from '../api/client';

export type ReportKind = 'annual' | 'midterm' | 'final' | 'counties' | 'tables';
export type ReportFormat = 'docx' | 'html' | 'xlsx';
export type ReportData = 'approved' | 'all';

export interface ReportRequest {
  kind: ReportKind;
  year: number;
  org: string;
  format: ReportFormat;
  data: ReportData;
}

export function reportUrl(r: ReportRequest): string {
  return `/api/reports/${r.kind}${query({ year: r.year, org: r.org, format: r.format, data: r.data })}`;
}
