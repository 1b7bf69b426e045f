import * as echarts from 'echarts';
import type { Chart } from '../model.js';
import { chartOption } from './chartOption.js';

export interface ChartSize {
  width: number;
  height: number;
}

/** 16:9, wide enough for a page of A4 text at print resolution. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 450 };

/** The chart drawn by ECharts on the server, as a standalone SVG document. */
export function chartSvg(chart: Chart, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(chartOption(chart));
    return instance.renderToSVGString();
  } finally {
    // An SSR instance holds its whole scene graph until disposed; reports render many charts.
    instance.dispose();
  }
}
