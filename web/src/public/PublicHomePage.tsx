/**
 * The public portal's first page: the published years, and for the chosen year and unit the seven
 * domains' progress (counts per status and 达标率) and a tile per target that opens its page.
 * Unpublished years are not offered at all.
 */
import { Link } from 'react-router-dom';
import { Button, Card, Col, Empty, Flex, Result, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePortal } from './PortalContext';
import { PortalSelects } from './PortalSelects';
import { type OverviewTile, type PublicOverview, usePublicOverview } from './publicApi';
import { DomainBar, STATUS_ORDER, WARNING_BORDER } from './statusColors';
import { usePortalSelection } from './usePortalSelection';

function Tile({ t, query }: { t: OverviewTile; query: string }) {
  return (
    <Link to={`/public/indicators/${encodeURIComponent(t.indicator)}${query}`} aria-label={t.name}>
      <Card
        size="small"
        hoverable
        style={{ height: '100%', borderLeft: `4px solid ${WARNING_BORDER[t.warning]}` }}
        data-testid="public-tile"
        data-indicator={t.indicator}
        data-warning={t.warning}
      >
        <Typography.Text strong style={{ display: 'block', minHeight: 44 }}>
          {t.name}
        </Typography.Text>
        <Flex justify="space-between" align="baseline" style={{ marginTop: 4 }}>
          <span style={{ fontSize: 20 }} data-testid="public-tile-value">
            {t.valueText}
          </span>
          <Typography.Text type="secondary">{t.latestYear ? `${t.latestYear}年` : '暂无数据'}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          目标:{t.targetText}
          {t.targetYear ? `(${t.targetYear}年)` : ''}
        </Typography.Text>
        <Tag style={{ marginTop: 6 }}>{t.statusLabel}</Tag>
      </Card>
    </Link>
  );
}

function Domains({ overview, query }: { overview: PublicOverview; query: string }) {
  return (
    <>
      {overview.domains.map((d) => {
        const tiles = overview.tiles.filter((t) => t.domain === d.code);
        return (
          <Card
            key={d.code}
            size="small"
            style={{ marginBottom: 16 }}
            data-testid="public-domain"
            title={d.name}
            extra={<span data-testid="public-domain-rate">达标率 {d.achievementRateText}</span>}
          >
            <DomainBar counts={d.counts} total={d.total} />
            {tiles.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该领域没有量化目标" />
            ) : (
              <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                {tiles.map((t) => (
                  <Col key={`${t.indicator}|${t.name}`} xs={24} sm={12} lg={8} xl={6}>
                    <Tile t={t} query={query} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        );
      })}
    </>
  );
}

export default function PublicHomePage() {
  const info = usePortal();
  const selection = usePortalSelection(info);
  const { data: overview, error, loading, reload } = usePublicOverview(selection.year, selection.org);

  if (info.years.length === 0) {
    return (
      <Result
        status="info"
        title="尚未公开发布监测数据"
        subTitle="妇儿工委办公室公开发布某一年度的数据后,该年度已批准的监测结果将在此显示。"
        extra={
          <Space>
            <Link to="/public/about">
              <Button type="primary">关于规划</Button>
            </Link>
          </Space>
        }
        data-testid="public-no-year"
      />
    );
  }

  const unitName = info.units.find((u) => u.code === selection.org)?.name ?? '';
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-heading">
            {unitName} {selection.year}年规划目标进展
          </Typography.Title>
          <PortalSelects info={info} selection={selection} />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          已公开发布:{info.years.map((y) => `${y}年`).join('、')}。进展按规划的目标值和 {info.baselineYear}{' '}
          年基期值判断;只使用已批准并已公开发布年度的数据。
        </Typography.Paragraph>
      </Card>
      <ErrorAlert error={error} retry={reload} />
      {overview && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} loading={loading}>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <div data-testid="public-overall-rate">
                  <Statistic title="达标率" value={overview.overall.achievementRateText} />
                </div>
              </Col>
              {STATUS_ORDER.slice(0, 5).map((s) => (
                <Col key={s.status} xs={12} md={3}>
                  <Statistic title={s.label} value={overview.overall.counts[s.status]} />
                </Col>
              ))}
            </Row>
          </Card>
          <Domains overview={overview} query={selection.query} />
          {overview.qualitative.items.some((i) => i.rating !== null) && (
            <Card size="small" title="定性目标评估">
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={overview.qualitative.items.filter((i) => i.rating !== null)}
                columns={[
                  { title: '条目', dataIndex: 'text' },
                  { title: '评估结论', dataIndex: 'ratingLabel', width: 120 },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
