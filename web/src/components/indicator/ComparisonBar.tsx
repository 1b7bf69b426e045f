/** The children of a unit side by side (the five counties of the city), each bar in its warning's colour. */
import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { PageAssessment, PageChild } from '../../../../src/app/indicatorPageModel';
import { WARNING_FILLS } from './pageFormat';
import { targetLabel } from './trendOption';
import { useChart } from './useChart';

export interface ComparisonBarProps {
  units: PageChild[];
  unit: string;
  /** The unit as written after a number (/10万 for 1/10万). */
  suffix: string;
  digits: number;
  /** The unit's own assessment: its target is drawn across the bars. */
  target: PageAssessment | undefined;
  onOpen?: (code: string) => void;
  height?: number;
}

export function comparisonOption(
  units: PageChild[],
  unit: string,
  suffix: string,
  digits: number,
  target: PageAssessment | undefined,
): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 32, bottom: units.length > 6 ? 72 : 32 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const u = units[p.dataIndex];
        return u ? `${u.name}<br/>${u.valueText}(${u.latestYear ?? '—'}年)<br/>${u.statusLabel}` : '';
      },
    },
    xAxis: { type: 'category', data: units.map((u) => u.name), axisLabel: { interval: 0, rotate: units.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', name: unit, scale: true },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: units.map((u) => ({ value: u.value, itemStyle: { color: WARNING_FILLS[u.warning] } })),
        label: {
          show: units.length <= 12,
          position: 'top',
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(digits) : ''),
        },
        ...(target?.targetValue != null
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#cf1322' },
                label: { formatter: `目标 ${targetLabel(target, digits, suffix)}`, position: 'insideEndTop', color: '#cf1322' },
                data: [{ yAxis: target.targetValue }],
              },
            }
          : {}),
      },
    ],
  };
}

export function ComparisonBar({ units, unit, suffix, digits, target, onOpen, height = 300 }: ComparisonBarProps) {
  const option = useMemo(() => comparisonOption(units, unit, suffix, digits, target), [units, unit, suffix, digits, target]);
  const open = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (u && onOpen) onOpen(u.code);
  };
  const { box } = useChart(option, { height, onClick: open });
  const described = units.map((u) => `${u.name}${u.valueText}${u.statusLabel}`).join(',');
  return (
    <div ref={box} role="img" aria-label={`各单位比较:${described}`} style={{ width: '100%', height }} data-testid="comparison-chart" />
  );
}
