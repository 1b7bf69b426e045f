/**
 * The figures of the unit's targets: latest value, target in force, status and warning, the actual
 * and required yearly rates, their ratio and the projection, and the outlook in words.
 */
import { Alert, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { IndicatorPageData, PageAssessment } from '../../../../src/app/indicatorPageModel';
import { fixed, rateText, WARNING_FILLS } from './pageFormat';
import { StatusTag } from './StatusTag';

function Figures({ page, a }: { page: IndicatorPageData; a: PageAssessment }) {
  const { digits, unitSuffix: unit, bounded, direction } = page.indicator;
  const onGap = bounded && direction === 'up';
  const missed = a.milestones.filter((m) => !m.met);
  return (
    <Flex vertical gap={12} data-testid="assessment" data-slot={`${a.sex}|${a.area}`}>
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <div data-testid="indicator-value">
            <Statistic
              title={`数值(${a.latestYear ?? '—'}年)`}
              value={fixed(a.value, digits)}
              suffix={a.value === null ? undefined : unit}
            />
          </div>
        </Col>
        <Col xs={12} md={6}>
          <div data-testid="indicator-target">
            <Statistic
              title={`目标${a.targetYear ? `(${a.targetYear}年)` : ''}`}
              value={a.targetText}
              styles={{ content: { fontSize: 20 } }}
            />
          </div>
        </Col>
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">进展状态</Typography.Text>
          <div style={{ marginTop: 8 }} data-testid="indicator-status">
            <StatusTag status={a.status} label={a.statusLabel} />
            {a.warning !== 'none' && (
              <Tag color={WARNING_FILLS[a.warning]} data-testid="indicator-warning">
                {a.warningLabel}
              </Tag>
            )}
            {a.volatile && <Tag>波动较大</Tag>}
          </div>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="基期值"
            value={a.baselineYear ? `${fixed(a.baselineValue, digits)}(${a.baselineYear}年)` : '—'}
            styles={{ content: { fontSize: 20 } }}
          />
        </Col>
      </Row>
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">实际年均变化</Typography.Text>
          <div data-testid="actual-rate">{rateText(a.actualRate, onGap)}</div>
        </Col>
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">实现目标所需年均变化</Typography.Text>
          <div data-testid="required-rate">{rateText(a.requiredRate, onGap)}</div>
        </Col>
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">实际/所需(R)</Typography.Text>
          <div data-testid="ratio">{a.ratio === null ? '—' : a.ratio.toFixed(2)}</div>
        </Col>
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">按当前速度推算{a.targetYear ? `(${a.targetYear}年)` : ''}</Typography.Text>
          <div data-testid="projected-value">{a.projectedValue === null ? '—' : `${fixed(a.projectedValue, digits)}${unit}`}</div>
        </Col>
      </Row>
      {a.sentence && <Alert type={a.warning === 'red' ? 'warning' : 'info'} showIcon title={a.sentence} data-testid="indicator-sentence" />}
      {missed.length > 0 && (
        <Typography.Text type="danger">
          未达到的里程碑:{missed.map((m) => `${m.year}年(目标${m.target},实际${fixed(m.value, digits)})`).join(';')}
        </Typography.Text>
      )}
    </Flex>
  );
}

export interface AssessmentSummaryProps {
  page: IndicatorPageData;
  /** The targets' assessments (the total when the indicator has no target). */
  shown: PageAssessment[];
}

export function AssessmentSummary({ page, shown }: AssessmentSummaryProps) {
  if (shown.length === 0) return <Alert type="info" title="该单位暂无本指标的数据。" />;
  if (shown.length === 1 && shown[0]) return <Figures page={page} a={shown[0]} />;
  return (
    <Flex vertical gap={12}>
      {shown.map((a) => (
        <Card key={`${a.sex}|${a.area}`} size="small" title={a.label} type="inner">
          <Figures page={page} a={a} />
        </Card>
      ))}
    </Flex>
  );
}
