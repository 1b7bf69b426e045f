/**
 * Qualitative goals as the API and the reports present them: each item with who is responsible
 * in the year, the lead department's report and evidence, and the evaluation group's rating.
 */
import { createHash } from 'node:crypto';
import {
  decodeRatingRecord,
  isQualitativeRating,
  qualitativeItems,
  summarizeRatings,
  type DomainRatingSummary,
  type QualitativeItem,
  type QualitativeRating,
} from '../core/plan/qualitative.js';
import type { Plan } from '../core/plan/types.js';
import { PLAN_ITEM_KIND_LABELS, RATING_LABELS } from '../core/phrasing/qualitativeLabels.js';
import type { Db } from '../db/dialect.js';
import { getResponsibilities, type Responsibility } from './responsibilities.js';
import {
  getDepartmentNames,
  getDisplayNames,
  getEvidenceList,
  getHistory,
  getRatings,
  getReports,
  insertEvidence,
  type EvidenceMeta,
  type RatingKey,
  type ReportKey,
} from '../db/repositories/qualitative.js';

export interface NamedDepartment {
  code: string;
  name: string;
}

export interface EvidenceView {
  id: number;
  name: string;
  size: number;
  type: string;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface ReportView {
  text: string;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
}

export interface RatingView {
  rating: string;
  label: string;
  comment: string;
  ratedBy: string;
  ratedByName: string;
  ratedAt: string;
}

export interface QualitativeItemView extends QualitativeItem {
  kindLabel: string;
  lead: NamedDepartment | null;
  cooperating: NamedDepartment[];
  /** The lead department's report; evidence is listed apart, as it may come before the text. */
  report: ReportView | null;
  evidence: EvidenceView[];
  rating: RatingView | null;
}

/** Which items a caller is shown: the route's permission check, handed the item's responsibility. */
export type ItemFilter = (item: QualitativeItem, responsibility: Responsibility) => boolean;

export function ratingLabel(rating: string): string {
  return isQualitativeRating(rating) ? RATING_LABELS[rating] : rating;
}

export function evidenceView(f: EvidenceMeta, names: ReadonlyMap<string, string>): EvidenceView {
  return {
    id: f.id,
    name: f.fileName,
    size: f.size,
    type: f.mimeType,
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedByName: names.get(f.uploadedBy) ?? f.uploadedBy,
    uploadedAt: f.uploadedAt,
  };
}

/** The qualitative items of a unit and year that pass `include`, in plan order, with report, evidence and rating. */
export async function listQualitative(
  db: Db,
  plan: Plan,
  year: number,
  orgUnitCode: string,
  include: ItemFilter,
): Promise<QualitativeItemView[]> {
  const responsibilities = await getResponsibilities(db, year);
  const responsibility = (code: string): Responsibility => responsibilities.get(code) ?? { lead: null, cooperate: [] };
  const items = qualitativeItems(plan).filter((item) => include(item, responsibility(item.code)));
  if (items.length === 0) return [];

  const [reports, ratings, evidence, departments] = await Promise.all([
    getReports(db, year, orgUnitCode),
    getRatings(db, year, orgUnitCode),
    getEvidenceList(db, year, orgUnitCode),
    getDepartmentNames(db),
  ]);
  const users = await getDisplayNames(db, [
    ...reports.map((r) => r.updatedBy),
    ...ratings.map((r) => r.ratedBy),
    ...evidence.map((f) => f.uploadedBy),
  ]);
  const userName = (u: string): string => users.get(u) ?? u;
  const named = (code: string): NamedDepartment => ({ code, name: departments.get(code) ?? code });
  const key = (item: string, dept: string): string => `${item}\u0000${dept}`;
  const reportOf = new Map(reports.map((r) => [key(r.itemCode, r.departmentCode), r]));
  const ratingOf = new Map(ratings.map((r) => [r.itemCode, r]));
  const evidenceOf = new Map<string, EvidenceMeta[]>();
  for (const f of evidence) {
    const k = key(f.itemCode, f.departmentCode);
    evidenceOf.set(k, [...(evidenceOf.get(k) ?? []), f]);
  }

  return items.map((item) => {
    const r = responsibility(item.code);
    // Only the lead's report counts: a report written under an earlier division of work stays stored but is not shown.
    const report = r.lead === null ? undefined : reportOf.get(key(item.code, r.lead));
    const rating = ratingOf.get(item.code);
    return {
      ...item,
      kindLabel: PLAN_ITEM_KIND_LABELS[item.kind],
      lead: r.lead === null ? null : named(r.lead),
      cooperating: r.cooperate.map(named),
      report: report
        ? { text: report.text, updatedBy: report.updatedBy, updatedByName: userName(report.updatedBy), updatedAt: report.updatedAt }
        : null,
      evidence: r.lead === null ? [] : (evidenceOf.get(key(item.code, r.lead)) ?? []).map((f) => evidenceView(f, users)),
      rating: rating
        ? {
            rating: rating.rating,
            label: ratingLabel(rating.rating),
            comment: rating.comment,
            ratedBy: rating.ratedBy,
            ratedByName: userName(rating.ratedBy),
            ratedAt: rating.ratedAt,
          }
        : null,
    };
  });
}

export interface QualitativeSummary {
  domains: DomainRatingSummary[];
  total: Omit<DomainRatingSummary, 'domain' | 'domainName'>;
}

/** Per domain, how many of the items passing `include` were reported and got each rating. */
export async function summarizeQualitative(
  db: Db,
  plan: Plan,
  year: number,
  orgUnitCode: string,
  include: ItemFilter,
): Promise<QualitativeSummary> {
  const responsibilities = await getResponsibilities(db, year);
  const items = qualitativeItems(plan).filter((item) => include(item, responsibilities.get(item.code) ?? { lead: null, cooperate: [] }));
  const [reports, ratings] = await Promise.all([getReports(db, year, orgUnitCode), getRatings(db, year, orgUnitCode)]);
  const ratingOf = new Map<string, QualitativeRating>();
  for (const r of ratings) if (isQualitativeRating(r.rating)) ratingOf.set(r.itemCode, r.rating);
  const reported = new Set(
    reports.filter((r) => r.text.trim() !== '' && responsibilities.get(r.itemCode)?.lead === r.departmentCode).map((r) => r.itemCode),
  );
  return summarizeRatings(items, ratingOf, reported);
}

export interface HistoryEntryView {
  id: number;
  kind: 'report' | 'rating';
  kindLabel: string;
  department: NamedDepartment | null;
  /** The report's text as written at that time (kind report). */
  text: string | null;
  /** The rating and comment given at that time (kind rating). */
  rating: string | null;
  ratingLabel: string | null;
  comment: string | null;
  changedBy: string;
  changedByName: string;
  changedAt: string;
}

/** Every text and rating written for the item at the unit in the year, oldest first. */
export async function qualitativeHistory(db: Db, key: RatingKey): Promise<HistoryEntryView[]> {
  const rows = await getHistory(db, key);
  const [departments, users] = await Promise.all([
    getDepartmentNames(db),
    getDisplayNames(
      db,
      rows.map((r) => r.changedBy),
    ),
  ]);
  return rows.map((r) => {
    const rating = r.kind === 'rating' ? decodeRatingRecord(r.newText) : null;
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: r.kind === 'report' ? '进展情况' : '评估结论',
      department:
        r.departmentCode === null ? null : { code: r.departmentCode, name: departments.get(r.departmentCode) ?? r.departmentCode },
      text: r.kind === 'report' ? r.newText : null,
      rating: rating?.rating ?? null,
      ratingLabel: rating ? RATING_LABELS[rating.rating] : null,
      comment: rating?.comment ?? null,
      changedBy: r.changedBy,
      changedByName: users.get(r.changedBy) ?? r.changedBy,
      changedAt: r.changedAt,
    };
  });
}

/** Stores an accepted evidence file with its SHA-256 (to tell copies apart in an audit) and presents it. */
export async function storeEvidence(
  db: Db,
  key: ReportKey,
  file: { fileName: string; mimeType: string; content: Uint8Array },
  by: { username: string; displayName: string },
  at: string,
): Promise<EvidenceView> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const id = await insertEvidence(db, { ...key, ...file, sha256, uploadedBy: by.username, uploadedAt: at });
  return {
    id,
    name: file.fileName,
    size: file.content.length,
    type: file.mimeType,
    sha256,
    uploadedBy: by.username,
    uploadedByName: by.displayName,
    uploadedAt: at,
  };
}
