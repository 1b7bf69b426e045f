/**
 * The disparities page's figures (methodology.md §4): for every indicator with the data, the
 * urban–rural gap and the spread across the county-level units, the latest year against the
 * baseline year in the reports' words, and the gap year by year since the baseline.
 */
import type { OrgTree, ResolvedValue } from '../core/aggregate/index.js';
import type { DisparityTrend } from '../core/assess/disparity.js';
import { countySentence, disparityJudgement, trendSummarySentence, urbanRuralSentence } from '../core/phrasing/disparitySentences.js';
import { indicatorDigits } from '../core/phrasing/figures.js';
import { changeUnit, formatNumber, formatValue } from '../core/phrasing/reportNumbers.js';
import { printedDifference } from '../core/phrasing/reportSentences.js';
import type { Indicator } from '../core/plan/types.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import { disparityOf, type DisparityRow } from './disparities.js';
import { countyTrend, urbanRuralTrend } from './disparityTrends.js';
import { isSynthetic } from './demoLoader.js';
import { type DataKind, type FigureSource, resolvedFiguresOf } from './figures.js';
import type { DisparityFigures, DisparityFiguresRow, TrendSummary, UnitValue } from './disparityFiguresModel.js';
import type { FigureRequest } from './overviewModel.js';

export const TREND_LABELS: Record<DisparityTrend, string> = { narrowing: '缩小', widening: '扩大', stable: '持平' };

const pointsText = (difference: number, unit: string, digits: number): string =>
  `${formatNumber(Math.abs(difference), digits)}${changeUnit(unit)}`;

function summaryOf(
  what: string,
  gapName: string,
  baselineYear: number,
  trends: readonly (DisparityTrend | null)[],
  rows: number,
): TrendSummary {
  const counts = { narrowing: 0, widening: 0, stable: 0 };
  for (const t of trends) if (t !== null) counts[t] += 1;
  if (rows === 0) return { counts, text: '' };
  return { counts, text: `${disparityJudgement(gapName, counts)}${trendSummarySentence(what, gapName, baselineYear, counts)}` };
}

/** Per year from `from` to `to`: the unit's urban and rural values and its county-level children's totals. */
function yearly(resolved: readonly ResolvedValue[], tree: OrgTree, unit: string, from: number, to: number) {
  const counties = new Set(tree.children(unit).filter((c) => tree.get(c)?.level === 'county'));
  const urban = new Map<number, number>();
  const rural = new Map<number, number>();
  const county = new Map<number, number[]>();
  for (const r of resolved) {
    if (r.sex !== 'total' || r.ageGroup !== 'total' || r.value === null || !Number.isFinite(r.value) || r.year < from || r.year > to)
      continue;
    if (r.orgUnit === unit && r.area === 'urban') urban.set(r.year, r.value);
    else if (r.orgUnit === unit && r.area === 'rural') rural.set(r.year, r.value);
    else if (r.area === 'total' && counties.has(r.orgUnit)) county.set(r.year, [...(county.get(r.year) ?? []), r.value]);
  }
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  return {
    urbanRural: years.flatMap((year) => {
      const u = urban.get(year);
      const r = rural.get(year);
      return u === undefined || r === undefined ? [] : [{ year, urban: u, rural: r, gap: Math.abs(u - r) }];
    }),
    county: years.flatMap((year) => {
      const values = county.get(year) ?? [];
      if (values.length < 2) return [];
      const min = Math.min(...values);
      const max = Math.max(...values);
      return [{ year, min, max, range: max - min }];
    }),
  };
}

