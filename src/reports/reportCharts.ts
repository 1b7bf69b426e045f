/**
 * Charts where a trend or a comparison tells more than a sentence: an indicator's series since the
 * baseline with its target line, and the county-level units side by side in one year.
 */
import { describeTarget } from '../core/phrasing/labels.js';
import { roundTo } from '../core/phrasing/reportNumbers.js';
import type { Chart } from './model.js';
import type { ReportItem } from './reportItems.js';

/** Mortality-like rates (per mille and per 100 000) are read best as a trend. */
const TREND_UNITS = new Set(['‰', '1/10万', '1/万']);
const TREND_CHARTS_PER_DOMAIN = 4;
const COUNTY_CHARTS_PER_DOMAIN = 2;

function years(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function targetLine(item: ReportItem): Chart['target'] {
  const { targetValue, target } = item.row;
  if (targetValue === null || !target) return undefined;
  return { value: roundTo(targetValue, item.digits), label: `规划目标 ${describeTarget(target, item.indicator.unit)}` };
}

export function trendChart(item: ReportItem, unitName: string, from: number, to: number, source: string): Chart {
  const span = years(from, to);
  return {
    title: `${unitName}${item.name}(${from}—${to}年)`,
    unit: item.indicator.unit,
    kind: 'line',
    categories: span.map((y) => `${y}年`),
    series: [
      {
        name: unitName,
        values: span.map((y) => {
          const v = item.series(y);
          return v === null ? null : roundTo(v, item.digits);
        }),
      },
    ],
    target: targetLine(item),
    source,
  };
}

/** The domain's items worth a trend chart: rates per mille or per 100 000 first, then red warnings. */
export function trendItems(items: readonly ReportItem[], from: number, to: number): ReportItem[] {
  const withSeries = items.filter((i) => years(from, to).filter((y) => i.series(y) !== null).length >= 2);
  const mortality = withSeries.filter((i) => TREND_UNITS.has(i.indicator.unit));
  const red = withSeries.filter((i) => i.row.warning === 'red' && !TREND_UNITS.has(i.indicator.unit));
  return [...mortality, ...red].slice(0, TREND_CHARTS_PER_DOMAIN);
}

export interface CountyValues {
  item: ReportItem;
  /** One per county, in the tree's order; null without a value in the year. */
  counties: { name: string; value: number | null }[];
}

export function countyChart(c: CountyValues, year: number, source: string): Chart {
  return {
    title: `${year}年各县(市、区)${c.item.name}`,
    unit: c.item.indicator.unit,
    kind: 'bar',
    categories: c.counties.map((x) => x.name),
    series: [{ name: `${year}年`, values: c.counties.map((x) => (x.value === null ? null : roundTo(x.value, c.item.digits))) }],
    // A reduction is relative to each county's own baseline: one line would mislead.
    target: c.item.row.target?.kind === 'reduce_by' ? undefined : targetLine(c.item),
    source,
  };
}

/** Relative spread (max − min) / mean of the counties' values; null with fewer than two. */
function spread(c: CountyValues): number | null {
  const values = c.counties.flatMap((x) => (x.value === null ? [] : [x.value]));
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return mean === 0 ? null : (Math.max(...values) - Math.min(...values)) / Math.abs(mean);
}

/** The domain's indicators whose counties differ the most, for a bar chart each. */
export function countyChartCandidates(candidates: readonly CountyValues[]): CountyValues[] {
  return candidates
    .map((c) => ({ c, s: spread(c) }))
    .filter((x): x is { c: CountyValues; s: number } => x.s !== null)
    .sort((a, b) => b.s - a.s)
    .slice(0, COUNTY_CHARTS_PER_DOMAIN)
    .map((x) => x.c);
}
