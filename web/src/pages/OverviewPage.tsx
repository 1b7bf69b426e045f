/**
 * 总览: where the plan stands for a unit and year at a glance. One request per switch of year or
 * unit, shown at once when seen before; the neighbouring years and units are fetched ahead.
 */
import { useEffect } from 'react';
import { Card, Typography } from 'antd';
import { query } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { FullPageSpin } from '../components/FullPageSpin';
import { FigureToolbar } from '../components/monitoring/FigureToolbar';
import { OverviewView } from '../components/monitoring/OverviewView';
import { useFigureSelection } from '../hooks/useFigureSelection';
import { overviewUrl, prefetchNeighbours, useOverview, type Tile } from '../hooks/useMonitoring';

export default function OverviewPage() {
  const selection = useFigureSelection();
  const { request, years, neighbours } = selection;
  const { data, loading, error, reload } = useOverview(request);
  const shown =
    data && data.orgUnit.code === request.org && data.data === request.data && (request.year === null || data.year === request.year)
      ? data
      : undefined;

  // The server chose the year: keep it in the address, so that every later request names its year.
  const { setYear } = selection;
  useEffect(() => {
    if (request.year === null && shown) setYear(shown.year);
  }, [request.year, shown, setYear]);

  useEffect(() => {
    if (!shown) return;
    prefetchNeighbours(overviewUrl, { ...request, year: shown.year }, years, neighbours);
  }, [shown, request, years, neighbours]);

  const tileHref = (t: Tile) => `/indicators/${t.indicator}${query({ org: data?.orgUnit.code, year: data?.year })}`;

  return (
    <Card
      title={data ? `总览 · ${data.orgUnit.name} ${data.year}年` : '总览'}
      extra={<Typography.Text type="secondary">点击指标查看走势、预测和分县比较</Typography.Text>}
    >
      <FigureToolbar selection={selection} answer={data} loading={loading} />
      <ErrorAlert error={error} retry={reload} />
      {data ? (
        <div style={{ opacity: shown ? 1 : 0.55, transition: 'opacity 0.2s' }} data-current={shown !== undefined}>
          <OverviewView overview={data} tileHref={tileHref} />
        </div>
      ) : (
        !error && <FullPageSpin />
      )}
    </Card>
  );
}