function present(
  row: DisparityRow,
  indicator: Indicator,
  domainName: string,
  place: string,
  series: ReturnType<typeof yearly>,
): DisparityFiguresRow {
  const d = indicatorDigits(indicator);
  const unit = indicator.unit;
  const value = (v: number): string => formatValue(v, unit, d);
  const u = row.urbanRural;
  const c = row.county;
  const urbanTrend = urbanRuralTrend(row);
  const rangeTrend = countyTrend(row);
  return {
    indicator: indicator.code,
    name: indicator.name,
    domain: indicator.domain,
    domainName,
    unit,
    urbanRural: u && {
      latestYear: u.latestYear,
      urban: u.urban,
      rural: u.rural,
      urbanText: value(u.urban),
      ruralText: value(u.rural),
      gapText: pointsText(printedDifference(u.urban, u.rural, d), unit, d),
      baselineYear: u.baselineYear,
      baselineGapText:
        u.baselineUrban === null || u.baselineRural === null
          ? null
          : pointsText(printedDifference(u.baselineUrban, u.baselineRural, d), unit, d),
      trend: urbanTrend,
      trendLabel: urbanTrend === null ? '—' : TREND_LABELS[urbanTrend],
      sentence: urbanRuralSentence({ name: indicator.name, unit, digits: d, place, year: u.latestYear, ...u }),
      series: series.urbanRural,
    },
    county: c && {
      latestYear: c.latestYear,
      counties: c.counties,
      max: { ...c.max, valueText: value(c.max.value) },
      min: { ...c.min, valueText: value(c.min.value) },
      rangeText: pointsText(printedDifference(c.max.value, c.min.value, d), unit, d),
      ratio: c.ratio === null ? null : Math.round(c.ratio * 100) / 100,
      baselineYear: c.baselineYear,
      baselineRangeText: c.baselineRange === null ? null : pointsText(c.baselineRange, unit, d),
      trend: rangeTrend,
      trendLabel: rangeTrend === null ? '—' : TREND_LABELS[rangeTrend],
      sentence: countySentence({
        name: indicator.name,
        unit,
        digits: d,
        year: c.latestYear,
        counties: c.counties,
        highest: c.max,
        lowest: c.min,
        baselineYear: c.baselineYear,
        baselineRange: c.baselineRange,
      }),
      values: [],
      series: series.county,
    },
  };
}

/** The county-level units' values in the latest year, in the tree's order. */
function countyValues(
  resolved: readonly ResolvedValue[],
  tree: OrgTree,
  names: ReadonlyMap<string, string>,
  unit: string,
  year: number,
  indicator: Indicator,
): UnitValue[] {
  const d = indicatorDigits(indicator);
  return tree
    .children(unit)
    .filter((c) => tree.get(c)?.level === 'county')
    .flatMap((code) => {
      const hit = resolved.find(
        (r) => r.orgUnit === code && r.year === year && r.sex === 'total' && r.area === 'total' && r.ageGroup === 'total',
      );
      return hit?.value == null
        ? []
        : [{ orgUnit: code, orgName: names.get(code) ?? code, value: hit.value, valueText: formatValue(hit.value, indicator.unit, d) }];
    });
}

/** Every indicator with urban–rural or county data at the unit, in plan order. */
export async function disparityFigures(
  s: FigureSource,
  kind: DataKind,
  { year, org, indicators }: FigureRequest,
): Promise<DisparityFigures> {
  const { tree, names } = s.org ?? (await getOrgTree(s.db));
  const visible = indicators ? new Set(indicators) : null;
  const place = names.get(org) ?? org;
  const baselineYear = s.plan.baselineYear;
  const domainNames = new Map(s.plan.domains.map((d) => [d.code, d.name]));
  // The unit (its urban and rural values) and its county-level units: nothing else is read.
  const units = [org, ...tree.children(org).filter((c) => tree.get(c)?.level === 'county')];
  const rows: DisparityFiguresRow[] = [];
  const shown = s.plan.indicators.filter((i) => !visible || visible.has(i.code));
  const figures = await resolvedFiguresOf(s, kind, { indicators: shown.map((i) => i.code), year, orgUnits: units });
  for (const indicator of shown) {
    const resolved = figures.get(indicator.code) ?? [];
    const row = disparityOf(indicator, resolved, tree, names, org, year, baselineYear);
    if (!row) continue;
    const presented = present(
      row,
      indicator,
      domainNames.get(indicator.domain) ?? indicator.domain,
      place,
      yearly(resolved, tree, org, baselineYear, year),
    );
    if (presented.county && row.county)
      presented.county.values = countyValues(resolved, tree, names, org, row.county.latestYear, indicator);
    rows.push(presented);
  }
  const urbanRural = rows.filter((r) => r.urbanRural !== null);
  const county = rows.filter((r) => r.county !== null);
  return {
    year,
    data: kind,
    orgUnit: { code: org, name: place },
    baselineYear,
    synthetic: await isSynthetic(s.db),
    urbanRural: summaryOf(
      '城乡分组数据',
      '城乡差距',
      baselineYear,
      urbanRural.map((r) => r.urbanRural?.trend ?? null),
      urbanRural.length,
    ),
    county: summaryOf(
      '分县(市、区)数据',
      '县(市、区)间差距',
      baselineYear,
      county.map((r) => r.county?.trend ?? null),
      county.length,
    ),
    rows,
  };
}
