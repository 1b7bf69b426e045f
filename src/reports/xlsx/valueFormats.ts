/** Excel number formats for indicator values: the precision the reports print with, and the roll-up mark. */
import { indicatorDigits } from '../../core/phrasing/figures.js';
import { roundTo } from '../../core/phrasing/reportNumbers.js';
import type { Indicator } from '../../core/plan/types.js';

/** Marks a value the unit did not report itself (rolled up from its children or derived by a rule). */
export const ROLLED_UP_MARK = '*';

export function numberFormat(indicator: Indicator, rolledUp: boolean): string {
  const digits = indicatorDigits(indicator);
  const base = digits > 0 ? `0.${'0'.repeat(digits)}` : '0';
  return rolledUp ? `${base}"${ROLLED_UP_MARK}"` : base;
}

/** The value as printed: a sum in Excel then agrees with the figures on the page. */
export function printedValue(indicator: Indicator, value: number): number {
  return roundTo(value, indicatorDigits(indicator));
}
