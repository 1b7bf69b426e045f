/** The line chart of the indicator page (trendOption.ts), with a text alternative. */
import { useMemo } from 'react';
import type { IndicatorPageData, PageAssessment } from '../../../../src/app/indicatorPageModel';
import { trendOption } from './trendOption';
import { useChart } from './useChart';

export interface TrendChartProps {
  page: IndicatorPageData;
  selected: PageAssessment | undefined;
  height?: number;
}

export function TrendChart({ page, selected, height = 340 }: TrendChartProps) {
  const option = useMemo(() => trendOption(page, selected), [page, selected]);
  const { box, failed } = useChart(option, { height });
  const total = page.series[0];
  const described = total ? total.values.map((v) => `${v.year}年${v.value.toFixed(page.indicator.digits)}`).join(',') : '暂无数据';
  return (
    <div>
      <div
        ref={box}
        role="img"
        aria-label={`${page.indicator.name}历年走势:${described}`}
        style={{ width: '100%', height }}
        data-testid="trend-chart"
      />
      {failed && <div>图表加载失败,请刷新页面。</div>}
    </div>
  );
}
