/**
 * Siping's five county-level units coloured by value or by warning, drawn offline from the committed
 * boundaries (web/src/maps/README.md) and labelled 示意图. Signed-in pages only: a boundary map
 * published in China needs an approved base map (审图号), so the public portal leaves it out.
 */
import { useMemo } from 'react';
import { Flex } from 'antd';
import type { Warning } from '../../../../src/core/assess/types';
import type { EChartsCoreOption } from 'echarts/core';
import type { PageChild } from '../../../../src/app/indicatorPageModel';
import { WARNING_FILLS } from './pageFormat';
import { SIPING_MAP } from './loadCharts';
import { useChart } from './useChart';

export type MapMode = 'value' | 'status';

/** The units the committed map has (test/web/sipingMap.test.ts checks the file holds exactly these). */
export const SIPING_COUNTIES: readonly string[] = ['220302', '220303', '220322', '220323', '220382'];

export interface SipingMapProps {
  units: PageChild[];
  mode: MapMode;
  unit: string;
  digits: number;
  onOpen?: (code: string) => void;
  height?: number;
}

const NO_DATA = '#e8e8e8';

const LEGEND: readonly [Warning, string][] = [
  ['red', '红色预警'],
  ['yellow', '黄色预警'],
  ['green', '正常'],
  ['none', '无法判断'],
];

export function mapOption(units: PageChild[], mode: MapMode, unit: string, digits: number): EChartsCoreOption {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const values = units.flatMap((u) => (u.value === null ? [] : [u.value]));
  const byValue = mode === 'value' && values.length > 0;
  return {
    animation: false,
    title: { text: '示意图', left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 'normal', color: '#595959' } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        const u = byCode.get(p.name);
        return u ? `${u.name}<br/>${u.valueText}<br/>${u.statusLabel}` : '';
      },
    },
    ...(byValue
      ? {
          visualMap: {
            type: 'continuous',
            min: Math.min(...values),
            max: Math.max(...values),
            left: 8,
            bottom: 8,
            calculable: false,
            precision: digits,
            text: [`${Math.max(...values).toFixed(digits)}${unit}`, `${Math.min(...values).toFixed(digits)}${unit}`],
            inRange: { color: ['#d6e4f5', '#1d5fa8'] },
            outOfRange: { color: NO_DATA },
          },
        }
      : {}),
    series: [
      {
        type: 'map',
        map: SIPING_MAP,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '52%'],
        layoutSize: '92%',
        itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 1.5 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#91caff' } },
        // Names only: the two urban districts are small and side by side; values are in the tooltip and the table.
        label: { show: true, fontSize: 12, color: '#262626', formatter: (p: { name: string }) => byCode.get(p.name)?.name ?? p.name },
        data: units.map((u) => ({
          name: u.code,
          value: u.value,
          ...(byValue ? {} : { itemStyle: { areaColor: u.value === null ? NO_DATA : WARNING_FILLS[u.warning] } }),
        })),
      },
    ],
  };
}

export function SipingMap({ units, mode, unit, digits, onOpen, height = 420 }: SipingMapProps) {
  const option = useMemo(() => mapOption(units, mode, unit, digits), [units, mode, unit, digits]);
  const { box, failed } = useChart(option, { height, map: true, onClick: (code) => onOpen?.(code) });
  const described = units.map((u) => `${u.name}${u.valueText}`).join(',');
  return (
    <figure style={{ margin: 0 }}>
      <div
        ref={box}
        role="img"
        aria-label={`四平市县级单位示意图:${described}`}
        style={{ width: '100%', height }}
        data-testid="siping-map"
      />
      {mode === 'status' && (
        <Flex gap={12} wrap style={{ fontSize: 12 }} data-testid="map-legend">
          {LEGEND.map(([warning, label]) => (
            <span key={warning}>
              <span style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, background: WARNING_FILLS[warning] }} />
              {label}
            </span>
          ))}
        </Flex>
      )}
      <figcaption style={{ color: '#8c8c8c', fontSize: 12 }} data-testid="map-caption">
        示意图:四平市所辖县级单位,边界仅示意,不作为权属争议的依据。
        {failed && '地图加载失败,请刷新页面。'}
      </figcaption>
    </figure>
  );
}
