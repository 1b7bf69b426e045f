/** The warning history 预警历史: red and yellow targets per year as bars, and each target's warning year by year. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Flex, Switch, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { query } from '../../api/client';
import { STATUS_LABELS, WARNING_LABELS } from '../../../../src/core/phrasing/labels';
import type { WarningHistory } from '../../hooks/useMonitoring';
import { Chart } from './Chart';
import { WARNING_STYLES } from './figureStyle';

type Row = WarningHistory['rows'][number];

const SHORT: Record<string, string> = { red: '红', yellow: '黄', green: '绿', none: '—' };

export function WarningHistoryCard({ history }: { history: WarningHistory }) {
  const [onlyWarned, setOnlyWarned] = useState(true);
  const rows = useMemo(
    () => history.rows.filter((r) => !onlyWarned || r.warnings.some((w) => w === 'red' || w === 'yellow')),
    [history, onlyWarned],
  );
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: history.totals.map((t) => `${t.year}年`) },
      yAxis: { type: 'value', minInterval: 1, name: '项' },
      series: [
        {
          name: '红色预警',
          type: 'bar',
          stack: 'w',
          barMaxWidth: 36,
          itemStyle: { color: '#f5222d' },
          data: history.totals.map((t) => t.red),
        },
        {
          name: '黄色预警',
          type: 'bar',
          stack: 'w',
          barMaxWidth: 36,
          itemStyle: { color: '#faad14' },
          data: history.totals.map((t) => t.yellow),
        },
      ],
    }),
    [history],
  );
  const words = history.totals.map((t) => `${t.year}年红色${t.red}项、黄色${t.yellow}项`).join(';');
  const columns: ColumnsType<Row> = [
    {
      title: '指标',
      key: 'name',
      fixed: 'left',
      width: 280,
      render: (_, r) => <Link to={`/indicators/${r.indicator}${query({ org: history.orgUnit.code, year: history.year })}`}>{r.name}</Link>,
    },
    ...history.years.map((year, i) => ({
      title: `${year}`,
      key: String(year),
      width: 64,
      align: 'center' as const,
      render: (_: unknown, r: Row) => {
        const w = r.warnings[i] ?? 'none';
        const s = r.statuses[i] ?? 'insufficient_data';
        const style = WARNING_STYLES[w];
        return (
          <Tooltip title={`${year}年:${STATUS_LABELS[s]},${WARNING_LABELS[w]}`}>
            <span
              data-testid="history-cell"
              data-year={year}
              data-warning={w}
              aria-label={`${year}年${WARNING_LABELS[w]}`}
              style={{
                display: 'inline-block',
                minWidth: 28,
                borderRadius: 4,
                color: style.color,
                background: style.background,
                border: `1px solid ${style.border}`,
              }}
            >
              {SHORT[w]}
            </span>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Card
      size="small"
      title={`预警历史(${history.years[0] ?? ''}—${history.year}年)`}
      data-testid="warning-history"
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">只看出现过预警的指标</Typography.Text>
          <Switch size="small" checked={onlyWarned} onChange={setOnlyWarned} aria-label="只看出现过预警的指标" />
        </Flex>
      }
    >
      <Chart option={option} height={220} ariaLabel={`历年预警指标数:${words}`} testId="history-chart" />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        每一年按当年及以前的数据评估;基期年只有一个数据点,通常为“数据不足”,不作预警。
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.indicator}|${r.sex}|${r.area}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 280 + history.years.length * 64 }}
      />
    </Card>
  );
}
