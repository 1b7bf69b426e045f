/**
 * The overview 总览 of a unit and year: the summary figures, the domains' status counts and 达标率,
 * every target as a tile coloured by its warning, and the qualitative goals' ratings beside them.
 * Presentation only: the signed-in page and the public portal hand it the same object.
 */
import { Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { Overview, Tile } from '../../hooks/useMonitoring';
import { STATUS_LABELS } from '../../../../src/core/phrasing/labels';
import { DomainStatusChart } from './DomainStatusChart';
import { STATUS_ORDER, STATUS_TAG_COLORS, WARNING_STYLES } from './figureStyle';
import { IndicatorTile } from './IndicatorTile';
import { QualitativeRatings } from './QualitativeRatings';

export interface OverviewViewProps {
  overview: Overview;
  /** Where a tile leads: the indicator page of the unit and year. */
  tileHref: (tile: Tile) => string;
  /** Hide the qualitative goals (a page that shows them elsewhere). */
  hideQualitative?: boolean;
}

function Summary({ overview }: { overview: Overview }) {
  const { overall, tiles } = overview;
  const red = tiles.filter((t) => t.warning === 'red').length;
  const yellow = tiles.filter((t) => t.warning === 'yellow').length;
  const items = [
    { key: 'total', title: '监测目标', value: `${overall.total}`, suffix: '项' },
    { key: 'achieved', title: '已达标', value: `${overall.achieved}`, suffix: '项' },
    { key: 'rate', title: '达标率', value: overall.achievementRateText, suffix: '', hint: `已达标 ÷ 可评估(${overall.assessed}项)` },
    { key: 'red', title: '红色预警', value: `${red}`, suffix: '项', color: WARNING_STYLES.red.color },
    { key: 'yellow', title: '黄色预警', value: `${yellow}`, suffix: '项', color: WARNING_STYLES.yellow.color },
    { key: 'missing', title: '数据不足', value: `${overall.counts.insufficient_data}`, suffix: '项' },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {items.map((i) => (
        <Col key={i.key} xs={12} sm={8} lg={4}>
          <Card size="small" data-testid={`summary-${i.key}`}>
            <Statistic title={i.title} value={i.value} suffix={i.suffix} styles={{ content: i.color ? { color: i.color } : undefined }} />
            {i.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.hint}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function DomainCounts({ domain }: { domain: Overview['domains'][number] }) {
  return (
    <Flex gap={4} wrap data-testid="domain-counts">
      {STATUS_ORDER.filter((s) => domain.counts[s] > 0).map((s) => (
        <Tag key={s} color={STATUS_TAG_COLORS[s]} data-status={s} data-count={domain.counts[s]}>
          {STATUS_LABELS[s]} {domain.counts[s]}
        </Tag>
      ))}
    </Flex>
  );
}

export function OverviewView({ overview, tileHref, hideQualitative }: OverviewViewProps) {
  return (
    <div data-testid="overview" data-year={overview.year} data-org={overview.orgUnit.code} data-kind={overview.data}>
      <Summary overview={overview} />
      <Card size="small" title="各领域指标进展" style={{ marginBottom: 16 }}>
        <DomainStatusChart overview={overview} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          按监测目标计数,分城镇、农村设定目标的指标分别计入;达标率 = 已达标 ÷ 可评估(不含数据不足和无量化目标)。定性目标单独评估,不计入。
        </Typography.Text>
      </Card>
      {overview.domains.map((d) => {
        const tiles = overview.tiles.filter((t) => t.domain === d.code);
        const qualitative = overview.qualitative.items.filter((i) => i.domain === d.code);
        return (
          <Card
            key={d.code}
            size="small"
            style={{ marginBottom: 16 }}
            data-testid={`domain-${d.code}`}
            data-total={d.total}
            data-rate={d.achievementRateText}
            title={
              <Flex gap={12} align="baseline" wrap>
                <span>{d.name}</span>
                <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                  {d.total}项目标 · 达标率 <span data-testid="domain-rate">{d.achievementRateText}</span>
                </Typography.Text>
              </Flex>
            }
            extra={<DomainCounts domain={d} />}
          >
            <Row gutter={16}>
              <Col xs={24} lg={hideQualitative ? 24 : 16}>
                {tiles.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本领域没有量化监测指标" />
                ) : (
                  <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 10 }}>
                    {tiles.map((t) => (
                      <IndicatorTile key={`${t.indicator}|${t.sex}|${t.area}`} tile={t} year={overview.year} href={tileHref(t)} />
                    ))}
                  </div>
                )}
              </Col>
              {!hideQualitative && (
                <Col xs={24} lg={8}>
                  <QualitativeRatings items={qualitative} />
                </Col>
              )}
            </Row>
          </Card>
        );
      })}
    </div>
  );
}
