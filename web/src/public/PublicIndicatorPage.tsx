/**
 * A target's page on the public portal: the signed-in indicator page's content (IndicatorView) with
 * the public figures, without the map (a public map needs 审图号). Year and unit are in the address.
 */
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Card, Flex, Result, Skeleton, Typography } from 'antd';
import type { IndicatorPageData } from '../../../src/app/indicatorPageModel';
import { ErrorAlert } from '../components/ErrorAlert';
import { IndicatorView } from '../components/indicator/IndicatorView';
import { useApi } from '../hooks/useApi';
import { usePortal } from './PortalContext';
import { PortalSelects } from './PortalSelects';
import { usePortalSelection } from './usePortalSelection';

export default function PublicIndicatorPage() {
  const { code = '' } = useParams();
  const info = usePortal();
  const selection = usePortalSelection(info);
  const url =
    selection.year !== null && selection.org !== null
      ? `/api/public/indicators/${encodeURIComponent(code)}?year=${selection.year}&org=${encodeURIComponent(selection.org)}`
      : null;
  const { data: page, loading, error } = useApi<IndicatorPageData>(url);

  if (info.years.length === 0) {
    return <Result status="info" title="尚未公开发布监测数据" extra={<Link to="/public">返回首页</Link>} data-testid="public-no-year" />;
  }

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Breadcrumb items={[{ title: <Link to={`/public${selection.query}`}>首页</Link> }, { title: page?.indicator.name ?? code }]} />
          <Flex wrap gap={12} align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="indicator-name">
              {page ? `${page.indicator.name}(${page.indicator.unit})` : '指标详情'}
            </Typography.Title>
            <PortalSelects info={info} selection={selection} />
          </Flex>
        </Flex>
      </Card>
      <ErrorAlert error={error} />
      {loading && !page && <Skeleton active />}
      {page && <IndicatorView page={page} showMap={false} onOpenUnit={selection.setOrg} />}
    </Flex>
  );
}
