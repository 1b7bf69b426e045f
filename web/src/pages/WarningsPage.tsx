/**
 * 预警: the red and yellow targets of a unit and year, why each is warned and who answers for it,
 * exportable to Excel; and the warning history since the baseline year.
 */
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, Flex, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { download, errorMessage, query } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { FigureToolbar } from '../components/monitoring/FigureToolbar';
import { ShownAnswer } from '../components/monitoring/ShownAnswer';
import { STATUS_TAG_COLORS, WARNING_STYLES } from '../components/monitoring/figureStyle';
import { WarningHistoryCard } from '../components/monitoring/WarningHistoryCard';
import { useDepartments } from '../hooks/useDepartments';
import { useFigureSelection } from '../hooks/useFigureSelection';
import {
  type FigureRequest,
  useWarningHistory,
  useWarnings,
  warningExportUrl,
  warningsUrl,
  type WarnedTarget,
} from '../hooks/useMonitoring';
import { useShownFigures } from '../hooks/useShownFigures';

export default function WarningsPage() {
  const { message } = App.useApp();
  const selection = useFigureSelection();
  const { request } = selection;
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const list = useWarnings(request, department);
  const history = useWarningHistory(request);
  const departments = useDepartments();
  const [busy, setBusy] = useState(false);
  const data = list.data;
  const listUrl = useCallback((r: FigureRequest) => warningsUrl(r, department), [department]);
  const shown = useShownFigures(selection, data, listUrl);

  const exportList = async () => {
    setBusy(true);
    try {
      await download(warningExportUrl({ ...request, year: request.year ?? data?.year ?? null }, department));
      message.success('已导出预警指标');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<WarnedTarget> = [
    {
      title: '预警',
      key: 'warning',
      width: 96,
      render: (_, i) => (
        <Tag color={i.warning === 'red' ? 'red' : 'gold'} data-testid="warning-tag" data-warning={i.warning}>
          {i.warningLabel}
        </Tag>
      ),
    },
    {
      title: '指标',
      key: 'name',
      width: 200,
      render: (_, i) => (
        <Link
          to={`/indicators/${i.indicator}${query({ org: data?.orgUnit.code, year: data?.year })}`}
          data-testid="warning-indicator"
          data-indicator={i.indicator}
          data-sex={i.sex}
          data-area={i.area}
        >
          {i.name}
        </Link>
      ),
    },
    { title: '领域', dataIndex: 'domainName', key: 'domain', width: 96 },
    {
      title: '最新值',
      key: 'value',
      width: 100,
      render: (_, i) => (
        <span className="num" data-testid="warning-value">
          {i.valueText}
          {i.latestYear !== null && i.latestYear !== data?.year ? `(${i.latestYear}年)` : ''}
        </span>
      ),
    },
    { title: '目标', dataIndex: 'targetText', key: 'target', width: 110 },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_, i) => <Tag color={STATUS_TAG_COLORS[i.status]}>{i.statusLabel}</Tag>,
    },
    {
      title: '预警原因',
      key: 'reason',
      width: 340,
      render: (_, i) => (
        <span>
          {i.causeLabels.map((c) => (
            <Tag key={c} variant="outlined">
              {c}
            </Tag>
          ))}
          <Typography.Text data-testid="warning-reason">{i.reason}</Typography.Text>
        </span>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 140,
      render: (_, i) => i.lead?.name ?? <Typography.Text type="warning">未指定</Typography.Text>,
    },
    { title: '配合单位', key: 'cooperating', width: 180, render: (_, i) => i.cooperating.map((c) => c.name).join('、') || '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={data ? `预警 · ${data.orgUnit.name} ${data.year}年` : '预警'}>
        <FigureToolbar selection={selection} answer={data} loading={list.loading}>
          <Space>
            <Select<string>
              aria-label="成员单位"
              data-testid="department-select"
              allowClear
              placeholder="全部成员单位"
              style={{ width: 200 }}
              value={department}
              onChange={(v) => setDepartment(v || undefined)}
              options={(departments.data?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={busy}
              onClick={() => void exportList()}
              disabled={!data}
              data-testid="warning-export"
            >
              导出 Excel
            </Button>
          </Space>
        </FigureToolbar>
        <ErrorAlert error={list.error} retry={list.reload} />
        <ShownAnswer answer={data} shown={shown} failed={list.error !== null} testId="warnings">
          {(data) => (
            <>
              <Flex gap={24} style={{ marginBottom: 12 }}>
                <Statistic
                  title="红色预警"
                  value={data.red}
                  suffix="项"
                  styles={{ content: { color: WARNING_STYLES.red.color } }}
                  data-testid="red-count"
                />
                <Statistic
                  title="黄色预警"
                  value={data.yellow}
                  suffix="项"
                  styles={{ content: { color: WARNING_STYLES.yellow.color } }}
                  data-testid="yellow-count"
                />
                <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: 0, alignSelf: 'center' }}>
                  红色预警:出现退步,或按现有速度难以如期达标;黄色预警:需加快进度,或最新一年变化幅度明显超过以往(波动较大)。预警指标由牵头单位会同配合单位分析原因、提出措施。
                </Typography.Paragraph>
              </Flex>
              {data.items.length === 0 ? (
                <Empty description={`${data.year}年${data.orgUnit.name}没有指标处于红色或黄色预警`} />
              ) : (
                <Table<WarnedTarget>
                  size="small"
                  rowKey={(i) => `${i.indicator}|${i.sex}|${i.area}`}
                  columns={columns}
                  dataSource={data.items}
                  pagination={false}
                  scroll={{ x: 1400 }}
                />
              )}
            </>
          )}
        </ShownAnswer>
      </Card>
      <ErrorAlert error={history.error} retry={history.reload} />
      {history.data && <WarningHistoryCard history={history.data} />}
    </Flex>
  );
}
