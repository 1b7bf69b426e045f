/**
 * The line chart of an indicator at a unit: each series of the unit, the target line and milestones,
 * the projection at the current rate (dashed) and the path the target requires (dotted), to the
 * target year (methodology.md §1.7, §1.9).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { IndicatorPageData, PageAssessment, PagePoint } from '../../../../src/app/indicatorPageModel';

const BLUE = '#1d5fa8';
const SERIES_COLORS = ['#1d5fa8', '#13a8a8', '#d46b08', '#722ed1', '#c41d7f', '#7cb305', '#2f54eb', '#ad6800', '#08979c'];

function yearsOf(page: IndicatorPageData, a: PageAssessment | undefined): number[] {
  const years = [
    page.baselineYear,
    page.year,
    ...page.series.flatMap((s) => s.values.map((v) => v.year)),
    ...(a ? [...a.projection, ...a.requiredPath].map((p) => p.year) : []),
    ...page.targets.flatMap((t) => t.milestones.map((m) => m.year)),
  ];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function onYears(years: number[], points: readonly PagePoint[]): (number | null)[] {
  const byYear = new Map(points.map((p) => [p.year, p.value]));
  return years.map((y) => byYear.get(y) ?? null);
}

/** A reduction target is drawn at the level it comes to: ≤12.5/10万(比2020年下降20%). */
export function targetLabel(a: PageAssessment, digits: number, suffix: string): string {
  if (a.targetKind === 'reduce_by' && a.targetValue !== null) return `≤${a.targetValue.toFixed(digits)}${suffix}(${a.targetText})`;
  return a.targetText;
}

/** `selected`: the assessment whose target, projection and required path are drawn. */
export function trendOption(page: IndicatorPageData, selected: PageAssessment | undefined): EChartsCoreOption {
  const { unit, unitSuffix, digits } = page.indicator;
  const years = yearsOf(page, selected);
  const target = selected ? page.targets.find((t) => t.sex === selected.sex && t.area === selected.area) : undefined;
  const format = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(digits)}${unitSuffix}` : '—');
  const lines = page.series.map((s, i) => {
    const chosen = selected !== undefined && s.sex === selected.sex && s.area === selected.area;
    return {
      type: 'line',
      name: s.label,
      data: onYears(years, s.values),
      symbolSize: chosen ? 7 : 4,
      lineStyle: { width: chosen ? 3 : 1.5 },
      itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
      z: chosen ? 5 : 3,
      ...(chosen && selected.targetValue !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#cf1322', type: 'solid', width: 1.5 },
              label: { formatter: `目标 ${targetLabel(selected, digits, unitSuffix)}`, position: 'insideEndTop', color: '#cf1322' },
              data: [{ yAxis: selected.targetValue }],
            },
          }
        : {}),
    };
  });
  const extra = [];
  if (selected && selected.projection.length > 0) {
    extra.push({
      type: 'line',
      name: '按当前速度推算',
      data: onYears(years, selected.projection),
      lineStyle: { type: 'dashed', width: 2, color: BLUE },
      itemStyle: { color: BLUE },
      symbol: 'emptyCircle',
      symbolSize: 4,
    });
  }
  if (selected && selected.requiredPath.length > 0) {
    extra.push({
      type: 'line',
      name: '实现目标所需路径',
      data: onYears(years, selected.requiredPath),
      lineStyle: { type: 'dotted', width: 2, color: '#389e0d' },
      itemStyle: { color: '#389e0d' },
      symbol: 'none',
    });
  }
  if (target && target.milestones.length > 0) {
    extra.push({
      type: 'scatter',
      name: '里程碑',
      data: years.map((y) => target.milestones.find((m) => m.year === y)?.value ?? null),
      symbol: 'diamond',
      symbolSize: 12,
      itemStyle: { color: '#cf1322' },
      label: { show: true, position: 'top', formatter: (p: { value: unknown }) => `里程碑 ${format(p.value)}` },
    });
  }
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 48, bottom: 32 },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', valueFormatter: format },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit, scale: true },
    series: [...lines, ...extra],
  };
}
