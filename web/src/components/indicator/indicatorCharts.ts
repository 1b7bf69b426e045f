/**
 * The parts of ECharts the indicator page draws with (line, bar and map charts), imported by name so
 * that the chunk holds only these; loaded on demand by loadCharts.ts, never by the first page.
 */
import { init, registerMap, use } from 'echarts/core';
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  MapChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { init, registerMap };
