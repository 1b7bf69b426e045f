/**
 * ECharts, loaded on first use only (a dynamic import), so that the first page's script does not
 * carry it. Only the parts the form's sparklines use are registered.
 */
import type { EChartsType } from 'echarts/core';

export type Init = (element: HTMLElement, options: { width: number; height: number }) => EChartsType;

let loading: Promise<Init> | null = null;

export function loadEcharts(): Promise<Init> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([charts.LineChart, components.GridComponent, components.MarkPointComponent, renderers.SVGRenderer]);
    return (element, options) => core.init(element, null, { renderer: 'svg', ...options });
  });
  return loading;
}
