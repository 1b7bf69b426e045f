/**
 * Figures as the reports print them: the precision of the source (one decimal for most rates),
 * the unit after the number (3.2‰, 95.1%, 1.05人, 13.6/10万), and the unit of a change
 * (个百分点 for %, 个千分点 for ‰). Text and tables use the same functions, so a sentence never
 * carries more decimals than the table beside it.
 */

/** Decimals by unit when the targets ask for no more: rates one, per-1000 doctors two, counts none. */
const DEFAULT_DIGITS: Record<string, number> = {
  '%': 1,
  '‰': 1,
  '1/10万': 1,
  '1/万': 2,
  人: 2,
  张: 1,
  个: 1,
  '次/年': 0,
};

/** The unit as written after a number. */
const SUFFIXES: Record<string, string> = { '1/10万': '/10万', '1/万': '/万', '次/年': '次' };

/** The unit of a difference of two rates. */
const POINT_UNITS: Record<string, string> = {
  '%': '个百分点',
  '‰': '个千分点',
  '1/10万': '个十万分点',
  '1/万': '个万分点',
};

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Decimals a figure of the indicator is printed with: the unit's usual precision, or more when a
 * target is written with more (每千名儿童儿科执业(助理)医生数 1.05人 → two).
 */
export function valueDigits(unit: string, targetValues: readonly number[] = []): number {
  return Math.max(DEFAULT_DIGITS[unit] ?? 1, ...targetValues.map(decimalsOf));
}

/** Rounds half away from zero after removing binary noise (1.005 → 1.01, not 1.00). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The number alone with fixed decimals: 2.90, 95.1, 0; never "-0.0". */
export function formatNumber(value: number, digits: number): string {
  return roundTo(value, digits).toFixed(digits);
}

export function unitSuffix(unit: string): string {
  return SUFFIXES[unit] ?? unit;
}

/** A value with its unit: 3.2‰, 95.1%, 1.05人, 13.6/10万, 2次. */
export function formatValue(value: number, unit: string, digits: number): string {
  return `${formatNumber(value, digits)}${unitSuffix(unit)}`;
}

/** True for units whose differences are points (个百分点, 个千分点 …), false for counts and ratios per person. */
export function isRateUnit(unit: string): boolean {
  return unit in POINT_UNITS;
}

/** The unit of a difference: 个百分点, 个千分点, 个十万分点, 个万分点; the unit itself for counts (人, 张, 次). */
export function changeUnit(unit: string): string {
  return POINT_UNITS[unit] ?? unitSuffix(unit);
}

/** A signed difference for a table cell: +0.3, -1.25, 0.0. */
export function formatSignedChange(difference: number, digits: number): string {
  const rounded = roundTo(difference, digits);
  if (rounded === 0) return formatNumber(0, digits);
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(digits)}`;
}

/** A share as a percentage with one decimal: 0.939 → 93.9%. */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)}%`;
}
