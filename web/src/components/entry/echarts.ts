/**
 * ECharts, loaded on first use only (a dynamic import), so that the first page's script does not
 * carry it.
 */
import type { EChartsType } from 'echarts/core';

export type Init = (element: HTMLElement, options: { width: number; height: number }) => EChartsType;

let loading: Promise<Init> | null = null;

export function loadEcharts(): Promise<Init> {
  loading ??= import('./sparklineCharts').then(
    ({ init }) =>
      (element, options) =>
        init(element, null, { renderer: 'svg', ...options }),
  );
  return loading;
}
