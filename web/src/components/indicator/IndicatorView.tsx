/**
 * The indicator page's content, drawn from the data object alone (GET /api/indicators/:code, or the
 * public portal's equivalent), so that the signed-in page and the public portal share it. The map
 * is shown only when asked for (never on the public portal: a public map needs 审图号).
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Col, Flex, Radio, Row, Segmented, Typography } from 'antd';
import type { IndicatorPageData } from '../../../../src/app/indicatorPageModel';
import { AssessmentSummary } from './AssessmentSummary';
import { BreakdownTable } from './BreakdownTable';
import { ChildrenTable } from './ChildrenTable';
import { ComparisonBar } from './ComparisonBar';
import { IndicatorFacts } from './IndicatorFacts';
import { SIPING_COUNTIES, SipingMap, type MapMode } from './SipingMap';
import { TrendChart } from './TrendChart';
import { ValueTable } from './ValueTable';

export interface IndicatorViewProps {
  page: IndicatorPageData;
  /** The map of Siping's counties (signed-in pages only). */
  showMap: boolean;
  /** Opens the same indicator at another unit (a child, one level down); no links without it. */
  onOpenUnit?: (code: string) => void;
}

export function IndicatorView({ page, showMap, onOpenUnit }: IndicatorViewProps) {
  const targets = page.assessments.filter((a) => a.isTarget);
  const shown = targets.length > 0 ? targets : page.assessments.slice(0, 1);
  const [slot, setSlot] = useState<string | null>(null);
  const selected = shown.find((a) => `${a.sex}|${a.area}` === slot) ?? shown[0];
  const [mode, setMode] = useState<MapMode>('status');
  const drillable = useMemo(() => new Set(page.children.filter((c) => c.drillable).map((c) => c.code)), [page.children]);
  const open = onOpenUnit ? (code: string) => onOpenUnit(code) : undefined;
  const mapped = showMap && page.children.length > 0 && page.children.every((c) => SIPING_COUNTIES.includes(c.code));
  const { unit, unitSuffix, digits } = page.indicator;
  const comparedOn = page.assessments.find((a) => a.sex === page.compared.sex && a.area === page.compared.area);
  const comparedLabel = page.compared.sex === 'total' && page.compared.area === 'total' ? '' : `(${page.compared.label})`;

  return (
    <Flex vertical gap={16}>
      {page.synthetic && <Alert type="warning" showIcon title="本库为合成的演示数据,不是真实统计数据。" />}
      <Card title="指标说明" size="small">
        <IndicatorFacts page={page} />
      </Card>
      <Card title={`${page.orgUnit.name} ${page.year}年进展`} size="small" data-testid="progress-card">
        <AssessmentSummary page={page} shown={shown} />
      </Card>
      <Card
        title="历年走势与目标"
        size="small"
        extra={
          shown.length > 1 ? (
            <Segmented
              size="small"
              value={selected ? `${selected.sex}|${selected.area}` : undefined}
              onChange={(v) => setSlot(String(v))}
              options={shown.map((a) => ({ value: `${a.sex}|${a.area}`, label: a.label }))}
            />
          ) : undefined
        }
      >
        {page.series.length === 0 ? (
          <Typography.Text type="secondary">暂无数据。</Typography.Text>
        ) : (
          <TrendChart page={page} selected={selected} />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          虚线为按{page.baselineYear}
          年以来的实际年均变化速度推算至目标年份的数值,点线为从最新数值起实现目标所需的路径(计算方法见“方法说明”)。
        </Typography.Paragraph>
      </Card>
      {page.breakdown.year !== null && (
        <Card title="分性别、城乡" size="small">
          <BreakdownTable page={page} />
        </Card>
      )}
      {page.children.length > 0 && (
        <Card
          title={`各${page.childLevelLabel ?? '下级单位'}比较${comparedLabel}`}
          size="small"
          data-testid="comparison-card"
          extra={
            mapped ? (
              <Radio.Group size="small" value={mode} onChange={(e) => setMode(e.target.value as MapMode)} aria-label="地图着色">
                <Radio.Button value="status">按预警着色</Radio.Button>
                <Radio.Button value="value">按数值着色</Radio.Button>
              </Radio.Group>
            ) : undefined
          }
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={mapped ? 12 : 24}>
              <ComparisonBar units={page.children} unit={unit} suffix={unitSuffix} digits={digits} target={comparedOn} onOpen={open} />
            </Col>
            {mapped && (
              <Col xs={24} lg={12}>
                <SipingMap units={page.children} mode={mode} unit={unitSuffix} digits={digits} onOpen={open} />
              </Col>
            )}
          </Row>
          <ChildrenTable page={page} onOpen={open} />
          {drillable.size > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              点击单位名称查看该单位的详情及其下级单位数据。
            </Typography.Text>
          )}
        </Card>
      )}
      <Card title="历年数值、来源与说明" size="small">
        <ValueTable page={page} />
      </Card>
    </Flex>
  );
}
