/**
 * Qualitative goals (定性目标, methodology.md §6): the goals and measures no indicator monitors.
 * Their lead department writes its progress each year and the evaluation group rates it; the
 * ratings are counted on their own, never with the indicators.
 */
import type { DomainCode, Plan } from './types.js';

export const QUALITATIVE_RATINGS = ['achieved', 'on_track', 'needs_acceleration', 'off_track', 'not_assessed'] as const;
export type QualitativeRating = (typeof QUALITATIVE_RATINGS)[number];

export function isQualitativeRating(text: string): text is QualitativeRating {
  return (QUALITATIVE_RATINGS as readonly string[]).includes(text);
}

export type PlanItemKind = 'goal' | 'measure';

export interface QualitativeItem {
  code: string;
  kind: PlanItemKind;
  domain: DomainCode;
  domainName: string;
  number: number;
  text: string;
}

/** A goal or measure of the plan looked up by code, and whether an indicator monitors it. */
export type PlanItemLookup = { found: false } | { found: true; item: QualitativeItem; monitoredBy: string[] };

/** Every goal and measure of the plan in plan order, with the indicators that monitor each. */
function planItems(plan: Plan): { item: QualitativeItem; monitoredBy: string[] }[] {
  const byRef = new Map<string, string[]>();
  for (const ind of plan.indicators) byRef.set(ind.planRef, [...(byRef.get(ind.planRef) ?? []), ind.code]);
  const out: { item: QualitativeItem; monitoredBy: string[] }[] = [];
  for (const d of plan.domains) {
    for (const [kind, list] of [
      ['goal', d.goals],
      ['measure', d.measures],
    ] as const) {
      for (const g of list) {
        out.push({
          item: { code: g.code, kind, domain: d.code, domainName: d.name, number: g.number, text: g.text },
          monitoredBy: byRef.get(g.code) ?? [],
        });
      }
    }
  }
  return out;
}

/** The goals and measures without an indicator, in plan order (domain, goals, then measures). */
export function qualitativeItems(plan: Plan): QualitativeItem[] {
  return planItems(plan)
    .filter((x) => x.monitoredBy.length === 0)
    .map((x) => x.item);
}

export function lookupPlanItem(plan: Plan, code: string): PlanItemLookup {
  const hit = planItems(plan).find((x) => x.item.code === code);
  return hit ? { found: true, ...hit } : { found: false };
}

/** The counts of one domain (or all) for the summary: one per rating, and the unrated items. */
export type RatingCounts = Record<QualitativeRating | 'unrated', number>;

export interface DomainRatingSummary {
  domain: DomainCode;
  domainName: string;
  items: number;
  reported: number;
  counts: RatingCounts;
}

const zeroCounts = (): RatingCounts => ({
  achieved: 0,
  on_track: 0,
  needs_acceleration: 0,
  off_track: 0,
  not_assessed: 0,
  unrated: 0,
});

/**
 * Counts per domain of the given items: how many have a report and how many got each rating.
 * Ratings of other items (say, one that has since got an indicator) are not counted.
 */
export function summarizeRatings(
  items: readonly QualitativeItem[],
  ratings: ReadonlyMap<string, QualitativeRating>,
  reported: ReadonlySet<string>,
): { domains: DomainRatingSummary[]; total: Omit<DomainRatingSummary, 'domain' | 'domainName'> } {
  const domains = new Map<DomainCode, DomainRatingSummary>();
  const total = { items: 0, reported: 0, counts: zeroCounts() };
  for (const item of items) {
    let d = domains.get(item.domain);
    if (!d) {
      d = { domain: item.domain, domainName: item.domainName, items: 0, reported: 0, counts: zeroCounts() };
      domains.set(item.domain, d);
    }
    const key = ratings.get(item.code) ?? 'unrated';
    for (const s of [d, total]) {
      s.items++;
      if (reported.has(item.code)) s.reported++;
      s.counts[key]++;
    }
  }
  return { domains: [...domains.values()], total };
}

/** What a rating's history entry holds (qualitative_history.new_text/old_text of kind 'rating'). */
export interface RatingRecord {
  rating: QualitativeRating;
  comment: string;
}

export function encodeRatingRecord(r: { rating: string; comment: string }): string {
  return JSON.stringify({ rating: r.rating, comment: r.comment });
}

/** The record written by encodeRatingRecord; a damaged one is read as not assessed, its text as the comment. */
export function decodeRatingRecord(text: string): RatingRecord {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && 'rating' in v && 'comment' in v) {
      const { rating, comment } = v;
      if (typeof rating === 'string' && isQualitativeRating(rating) && typeof comment === 'string') return { rating, comment };
    }
  } catch {
    // falls through to the plain reading below
  }
  return { rating: 'not_assessed', comment: text };
}

export const MAX_REPORT_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 5_000;

/**
 * Why a text cannot be stored, in Chinese; null when it can. `what` names the field
 * (进展情况, 评估意见). Characters are counted as people count them, not in UTF-16 units.
 */
export function textProblem(text: string, what: string, max: number, required: boolean): string | null {
  if (required && text.trim() === '') return `${what}不能为空`;
  const length = [...text].length;
  if (length > max) return `${what}不能超过 ${max} 字(现为 ${length} 字)`;
  // PostgreSQL text cannot hold NUL; it comes only from broken copy and paste.
  if (text.includes('\u0000')) return `${what}含有不可见的控制字符(NUL),请删除后重试`;
  return null;
}
