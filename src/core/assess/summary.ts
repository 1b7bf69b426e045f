/** Summary figures per domain and overall, with 达标率 (methodology.md §7). */
import type { Status } from './types.js';

export interface AssessedItem {
  domain: string;
  status: Status;
}

export type StatusCounts = Record<Status, number>;

export interface StatusSummary {
  /** Indicators in each status. */
  counts: StatusCounts;
  /** Every item counted. */
  total: number;
  /** Items with a status other than insufficient_data and not_assessed. */
  assessed: number;
  achieved: number;
  /** 达标率 = achieved / assessed; null when nothing was assessed. */
  achievementRate: number | null;
}

export interface DomainSummary extends StatusSummary {
  domain: string;
}

export interface AssessmentSummary {
  /** One entry per domain, in order of first appearance. */
  domains: DomainSummary[];
  overall: StatusSummary;
}

function emptyCounts(): StatusCounts {
  return {
    achieved: 0,
    on_track: 0,
    needs_acceleration: 0,
    off_track: 0,
    regressing: 0,
    insufficient_data: 0,
    not_assessed: 0,
  };
}

function tally(statuses: readonly Status[]): StatusSummary {
  const counts = emptyCounts();
  for (const status of statuses) counts[status] += 1;
  const total = statuses.length;
  const assessed = total - counts.insufficient_data - counts.not_assessed;
  const achieved = counts.achieved;
  return { counts, total, assessed, achieved, achievementRate: assessed === 0 ? null : achieved / assessed };
}

export function summarize(items: readonly AssessedItem[]): AssessmentSummary {
  const byDomain = new Map<string, Status[]>();
  for (const item of items) {
    const list = byDomain.get(item.domain);
    if (list === undefined) byDomain.set(item.domain, [item.status]);
    else list.push(item.status);
  }
  const domains = [...byDomain].map(([domain, statuses]) => ({ domain, ...tally(statuses) }));
  return { domains, overall: tally(items.map((item) => item.status)) };
}
