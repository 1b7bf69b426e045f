/**
 * The numbered findings of a domain chapter: each opens with a bold judgement chosen from the
 * statuses, then the sentences with figures that support it. Indicators of one plan goal in the
 * same unit of measure share a sentence (新生儿、婴儿和5岁以下儿童死亡率分别为…).
 */
import type { StatusSummary } from '../core/assess/index.js';
import type { Status } from '../core/assess/types.js';
import { figureOf } from '../core/phrasing/figures.js';
import { findingNumber } from '../core/phrasing/numbering.js';
import { attentionFinding, MISSING_DATA_FINDING, progressFinding, UNTARGETED_FINDING } from '../core/phrasing/reportJudgements.js';
import {
  breakdownSentence,
  type IndicatorFigure,
  indicatorsSentence,
  missingDataSentence,
  summarySentence,
} from '../core/phrasing/reportSentences.js';
import type { Domain } from '../core/plan/types.js';
import type { Paragraph } from './model.js';
import { type ReportItem, summaryCounts } from './reportItems.js';

/** Sentences for the items, grouped by plan goal, unit of measure and year; then those without data. */
export function itemSentences(place: string, items: readonly ReportItem[]): string {
  const groups = new Map<string, IndicatorFigure[]>();
  const withoutData: string[] = [];
  for (const item of items) {
    const figure = figureOf(item.indicator, item.row.target, item.row, item.series, item.name);
    if (!figure) {
      withoutData.push(item.name);
      continue;
    }
    const key = `${item.indicator.planRef}|${item.indicator.unit}|${figure.year}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...[...groups.values()].map((figures) => indicatorsSentence(place, figures)), missingDataSentence(withoutData)].join('');
}

const GROUPS: readonly { statuses: readonly Status[]; judge: (domain: Domain, s: StatusSummary) => string }[] = [
  { statuses: ['achieved', 'on_track'], judge: (d, s) => progressFinding(d.code, s.counts) },
  { statuses: ['needs_acceleration', 'off_track', 'regressing'], judge: (_d, s) => attentionFinding(s.counts) },
  { statuses: ['insufficient_data'], judge: () => MISSING_DATA_FINDING },
  { statuses: ['not_assessed'], judge: () => UNTARGETED_FINDING },
];

/** The domain's summary line, then findings (一)(二)… for progress, for indicators behind, for missing data. */
export function domainFindings(domain: Domain, place: string, items: readonly ReportItem[], summary: StatusSummary): Paragraph[] {
  const paragraphs: Paragraph[] = [{ text: `${summarySentence(summaryCounts(summary), domain.name)}${breakdownSentence(summary.counts)}` }];
  for (const group of GROUPS) {
    const inGroup = items.filter((i) => group.statuses.includes(i.row.status));
    if (inGroup.length === 0) continue;
    paragraphs.push({
      bold: `${findingNumber(paragraphs.length)}${group.judge(domain, summary)}`,
      text: itemSentences(place, inGroup),
    });
  }
  return paragraphs;
}
