/**
 * 监测指标: every indicator of the plan at a unit for a year, domain by domain, with its value,
 * target and status (GET /api/assessment); each opens its indicator page.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useUser } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { STATUS_COLORS, WARNING_FILLS } from '../components/indicator/pageFormat';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { YearSelect } from '../components/YearSelect';
import { useApi } from '../hooks/useApi';
import { usePlan } from '../hooks/usePlan';
import { useYear } from '../hooks/useYear';
import type { Status, Warning } from '../../../src/core/assess/types';
import { formatNumber, unitSuffix, valueDigits } from '../../../src/core/phrasing/reportNumbers';

interface AssessmentRow {
  indicator: string;
  indicatorName: string;
  domain: string;
  unit: string;
  sex: string;
  area: string;
  value: number | null;
  latestYear: number | null;
  targetValue: number | null;
  status: Status;
  statusLabel: string;
  warning: Warning;
  warningLabel: string;
}

interface Assessment {
  year: number;
  orgUnit: { code: string; name: string };
  rows: AssessmentRow[];
}

interface Line extends AssessmentRow {
  key: string;
  domainName: string;
  targetText: string;
}

const SLOT_LABELS: Record<string, string> = { male: '男', female: '女', urban: '城镇', rural: '农村' };

export default function IndicatorListPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const choice = useYear();
  const org = params.get('org') || user.orgUnitCode;
  const plan = usePlan();
  const { data, loading, error } = useApi<Assessment>(
    choice.year === null ? null : `/api/assessment?year=${choice.year}&org=${encodeURIComponent(org)}`,
  );

  const lines = useMemo((): Line[] => {
    if (!data || !plan.data) return [];
    const domains = new Map(plan.data.domains.map((d) => [d.code, d.name]));
    const indicators = new Map(plan.data.indicators.map((i) => [i.code, i]));
    // The plan's targets (parent schools: urban and rural, each its own); the total of an indicator without one.
    const assessed = new Set(data.rows.filter((r) => r.status !== 'not_assessed').map((r) => r.indicator));
    return data.rows
      .filter((r) => (assessed.has(r.indicator) ? r.status !== 'not_assessed' : r.sex === 'total' && r.area === 'total'))
      .map((r) => {
        const planned = indicators.get(r.indicator);
        const ownTarget = r.targetValue !== null && (r.sex !== 'total' || r.area !== 'total');
        return {
          ...r,
          key: `${r.indicator}|${r.sex}|${r.area}`,
          domainName: domains.get(r.domain) ?? r.domain,
          targetText: ownTarget
            ? `${planned?.direction === 'down' ? '≤' : '≥'}${r.targetValue}${unitSuffix(r.unit)}`
            : (planned?.targetText ?? ''),
        };
      });
  }, [data, plan.data]);

  const link = (code: string) =>
    `/indicators/${encodeURIComponent(code)}?${new URLSearchParams({ org, ...(choice.year ? { year: String(choice.year) } : {}) }).toString()}`;

  return (
    <Card
      title="监测指标"
      extra={
        <Flex gap={8} wrap>
          <OrgUnitTreeSelect
            value={org}
            onChange={(v) =>
              v &&
              setParams((p) => {
                const next = new URLSearchParams(p);
                next.set('org', v);
                return next;
              })
            }
          />
          <YearSelect choice={choice} />
        </Flex>
      }
    >
      <ErrorAlert error={error ?? plan.error} />
      <Typography.Paragraph type="secondary">
        仅含已批准的数据。点击指标名称查看历年走势、目标推算、各县(市、区)比较和地图。
      </Typography.Paragraph>
      <Table<Line>
        size="small"
        rowKey="key"
        loading={loading || plan.loading}
        dataSource={lines}
        pagination={false}
        data-testid="indicator-list"
        columns={[
          { title: '领域', dataIndex: 'domainName', width: 130 },
          {
            title: '指标',
            dataIndex: 'indicatorName',
            render: (name: string, r) => (
              <Link to={link(r.indicator)} data-testid={`indicator-link-${r.indicator}`}>
                {name}
                {r.sex !== 'total' || r.area !== 'total' ? `(${SLOT_LABELS[r.sex] ?? ''}${SLOT_LABELS[r.area] ?? ''})` : ''}
              </Link>
            ),
          },
          { title: '单位', dataIndex: 'unit', width: 70 },
          {
            title: '数值',
            dataIndex: 'value',
            align: 'right',
            width: 90,
            render: (v: number | null, r) => (v === null ? '—' : formatNumber(v, valueDigits(r.unit))),
          },
          { title: '年度', dataIndex: 'latestYear', width: 70, render: (y: number | null) => y ?? '—' },
          { title: '规划目标', dataIndex: 'targetText', width: 160 },
          {
            title: '进展状态',
            dataIndex: 'statusLabel',
            width: 120,
            render: (t: string, r) => <Tag color={STATUS_COLORS[r.status]}>{t}</Tag>,
          },
          {
            title: '预警',
            dataIndex: 'warningLabel',
            width: 100,
            render: (t: string, r) => (r.warning === 'none' ? '—' : <Tag color={WARNING_FILLS[r.warning]}>{t}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
