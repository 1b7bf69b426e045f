/**
 * Which assessed rows are the plan's targets, and how one is named: the rows the summary figures
 * count (methodology.md §7), shared by the command line, the reports and the pages so that they
 * never count differently.
 */
import { indicatorDigits } from '../core/phrasing/figures.js';
import { AREA_LABELS, SEX_LABELS, STATUS_LABELS, WARNING_LABELS } from '../core/phrasing/labels.js';
import { formatValue } from '../core/phrasing/reportNumbers.js';
import type { Indicator } from '../core/plan/types.js';
import type { AssessmentRow } from './assessment.js';

/**
 * One row per target: an indicator whose targets name a disaggregation (parent schools: urban 95 %,
 * rural 85 %) counts once per target, and its untargeted total is shown but not counted; the total
 * of an indicator without any target counts as not assessed.
 */
export function countsAsTarget(r: AssessmentRow): boolean {
  if (r.target) return true;
  return r.sex === 'total' && r.area === 'total' && r.indicator.targets.length === 0;
}

/** The indicator's name with the disaggregation its row is of: …比例(城镇). */
export function targetName(r: Pick<AssessmentRow, 'indicator' | 'sex' | 'area'>): string {
  const parts = [r.sex !== 'total' ? SEX_LABELS[r.sex] : '', r.area !== 'total' ? AREA_LABELS[r.area] : ''].filter(Boolean).join('');
  return parts ? `${r.indicator.name}(${parts})` : r.indicator.name;
}

/** A value as the reports print it (3.2‰, 95.1%); — without one. */
export function printedValue(indicator: Indicator, value: number | null): string {
  return value === null ? '—' : formatValue(value, indicator.unit, indicatorDigits(indicator));
}

/** A row's status and warning with the words every page prints for them. */
export function labelledStatus(r: Pick<AssessmentRow, 'status' | 'warning'>) {
  return { status: r.status, statusLabel: STATUS_LABELS[r.status], warning: r.warning, warningLabel: WARNING_LABELS[r.warning] };
}
