/**
 * The assessed targets a report speaks of, each with the series of its unit and disaggregation,
 * and the counts of the summary figures (methodology §7) taken from them.
 */
import type { AssessmentRow } from '../app/assessment.js';
import { countsAsTarget, targetName } from '../app/assessedTargets.js';
import type { ResolvedValue } from '../core/aggregate/index.js';
import { summarize, type StatusSummary } from '../core/assess/index.js';
import { indicatorDigits, type SeriesLookup } from '../core/phrasing/figures.js';
import type { SummaryCounts } from '../core/phrasing/reportSentences.js';
import type { DomainCode, Indicator } from '../core/plan/types.js';

export interface ReportItem {
  indicator: Indicator;
  /** The indicator's name, with the disaggregation its target names: …比例(城镇). */
  name: string;
  row: AssessmentRow;
  digits: number;
  /** The unit's values of the row's disaggregation, by year. */
  series: SeriesLookup;
}

/** indicator → `unit|sex|area` → year → value (age group totals). */
export type SeriesIndex = Map<string, Map<string, Map<number, number>>>;

export function seriesIndex(index: SeriesIndex, indicator: string, resolved: readonly ResolvedValue[]): void {
  const ofIndicator = new Map<string, Map<number, number>>();
  for (const r of resolved) {
    if (r.ageGroup !== 'total' || r.value === null) continue;
    const key = `${r.orgUnit}|${r.sex}|${r.area}`;
    let byYear = ofIndicator.get(key);
    if (!byYear) ofIndicator.set(key, (byYear = new Map()));
    byYear.set(r.year, r.value);
  }
  index.set(indicator, ofIndicator);
}

/** The unit's assessed targets in plan order. */
export function reportItems(rows: readonly AssessmentRow[], unit: string, series: SeriesIndex): ReportItem[] {
  return rows
    .filter((r) => r.orgUnit === unit && countsAsTarget(r))
    .map((row) => {
      const byYear = series.get(row.indicator.code)?.get(`${unit}|${row.sex}|${row.area}`);
      return {
        indicator: row.indicator,
        name: targetName(row),
        row,
        digits: indicatorDigits(row.indicator),
        series: (year: number) => byYear?.get(year) ?? null,
      };
    });
}

export function itemsOfDomain(items: readonly ReportItem[], domain: DomainCode): ReportItem[] {
  return items.filter((i) => i.indicator.domain === domain);
}

export function summaryOf(items: readonly ReportItem[]): StatusSummary {
  return summarize(items.map((i) => ({ domain: i.indicator.domain, status: i.row.status }))).overall;
}

export function summaryCounts(s: StatusSummary): SummaryCounts {
  return {
    total: s.total,
    assessed: s.assessed,
    achieved: s.achieved,
    insufficientData: s.counts.insufficient_data,
    notAssessed: s.counts.not_assessed,
  };
}
