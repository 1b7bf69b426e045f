/**
 * 审核: the submissions of the year within the user's area, their state and how complete they are,
 * with the workflow steps the user may take and each submission's record.
 *
 * Names for tests (aria-label / data-testid):
 * - 年度 `year-select`, 按状态筛选 `state-filter`, 按单位筛选 `org-filter`, 按成员单位筛选 `department-filter`,
 *   搜索 `review-search`, 刷新
 * - state counts `state-count-{state}` (click to filter), 待我审核或批准 `waiting-count` (click to filter)
 * - table `submissions-table` (aria-label 报送列表), rows data-row-key `{department}|{org}`
 * - per row: `action-{submit|review|approve|return|reopen}-{department}-{org}` (aria-label 审核通过 …),
 *   查看 `open-form-{department}-{org}` (opens /entry?department=&org=&year= read-only), 记录 `events-{department}-{org}`
 * - reason dialog: 理由 `workflow-reason`, OK 确认{动作}; events drawer `events-drawer` with `events-timeline`
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Drawer, Flex, Input, Progress, Select, Space, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import { STATE_LABELS, type SubmissionState } from '../core';
import { ErrorAlert } from '../components/ErrorAlert';
import { YearSelect } from '../components/YearSelect';
import { EventsTimeline } from '../components/entry/EventsTimeline';
import { StateTag } from '../components/entry/StateTag';
import { SubmissionActions } from '../components/entry/SubmissionActions';
import { useSubmissionEvents, useSubmissions, type SubmissionKey, type SubmissionSummary } from '../hooks/useSubmissions';
import { useYear } from '../hooks/useYear';
import { dateTime } from '../utils/format';

const STATES = Object.keys(STATE_LABELS) as SubmissionState[];
const rowKey = (s: SubmissionSummary) => `${s.department.code}|${s.orgUnit.code}`;
const testSuffix = (s: SubmissionSummary) => `${s.department.code}-${s.orgUnit.code}`;
const waitsFor = (s: SubmissionSummary) => s.actions.some((a) => a.action === 'review' || a.action === 'approve');

function EventsDrawer({ target, onClose }: { target: (SubmissionKey & { title: string }) | null; onClose(): void }) {
  const { data, loading, error, reload } = useSubmissionEvents(target);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={480}
      title={target ? `流转记录:${target.title}` : '流转记录'}
      destroyOnHidden
      data-testid="events-drawer"
      closable={{ 'aria-label': '关闭' }}
    >
      <ErrorAlert error={error} retry={reload} />
      {loading && !data ? <Spin /> : data ? <EventsTimeline events={data} /> : null}
    </Drawer>
  );
}

export default function ReviewPage() {
  const yearChoice = useYear();
  const { data, loading, error, reload } = useSubmissions(yearChoice.year);
  const [state, setState] = useState<SubmissionState | undefined>(undefined);
  const [org, setOrg] = useState<string | undefined>(undefined);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [mine, setMine] = useState(false);
  const [events, setEvents] = useState<(SubmissionKey & { title: string }) | null>(null);

  const rows = useMemo(() => data ?? [], [data]);
  const units = useMemo(() => [...new Map(rows.map((r) => [r.orgUnit.code, r.orgUnit.name])).entries()], [rows]);
  const departments = useMemo(() => [...new Map(rows.map((r) => [r.department.code, r.department.name])).entries()], [rows]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const r of rows) if (org === undefined || r.orgUnit.code === org) c.set(r.state, (c.get(r.state) ?? 0) + 1);
    return c;
  }, [rows, org]);
  const shown = useMemo(() => {
    const t = text.trim();
    // What waits for this user comes first; otherwise the server's order (unit, then department).
    const waitingFirst = [...rows].sort((a, b) => Number(waitsFor(b)) - Number(waitsFor(a)));
    return waitingFirst.filter(
      (r) =>
        (!mine || waitsFor(r)) &&
        (state === undefined || r.state === state) &&
        (org === undefined || r.orgUnit.code === org) &&
        (department === undefined || r.department.code === department) &&
        (t === '' || r.department.name.includes(t) || r.orgUnit.name.includes(t)),
    );
  }, [rows, state, org, department, text, mine]);
  const waiting = rows.filter(waitsFor).length;

  const columns: ColumnsType<SubmissionSummary> = [
    {
      title: '单位',
      key: 'org',
      width: 110,
      render: (_, r) => r.orgUnit.name,
      sorter: (a, b) => a.orgUnit.code.localeCompare(b.orgUnit.code),
    },
    { title: '成员单位', key: 'department', width: 210, ellipsis: true, render: (_, r) => r.department.name },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, r) => <StateTag state={r.state} label={r.stateLabel} />,
      sorter: (a, b) => STATES.indexOf(a.state as SubmissionState) - STATES.indexOf(b.state as SubmissionState),
    },
    {
      title: '已填/应填',
      key: 'filled',
      width: 150,
      render: (_, r) => (
        <Flex align="center" gap={8}>
          <span className="num" style={{ minWidth: 44 }}>
            {r.filled}/{r.expected}
          </span>
          <Progress
            percent={r.expected > 0 ? Math.round((r.filled / r.expected) * 100) : 0}
            size="small"
            showInfo={false}
            style={{ width: 60, margin: 0 }}
            status={r.expected > 0 && r.filled >= r.expected ? 'success' : 'normal'}
          />
        </Flex>
      ),
      sorter: (a, b) => a.filled / Math.max(a.expected, 1) - b.filled / Math.max(b.expected, 1),
    },
    { title: '提交时间', dataIndex: 'submittedAt', width: 136, render: (v: string | null) => dateTime(v) || '—' },
    {
      title: '最后操作人',
      key: 'updatedBy',
      width: 150,
      render: (_, r) =>
        r.updatedBy ? (
          <div>
            <div>{r.updatedBy}</div>
            <div style={{ fontSize: 12, color: '#888' }}>{dateTime(r.updatedAt)}</div>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, r) => (
        <Space size={4} wrap>
          <SubmissionActions
            size="small"
            target={{ department: r.department.code, org: r.orgUnit.code, year: r.year }}
            title={`${r.department.name} · ${r.orgUnit.name} · ${r.year} 年`}
            actions={r.actions}
            onDone={reload}
            testIdSuffix={testSuffix(r)}
          />
          <Link
            to={`/entry?department=${encodeURIComponent(r.department.code)}&org=${encodeURIComponent(r.orgUnit.code)}&year=${r.year}`}
            aria-label={`查看 ${r.department.name} ${r.orgUnit.name} 的填报表`}
            data-testid={`open-form-${testSuffix(r)}`}
            style={{ padding: '0 7px', fontSize: 12 }}
          >
            查看
          </Link>
          <Button
            size="small"
            type="link"
            onClick={() =>
              setEvents({
                department: r.department.code,
                org: r.orgUnit.code,
                year: r.year,
                title: `${r.department.name} · ${r.orgUnit.name} · ${r.year} 年`,
              })
            }
            aria-label={`记录 ${r.department.name} ${r.orgUnit.name}`}
            data-testid={`events-${testSuffix(r)}`}
          >
            记录
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="审核"
      extra={
        <Space wrap>
          <YearSelect choice={yearChoice} />
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新">
            刷新
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} retry={reload} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {STATES.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={state === s}
            onChange={(on) => setState(on ? s : undefined)}
            data-testid={`state-count-${s}`}
            aria-label={`${STATE_LABELS[s]} ${counts.get(s) ?? 0} 份`}
          >
            {STATE_LABELS[s]} {counts.get(s) ?? 0}
          </Tag.CheckableTag>
        ))}
        <Tag.CheckableTag
          checked={mine}
          onChange={setMine}
          data-testid="waiting-count"
          aria-label={`待我处理 ${waiting} 份`}
          style={waiting > 0 && !mine ? { color: '#d46b08' } : undefined}
        >
          待我审核或批准 {waiting}
        </Tag.CheckableTag>
      </Flex>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<SubmissionState>
          allowClear
          placeholder="全部状态"
          aria-label="按状态筛选"
          data-testid="state-filter"
          style={{ width: 120 }}
          value={state}
          onChange={setState}
          options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        />
        <Select<string>
          allowClear
          placeholder="全部单位"
          aria-label="按单位筛选"
          data-testid="org-filter"
          style={{ width: 150 }}
          value={org}
          onChange={setOrg}
          options={units.map(([code, name]) => ({ value: code, label: name }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部成员单位"
          aria-label="按成员单位筛选"
          data-testid="department-filter"
          style={{ width: 220 }}
          value={department}
          onChange={setDepartment}
          options={departments.map(([code, name]) => ({ value: code, label: name }))}
        />
        <Input.Search
          allowClear
          placeholder="单位或成员单位名称"
          aria-label="搜索报送"
          data-testid="review-search"
          style={{ width: 200 }}
          onSearch={setText}
          onChange={(e) => setText(e.target.value)}
        />
        <span style={{ color: '#888' }}>共 {shown.length} 份</span>
      </Space>
      <Table<SubmissionSummary>
        data-testid="submissions-table"
        aria-label="报送列表"
        rowKey={rowKey}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: yearChoice.year === null ? '正在加载…' : '没有符合条件的报送' }}
      />
      <EventsDrawer target={events} onClose={() => setEvents(null)} />
    </Card>
  );
}
