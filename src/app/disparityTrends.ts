/**
 * A disparity's trend as the reader sees it: the printed gaps compared (disparitySentences), so
 * that a gap a page or report calls 持平 is never counted as widening.
 */
import type { DisparityTrend } from '../core/assess/disparity.js';
import { printedTrend } from '../core/phrasing/disparitySentences.js';
import { indicatorDigits } from '../core/phrasing/figures.js';
import { printedDifference } from '../core/phrasing/reportSentences.js';
import type { DisparityRow } from './disparities.js';

/** The urban–rural gap's trend as printed; null without baseline values. */
export function urbanRuralTrend(r: DisparityRow): DisparityTrend | null {
  const u = r.urbanRural;
  if (!u || u.baselineUrban === null || u.baselineRural === null) return null;
  const d = indicatorDigits(r.indicator);
  return printedTrend(
    Math.abs(printedDifference(u.urban, u.rural, d)),
    Math.abs(printedDifference(u.baselineUrban, u.baselineRural, d)),
    d,
  );
}

/** The county range's trend as printed; null without a baseline range. */
export function countyTrend(r: DisparityRow): DisparityTrend | null {
  const c = r.county;
  if (!c || c.baselineRange === null) return null;
  const d = indicatorDigits(r.indicator);
  return printedTrend(printedDifference(c.max.value, c.min.value, d), c.baselineRange, d);
}
