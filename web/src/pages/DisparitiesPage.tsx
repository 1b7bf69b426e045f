/**
 * 差距: urban–rural gaps and the spread across the county-level units (methodology.md §4) for
 * every indicator with the data, the latest year against the baseline, and how each gap moved.
 */
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Empty, Tabs, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { query } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { CountyCharts, UrbanRuralChart } from '../components/monitoring/DisparityCharts';
import { FigureToolbar } from '../components/monitoring/FigureToolbar';
import { ShownAnswer } from '../components/monitoring/ShownAnswer';
import { useFigureSelection } from '../hooks/useFigureSelection';
import { disparitiesUrl, useDisparities, type DisparityRow, type Trend } from '../hooks/useMonitoring';
import { useShownFigures } from '../hooks/useShownFigures';

const TREND_COLORS: Record<Trend, string> = { narrowing: 'green', widening: 'red', stable: 'default' };

function TrendTag({ trend, label }: { trend: Trend | null; label: string }) {
  if (trend === null) return <span>—</span>;
  return (
    <Tag color={TREND_COLORS[trend]} data-testid="trend-tag" data-trend={trend}>
      {label}
    </Tag>
  );
}

/** One kind of gap: the summary in the reports' words, then a row per indicator that opens its chart. */
function GapTab(props: {
  summary: string;
  summaryTestId: string;
  rows: DisparityRow[];
  columns: ColumnsType<DisparityRow>;
  empty: string;
  chart: (r: DisparityRow) => ReactNode;
}) {
  return (
    <>
      {props.summary && <Alert type="info" showIcon title={props.summary} style={{ marginBottom: 12 }} data-testid={props.summaryTestId} />}
      {props.rows.length === 0 ? (
        <Empty description={props.empty} />
      ) : (
        <Table<DisparityRow>
          size="small"
          rowKey="indicator"
          columns={props.columns}
          dataSource={props.rows}
          pagination={false}
          expandable={{ expandedRowRender: props.chart }}
        />
      )}
    </>
  );
}

export default function DisparitiesPage() {
  const selection = useFigureSelection();
  const { data, loading, error, reload } = useDisparities(selection.request);
  const [tab, setTab] = useState('urbanRural');
  const shown = useShownFigures(selection, data, disparitiesUrl);

  const link = (r: DisparityRow) => (
    <Link
      to={`/indicators/${r.indicator}${query({ org: data?.orgUnit.code, year: data?.year })}`}
      data-testid="disparity-indicator"
      data-indicator={r.indicator}
    >
      {r.name}
    </Link>
  );
  const baseline = data?.baselineYear ?? 2020;
  const urbanRuralColumns: ColumnsType<DisparityRow> = [
    { title: '指标', key: 'name', render: (_, r) => link(r) },
    { title: '领域', dataIndex: 'domainName', key: 'domain', width: 110 },
    { title: '年份', key: 'year', width: 70, render: (_, r) => r.urbanRural?.latestYear },
    { title: '城镇', key: 'urban', width: 100, align: 'right', render: (_, r) => <span className="num">{r.urbanRural?.urbanText}</span> },
    { title: '农村', key: 'rural', width: 100, align: 'right', render: (_, r) => <span className="num">{r.urbanRural?.ruralText}</span> },
    {
      title: '城乡差距',
      key: 'gap',
      width: 120,
      align: 'right',
      render: (_, r) => (
        <span className="num" data-testid="ur-gap">
          {r.urbanRural?.gapText}
        </span>
      ),
    },
    { title: `${baseline}年差距`, key: 'baseline', width: 120, align: 'right', render: (_, r) => r.urbanRural?.baselineGapText ?? '—' },
    {
      title: '变化',
      key: 'trend',
      width: 80,
      render: (_, r) => r.urbanRural && <TrendTag trend={r.urbanRural.trend} label={r.urbanRural.trendLabel} />,
    },
  ];
  const countyColumns: ColumnsType<DisparityRow> = [
    { title: '指标', key: 'name', render: (_, r) => link(r) },
    { title: '年份', key: 'year', width: 70, render: (_, r) => r.county?.latestYear },
    { title: '最高', key: 'max', width: 150, render: (_, r) => r.county && `${r.county.max.orgName} ${r.county.max.valueText}` },
    { title: '最低', key: 'min', width: 150, render: (_, r) => r.county && `${r.county.min.orgName} ${r.county.min.valueText}` },
    {
      title: '极差',
      key: 'range',
      width: 120,
      align: 'right',
      render: (_, r) => (
        <span className="num" data-testid="county-range">
          {r.county?.rangeText}
        </span>
      ),
    },
    {
      title: '最高/最低',
      key: 'ratio',
      width: 90,
      align: 'right',
      render: (_, r) => (r.county?.ratio == null ? '—' : r.county.ratio.toFixed(2)),
    },
    { title: `${baseline}年极差`, key: 'baseline', width: 120, align: 'right', render: (_, r) => r.county?.baselineRangeText ?? '—' },
    {
      title: '变化',
      key: 'trend',
      width: 80,
      render: (_, r) => r.county && <TrendTag trend={r.county.trend} label={r.county.trendLabel} />,
    },
  ];
  const urbanRural = data?.rows.filter((r) => r.urbanRural) ?? [];
  const county = data?.rows.filter((r) => r.county) ?? [];

  return (
    <Card title={data ? `差距 · ${data.orgUnit.name} ${data.year}年` : '差距'}>
      <FigureToolbar selection={selection} answer={data} loading={loading} />
      <ErrorAlert error={error} retry={reload} />
      <ShownAnswer answer={data} shown={shown} failed={error !== null} testId="disparities">
        {(data) => (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'urbanRural',
                label: `城乡差距(${urbanRural.length})`,
                children: (
                  <GapTab
                    summary={data.urbanRural.text}
                    summaryTestId="ur-summary"
                    rows={urbanRural}
                    columns={urbanRuralColumns}
                    empty="暂无城乡分组的监测数据"
                    chart={(r) => <UrbanRuralChart row={r} />}
                  />
                ),
              },
              {
                key: 'county',
                label: `县(市、区)间差距(${county.length})`,
                children: (
                  <GapTab
                    summary={data.county.text}
                    summaryTestId="county-summary"
                    rows={county}
                    columns={countyColumns}
                    empty="暂无分县(市、区)的监测数据(县级单位没有下属县区)"
                    chart={(r) => <CountyCharts row={r} />}
                  />
                ),
              },
            ]}
          />
        )}
      </ShownAnswer>
    </Card>
  );
}
