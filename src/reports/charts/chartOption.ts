import type { EChartsOption, SeriesOption } from 'echarts';
import type { Chart } from '../model.js';

/** Families tried in order: the renderer on the server has Noto; readers' browsers may have the others. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif";

const PALETTE = ['#1f4e79', '#c55a11', '#548235', '#7030a0', '#2e75b6', '#bf9000'];
const TARGET_COLOUR = '#c00000';
const DASHED_LINE_ICON = 'path://M0,4H7V6H0ZM10,4H17V6H10ZM20,4H27V6H20Z';
const TEXT_COLOUR = '#222222';
/** Value labels on every point only while they stay legible. */
const MAX_LABELLED_POINTS = 12;

/** The chart's source line as printed under it, with the 资料来源 prefix added when the data lacks it. */
export function sourceText(source: string): string {
  const trimmed = source.trim();
  return /^资料来源[:：]/.test(trimmed) ? trimmed : `资料来源：${trimmed}`;
}

/** The ECharts option drawing a report chart: title, unit, legend, source line, optional target line. */
export function chartOption(chart: Chart): EChartsOption {
  const labelled = chart.categories.length <= MAX_LABELLED_POINTS;
  const decimals = Math.max(0, ...chart.series.flatMap((s) => s.values.map(decimalPlaces)));
  const series: SeriesOption[] = chart.series.map((s, i) =>
    dataSeries(chart.kind, s, PALETTE[i % PALETTE.length] ?? TEXT_COLOUR, labelled ? decimals : null),
  );
  if (chart.target) series.push(targetSeries(chart.target, chart.categories.length));
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOUR },
    title: {
      text: chart.title,
      left: 'center',
      top: 8,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 18, fontWeight: 'bold', color: TEXT_COLOUR },
    },
    legend: {
      top: 40,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13 },
      itemWidth: 28,
      // The target shows as a dashed line in the legend, not with the dot of a data series.
      data: [...chart.series.map((s) => s.name), ...(chart.target ? [{ name: chart.target.label, icon: DASHED_LINE_ICON }] : [])],
    },
    grid: { left: 64, right: 40, top: 92, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: chart.categories,
      boundaryGap: chart.kind === 'bar',
      axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: TEXT_COLOUR },
      axisLine: { lineStyle: { color: '#595959' } },
    },
    yAxis: {
      type: 'value',
      name: `单位：${chart.unit}`,
      nameLocation: 'end',
      nameGap: 14,
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: TEXT_COLOUR, align: 'left' },
      // A trend reads better without a forced zero; bars must start at zero to compare lengths.
      scale: chart.kind === 'line',
      axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: TEXT_COLOUR },
      splitLine: { lineStyle: { color: '#e0e0e0' } },
    },
    graphic: [
      {
        type: 'text',
        left: 16,
        bottom: 10,
        style: { text: sourceText(chart.source), fontFamily: CHART_FONT_FAMILY, fontSize: 12, fill: '#404040' },
      },
    ],
    series,
  };
}

/** Decimal places of a figure as the source gave it (4.0 arrives as 4: the series' widest figure sets the precision). */
function decimalPlaces(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const text = String(value);
  return text.includes('e') ? 0 : (text.split('.')[1]?.length ?? 0);
}

/** `decimals` null: no value labels. */
function dataSeries(kind: Chart['kind'], s: Chart['series'][number], colour: string, decimals: number | null): SeriesOption {
  const label = {
    show: decimals !== null,
    fontFamily: CHART_FONT_FAMILY,
    fontSize: 12,
    color: TEXT_COLOUR,
    formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? params.value.toFixed(decimals ?? 0) : ''),
  };
  if (kind === 'bar') {
    return {
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 36,
      itemStyle: { color: colour },
      label: { ...label, position: 'top' },
    };
  }
  return {
    type: 'line',
    name: s.name,
    data: s.values,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: 7,
    itemStyle: { color: colour },
    lineStyle: { color: colour, width: 2.5, type: s.dashed ? 'dashed' : 'solid' },
    label: { ...label, position: 'top' },
  };
}

/** The target as a flat dashed series, so that it enters the legend and widens the value axis to include it. */
function targetSeries(target: NonNullable<Chart['target']>, length: number): SeriesOption {
  return {
    type: 'line',
    name: target.label,
    data: Array.from({ length }, () => target.value),
    symbol: 'none',
    silent: true,
    itemStyle: { color: TARGET_COLOUR },
    lineStyle: { color: TARGET_COLOUR, width: 1.5, type: 'dashed' },
    label: { show: false },
    z: 1,
  };
}
