/** /api/qualitative: the qualitative goals and measures (定性目标), their progress reports, evidence and ratings. */
import { api, query, upload } from '../api/client';
import { useApi } from './useApi';

export interface NamedCode {
  code: string;
  name: string;
}

export interface Evidence {
  id: number;
  name: string;
  size: number;
  type: string;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface QualitativeItem {
  code: string;
  kind: 'goal' | 'measure';
  kindLabel: string;
  domain: string;
  domainName: string;
  number: number;
  text: string;
  lead: NamedCode | null;
  cooperating: NamedCode[];
  report: { text: string; updatedBy: string; updatedByName: string; updatedAt: string } | null;
  evidence: Evidence[];
  rating: { rating: string; label: string; comment: string; ratedBy: string; ratedByName: string; ratedAt: string } | null;
  mayWrite: boolean;
  mayRate: boolean;
}

export interface RatingOption {
  value: string;
  label: string;
}

export interface QualitativeList {
  year: number;
  org: NamedCode;
  department: string | null;
  ratings: RatingOption[];
  items: QualitativeItem[];
}

export interface RatingCounts {
  achieved: number;
  on_track: number;
  needs_acceleration: number;
  off_track: number;
  not_assessed: number;
  unrated: number;
}

export interface QualitativeSummary {
  year: number;
  org: NamedCode;
  ratings: RatingOption[];
  domains: { domain: string; domainName: string; items: number; reported: number; counts: RatingCounts }[];
  total: { items: number; reported: number; counts: RatingCounts };
}

export interface HistoryEntry {
  id: number;
  kind: 'report' | 'rating';
  kindLabel: string;
  department: NamedCode | null;
  text: string | null;
  rating: string | null;
  ratingLabel: string | null;
  comment: string | null;
  changedBy: string;
  changedByName: string;
  changedAt: string;
}

export function useQualitative(year: number | null, org: string | undefined, department: string | undefined) {
  return useApi<QualitativeList>(year === null ? null : `/api/qualitative${query({ year, org, department })}`);
}

export function useQualitativeSummary(year: number | null, org: string | undefined) {
  return useApi<QualitativeSummary>(year === null ? null : `/api/qualitative/summary${query({ year, org })}`);
}

const itemUrl = (year: number, org: string, item: string) =>
  `/api/qualitative/${year}/${encodeURIComponent(org)}/${encodeURIComponent(item)}`;

export function useQualitativeHistory(year: number, org: string, item: string | null) {
  return useApi<{ entries: HistoryEntry[] }>(item === null ? null : `${itemUrl(year, org, item)}/history`);
}

export const saveReport = (year: number, org: string, item: string, text: string) =>
  api<QualitativeItem>('PUT', `${itemUrl(year, org, item)}/report`, { text });

export const saveRating = (year: number, org: string, item: string, rating: string, comment: string) =>
  api<QualitativeItem>('PUT', `${itemUrl(year, org, item)}/rating`, { rating, comment });

export function uploadEvidence(year: number, org: string, item: string, file: File) {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return upload<Evidence>(`${itemUrl(year, org, item)}/evidence`, fd);
}

export const evidenceUrl = (id: number) => `/api/qualitative/evidence/${id}`;
export const deleteEvidence = (id: number) => api<{ ok: true }>('DELETE', evidenceUrl(id));
