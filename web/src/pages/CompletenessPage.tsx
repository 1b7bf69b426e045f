/**
 * 报送进度: for each lead department × unit, how many values are due and filled, the review state and
 * whether it is late. The office sets the deadline and downloads the reminder list (催报名单).
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Modal,
  Progress,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { download, errorMessage, query } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { StateTag } from '../components/entry/StateTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { YearSelect } from '../components/YearSelect';
import { STATE_LABELS, type SubmissionState } from '../core';
import { remindersUrl, useCompleteness, type CompletenessRow } from '../hooks/useCompleteness';
import { setDeadline } from '../hooks/useDeadlines';
import { useDepartments } from '../hooks/useDepartments';
import { useYear } from '../hooks/useYear';
import { routesFor } from '../routes';
import { dateTime } from '../utils/format';

type StateFilter = 'all' | SubmissionState | 'late' | 'empty';
type View = 'list' | 'matrix';

const REPORTING_LEVELS = ['city', 'county'] as const;

function share(r: { filled: number; expected: number }): number {
  return r.expected === 0 ? 100 : Math.round((r.filled / r.expected) * 100);
}

function LateTag({ row }: { row: CompletenessRow }) {
  if (!row.late) return null;
  return <Tag color="red">逾期{row.daysLate > 0 ? ` ${row.daysLate} 天` : ''}</Tag>;
}

export default function CompletenessPage() {
  const user = useUser();
  const { message } = App.useApp();
  const mayManage = user.role === 'admin' || user.role === 'evaluator';
  const mayOpenEntry = routesFor(user.role).some((r) => r.path === '/entry');
  const yearChoice = useYear();
  const year = yearChoice.year;
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? user.orgUnitCode;
  const department = params.get('department') ?? undefined;
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [view, setView] = useState<View>('list');
  const [deadlineOpen, setDeadlineOpen] = useState(false);
  const [newDeadline, setNewDeadline] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const q = year === null ? null : { year, org, department };
  const { data, loading, error, reload } = useCompleteness(q);
  const departments = useDepartments();

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const rows = useMemo(
    () =>
      (data?.rows ?? []).filter(
        (r) =>
          stateFilter === 'all' || (stateFilter === 'late' ? r.late : stateFilter === 'empty' ? r.filled === 0 : r.state === stateFilter),
      ),
    [data, stateFilter],
  );
  const totals = data?.totals;

  const entryLink = (r: CompletenessRow) => `/entry${query({ year, org: r.orgUnitCode, department: r.departmentCode })}`;

  const saveDeadline = async () => {
    if (year === null || newDeadline === null) return;
    setSaving(true);
    try {
      await setDeadline(year, newDeadline.format('YYYY-MM-DD'));
      message.success(`${year} 年度报送截止日期已设为 ${newDeadline.format('YYYY-MM-DD')}`);
      setDeadlineOpen(false);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const exportReminders = async () => {
    if (q === null) return;
    setExporting(true);
    try {
      await download(remindersUrl(q));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<CompletenessRow> = [
    { title: '单位', dataIndex: 'orgUnitName', width: 110, sorter: (a, b) => a.orgUnitCode.localeCompare(b.orgUnitCode) },
    {
      title: '成员单位',
      dataIndex: 'departmentName',
      ellipsis: true,
      render: (name: string, r) =>
        mayOpenEntry ? (
          <Link to={entryLink(r)} aria-label={`打开 ${r.orgUnitName} ${name} 的报表`}>
            {name}
          </Link>
        ) : (
          name
        ),
    },
    { title: '应填', dataIndex: 'expected', width: 70, className: 'num', sorter: (a, b) => a.expected - b.expected },
    { title: '已填', dataIndex: 'filled', width: 70, className: 'num', sorter: (a, b) => a.filled - b.filled },
    {
      title: '完成率',
      key: 'share',
      width: 150,
      sorter: (a, b) => share(a) - share(b),
      render: (_, r) => <Progress percent={share(r)} size="small" status={share(r) >= 100 ? 'success' : r.late ? 'exception' : 'normal'} />,
    },
    {
      title: '状态',
      key: 'state',
      width: 90,
      sorter: (a, b) => a.state.localeCompare(b.state),
      render: (_, r) => <StateTag state={r.state} label={r.stateLabel} />,
    },
    { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: (v: string | null) => dateTime(v) || '—' },
    {
      title: '及时性',
      key: 'late',
      width: 100,
      render: (_, r) => (r.late ? <LateTag row={r} /> : r.submittedAt ? <Tag color="green">按时</Tag> : ''),
    },
  ];

  return (
    <Card
      title="报送进度"
      extra={
        <Space wrap>
          <YearSelect choice={yearChoice} />
          <OrgUnitTreeSelect
            value={org}
            onChange={(v) => setParam('org', v || undefined)}
            levels={REPORTING_LEVELS}
            style={{ width: 180 }}
          />
        </Space>
      }
    >
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>
            报送截止日期:
            <b data-testid="deadline">{data?.deadline ?? '未设置'}</b>
          </Typography.Text>
          {mayManage && (
            <Button
              size="small"
              icon={<CalendarOutlined />}
              onClick={() => {
                setNewDeadline(data?.deadline ? dayjs(data.deadline) : null);
                setDeadlineOpen(true);
              }}
              aria-label="设置截止日期"
            >
              设置截止日期
            </Button>
          )}
        </Space>
        <Button icon={<DownloadOutlined />} onClick={() => void exportReminders()} loading={exporting} aria-label="导出催报名单">
          导出催报名单(Excel)
        </Button>
      </Flex>
      {totals && (
        <Flex gap={32} wrap align="center" style={{ marginBottom: 16 }} data-testid="completeness-totals">
          <Statistic title="报表" value={totals.rows} />
          <Statistic title="已提交" value={totals.submitted} suffix={`/ ${totals.rows}`} />
          <Statistic title="已批准" value={totals.approved} />
          <Statistic title="逾期" value={totals.late} styles={{ content: { color: totals.late > 0 ? '#cf1322' : undefined } }} />
          <div style={{ width: 240 }}>
            <Typography.Text type="secondary">数值填报率</Typography.Text>
            <Progress percent={totals.expected === 0 ? 0 : Math.round((totals.filled / totals.expected) * 1000) / 10} />
            <Typography.Text type="secondary" className="num" style={{ display: 'block' }}>
              已填 {totals.filled} / 应填 {totals.expected} 个数值
            </Typography.Text>
          </div>
        </Flex>
      )}
      <ErrorAlert error={error} retry={reload} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<string>
          allowClear
          aria-label="成员单位"
          placeholder="全部成员单位"
          style={{ width: 220 }}
          value={department}
          onChange={(v) => setParam('department', v)}
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.loading}
          options={(departments.data?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select<StateFilter>
          aria-label="状态"
          style={{ width: 140 }}
          value={stateFilter}
          onChange={setStateFilter}
          options={[
            { value: 'all', label: '全部状态' },
            ...(Object.keys(STATE_LABELS) as SubmissionState[]).map((s) => ({ value: s, label: STATE_LABELS[s] })),
            { value: 'late', label: '逾期' },
            { value: 'empty', label: '尚未填报' },
          ]}
        />
        <Segmented<View>
          aria-label="显示方式"
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: '列表' },
            { value: 'matrix', label: '成员单位 × 单位' },
          ]}
        />
        <Typography.Text type="secondary">共 {rows.length} 张报表</Typography.Text>
      </Space>
      {view === 'list' ? (
        <Table<CompletenessRow>
          data-testid="completeness-table"
          aria-label="报送进度"
          rowKey={(r) => `${r.departmentCode}|${r.orgUnitCode}`}
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 950 }}
        />
      ) : (
        <Matrix rows={rows} loading={loading} link={mayOpenEntry ? entryLink : null} />
      )}
      <Modal
        open={deadlineOpen}
        title={`设置 ${year ?? ''} 年度数据的报送截止日期`}
        okText="保存"
        cancelText="取消"
        onOk={() => void saveDeadline()}
        okButtonProps={{ disabled: newDeadline === null, 'aria-label': '保存截止日期' }}
        confirmLoading={saving}
        onCancel={() => setDeadlineOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">截止日期当天(北京时间)结束前提交的视为按时报送。</Typography.Paragraph>
        <DatePicker value={newDeadline} onChange={setNewDeadline} aria-label="截止日期" style={{ width: 200 }} />
      </Modal>
    </Card>
  );
}

interface MatrixRow {
  departmentCode: string;
  departmentName: string;
  cells: Map<string, CompletenessRow>;
}

/** One line per department, one column per unit: the state of each form at a glance. */
function Matrix({ rows, loading, link }: { rows: CompletenessRow[]; loading: boolean; link: ((r: CompletenessRow) => string) | null }) {
  const units = [...new Map(rows.map((r) => [r.orgUnitCode, r.orgUnitName])).entries()];
  const lines: MatrixRow[] = [];
  const byDept = new Map<string, MatrixRow>();
  for (const r of rows) {
    let line = byDept.get(r.departmentCode);
    if (!line) {
      line = { departmentCode: r.departmentCode, departmentName: r.departmentName, cells: new Map() };
      byDept.set(r.departmentCode, line);
      lines.push(line);
    }
    line.cells.set(r.orgUnitCode, r);
  }
  const cell = (r: CompletenessRow | undefined) => {
    if (!r) return <Typography.Text type="secondary">—</Typography.Text>;
    const body = (
      <Tooltip title={`${r.departmentName} · ${r.orgUnitName}:已填 ${r.filled}/${r.expected}${r.late ? `,逾期 ${r.daysLate} 天` : ''}`}>
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <StateTag state={r.state} label={r.stateLabel} />
          <span className="num" style={{ color: r.late ? '#cf1322' : undefined }}>
            {r.filled}/{r.expected}
          </span>
        </Space>
      </Tooltip>
    );
    return link ? <Link to={link(r)}>{body}</Link> : body;
  };
  const columns: ColumnsType<MatrixRow> = [
    { title: '成员单位', dataIndex: 'departmentName', fixed: 'left', width: 180, ellipsis: true },
    ...units.map(([code, name]) => ({
      title: name,
      key: code,
      width: 130,
      render: (_: unknown, line: MatrixRow) => cell(line.cells.get(code)),
    })),
  ];
  return (
    <Table<MatrixRow>
      data-testid="completeness-matrix"
      aria-label="报送进度(成员单位 × 单位)"
      rowKey="departmentCode"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 180 + units.length * 130 }}
    />
  );
}
