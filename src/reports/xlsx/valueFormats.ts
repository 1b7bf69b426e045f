/** Excel number formats for indicator values: the decimals the unit is usually given with, and the roll-up mark. */
import type { Indicator } from '../../core/plan/types.js';

/** Marks a value the unit did not report itself (rolled up from its children or derived by a rule). */
export const ROLLED_UP_MARK = '*';

/** Per-thousand counts (doctors, beds per 1,000 children) are small numbers; rates carry one decimal, counts none. */
export function decimalsOf(indicator: Indicator): number {
  if (indicator.unit === '人' || indicator.unit === '张') return 2;
  if (indicator.unit === '次/年') return 0;
  return 1;
}

export function numberFormat(indicator: Indicator, rolledUp: boolean): string {
  const decimals = decimalsOf(indicator);
  const base = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  return rolledUp ? `${base}"${ROLLED_UP_MARK}"` : base;
}
