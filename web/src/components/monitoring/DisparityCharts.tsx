/** The charts behind a disparity row: urban and rural values with their gap by year; the county-level units' values and the range by year. */
import { useMemo } from 'react';
import { Col, Row, Typography } from 'antd';
import type { DisparityRow } from '../../hooks/useMonitoring';
import { Chart } from './Chart';

const round = (v: number): number => Math.round(v * 100) / 100;

export function UrbanRuralChart({ row }: { row: DisparityRow }) {
  const u = row.urbanRural;
  const option = useMemo(
    () =>
      u && {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: u.series.map((p) => `${p.year}年`) },
        yAxis: [
          { type: 'value', scale: true, name: row.unit },
          { type: 'value', name: '差距', splitLine: { show: false } },
        ],
        series: [
          { name: '城镇', type: 'line', data: u.series.map((p) => round(p.urban)), itemStyle: { color: '#1677ff' } },
          { name: '农村', type: 'line', data: u.series.map((p) => round(p.rural)), itemStyle: { color: '#52c41a' } },
          {
            name: '城乡差距',
            type: 'bar',
            yAxisIndex: 1,
            barMaxWidth: 24,
            data: u.series.map((p) => round(p.gap)),
            itemStyle: { color: '#d9d9d9' },
          },
        ],
      },
    [u, row.unit],
  );
  if (!u || !option) return null;
  return (
    <>
      <Typography.Paragraph data-testid="disparity-sentence">{u.sentence}</Typography.Paragraph>
      <Chart option={option} height={240} ariaLabel={u.sentence} />
    </>
  );
}

export function CountyCharts({ row }: { row: DisparityRow }) {
  const c = row.county;
  const values = useMemo(
    () =>
      c && {
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: c.values.map((v) => v.orgName), axisLabel: { interval: 0 } },
        // Bars start at zero: a cut axis would make small differences between counties look large.
        yAxis: { type: 'value', name: row.unit },
        series: [
          {
            type: 'bar',
            barMaxWidth: 36,
            label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => c.values[p.dataIndex]?.valueText ?? '' },
            data: c.values.map((v) => ({
              value: round(v.value),
              itemStyle: { color: v.orgUnit === c.max.orgUnit ? '#fa8c16' : v.orgUnit === c.min.orgUnit ? '#13c2c2' : '#91caff' },
            })),
          },
        ],
      },
    [c, row.unit],
  );
  const range = useMemo(
    () =>
      c && {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: c.series.map((p) => `${p.year}年`) },
        yAxis: [
          { type: 'value', scale: true, name: row.unit },
          { type: 'value', name: '极差', splitLine: { show: false } },
        ],
        series: [
          { name: '最高', type: 'line', data: c.series.map((p) => round(p.max)), itemStyle: { color: '#fa8c16' } },
          { name: '最低', type: 'line', data: c.series.map((p) => round(p.min)), itemStyle: { color: '#13c2c2' } },
          {
            name: '极差',
            type: 'bar',
            yAxisIndex: 1,
            barMaxWidth: 24,
            data: c.series.map((p) => round(p.range)),
            itemStyle: { color: '#d9d9d9' },
          },
        ],
      },
    [c, row.unit],
  );
  if (!c || !values || !range) return null;
  const words = c.values.map((v) => `${v.orgName}${v.valueText}`).join(',');
  return (
    <>
      <Typography.Paragraph data-testid="disparity-sentence">{c.sentence}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Chart option={values} height={240} ariaLabel={`${c.latestYear}年各县(市、区)${row.name}:${words}`} />
        </Col>
        <Col xs={24} lg={12}>
          <Chart option={range} height={240} ariaLabel={`${row.name}县(市、区)间最高、最低值和极差的逐年变化`} />
        </Col>
      </Row>
    </>
  );
}
