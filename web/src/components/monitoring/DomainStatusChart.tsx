/** The number of targets in each status, domain by domain, as stacked bars (ECharts, loaded on demand). */
import { useMemo } from 'react';
import type { Overview } from '../../hooks/useMonitoring';
import { STATUS_LABELS } from '../../../../src/core/phrasing/labels';
import { Chart } from './Chart';
import { STATUS_CHART_COLORS, STATUS_ORDER } from './figureStyle';

export function DomainStatusChart({ overview }: { overview: Overview }) {
  const domains = useMemo(() => overview.domains.filter((d) => d.total > 0), [overview]);
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 12, itemHeight: 10 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: domains.map((d) => d.name) },
      series: STATUS_ORDER.filter((s) => domains.some((d) => d.counts[s] > 0)).map((s) => ({
        name: STATUS_LABELS[s],
        type: 'bar',
        stack: 'count',
        barMaxWidth: 22,
        itemStyle: { color: STATUS_CHART_COLORS[s] },
        data: domains.map((d) => d.counts[s]),
      })),
    }),
    [domains],
  );
  const words = domains.map((d) => `${d.name}${d.total}项,已达标${d.counts.achieved}项`).join(';');
  return <Chart option={option} height={40 + domains.length * 34} ariaLabel={`各领域指标状态:${words}`} testId="domain-chart" />;
}
