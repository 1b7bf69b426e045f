/**
 * 工作台: what the signed-in user has to do next. A department sees its forms for the reporting year,
 * a statistics bureau what waits for its review, the office how far reporting has come, the admin
 * its accounts and security events.
 */
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  AuditOutlined,
  CheckSquareOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileProtectOutlined,
  PartitionOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { query } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { StateTag } from '../components/entry/StateTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { OverviewGlance } from '../components/monitoring/OverviewGlance';
import { YearSelect } from '../components/YearSelect';
import { STATE_LABELS, type SubmissionState } from '../core';
import { useCompleteness, type CompletenessRow } from '../hooks/useCompleteness';
import { useDeadlines } from '../hooks/useDeadlines';
import { useSecurityLog } from '../hooks/useSecurityLog';
import { useSubmissions, type SubmissionSummary } from '../hooks/useSubmissions';
import { useUsers } from '../hooks/useUsers';
import { useYear, type YearChoice } from '../hooks/useYear';
import { routesFor } from '../routes';
import { dateTime } from '../utils/format';

const STATES = Object.keys(STATE_LABELS) as SubmissionState[];

const entryLink = (s: SubmissionSummary) => `/entry${query({ year: s.year, org: s.orgUnit.code, department: s.department.code })}`;

function FillProgress({ filled, expected }: { filled: number; expected: number }) {
  const pct = expected === 0 ? 100 : Math.round((filled / expected) * 100);
  return (
    <Flex align="center" gap={8} style={{ minWidth: 150 }}>
      <Progress percent={pct} size="small" showInfo={false} style={{ width: 80, margin: 0 }} status={pct >= 100 ? 'success' : 'normal'} />
      <span className="num">
        {filled}/{expected}
      </span>
    </Flex>
  );
}

/** A department's forms for the year: one per unit it reports for. */
function DepartmentForms({ year, deadline }: { year: number; deadline: string | null }) {
  const { data, loading, error, reload } = useSubmissions(year);
  const rows = data ?? [];
  const columns: ColumnsType<SubmissionSummary> = [
    { title: '单位', key: 'org', render: (_, s) => s.orgUnit.name },
    { title: '状态', key: 'state', width: 90, render: (_, s) => <StateTag state={s.state} label={s.stateLabel} /> },
    { title: '已填 / 应填', key: 'filled', width: 170, render: (_, s) => <FillProgress filled={s.filled} expected={s.expected} /> },
    {
      title: '最近修改',
      key: 'updated',
      width: 200,
      render: (_, s) => (s.updatedAt ? `${dateTime(s.updatedAt)} ${s.updatedBy ?? ''}` : '—'),
    },
    {
      title: '操作',
      key: 'go',
      width: 110,
      render: (_, s) => (
        <Link to={entryLink(s)} aria-label={`填报 ${s.orgUnit.name}`}>
          <Button type={s.state === 'draft' ? 'primary' : 'default'} size="small" icon={<EditOutlined />}>
            {s.state === 'draft' ? '去填报' : '查看'}
          </Button>
        </Link>
      ),
    },
  ];
  const open = rows.filter((s) => s.state === 'draft').length;
  return (
    <Card
      title={`${year} 年度填报任务`}
      extra={deadline ? <Tag color="orange">截止日期 {deadline}</Tag> : undefined}
      data-testid="home-department-forms"
    >
      <ErrorAlert error={error} retry={reload} />
      {rows.length > 0 && (
        <Typography.Paragraph type="secondary">
          共 {rows.length} 张报表{open > 0 ? `,${open} 张尚未提交` : ',均已提交'}。填完后在填报页面点“提交”,由统计局审核。
        </Typography.Paragraph>
      )}
      <Table<SubmissionSummary>
        aria-label="本单位报表"
        rowKey={(s) => `${s.department.code}|${s.orgUnit.code}`}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description="本年度没有分配给本单位的填报任务" /> }}
      />
    </Card>
  );
}

/** What waits for this statistics bureau: submissions it may act on now. */
function ReviewQueue({ year }: { year: number }) {
  const { data, loading, error, reload } = useSubmissions(year);
  const waiting = useMemo(() => (data ?? []).filter((s) => s.actions.length > 0), [data]);
  const columns: ColumnsType<SubmissionSummary> = [
    { title: '成员单位', key: 'dept', render: (_, s) => s.department.name },
    { title: '单位', key: 'org', width: 130, render: (_, s) => s.orgUnit.name },
    { title: '状态', key: 'state', width: 90, render: (_, s) => <StateTag state={s.state} label={s.stateLabel} /> },
    { title: '提交时间', key: 'at', width: 140, render: (_, s) => dateTime(s.submittedAt) || '—' },
    { title: '已填 / 应填', key: 'filled', width: 170, render: (_, s) => <FillProgress filled={s.filled} expected={s.expected} /> },
    {
      title: '操作',
      key: 'go',
      width: 150,
      render: (_, s) => (
        <Link to={entryLink(s)} aria-label={`审核 ${s.department.name} ${s.orgUnit.name}`}>
          {s.actions.map((a) => a.label).join(' / ')}
        </Link>
      ),
    },
  ];
  return (
    <Card title={`待我处理(${year} 年度)`} extra={<Link to={`/review${query({ year })}`}>全部报送</Link>} data-testid="home-review-queue">
      <ErrorAlert error={error} retry={reload} />
      <Table<SubmissionSummary>
        aria-label="待审核报送"
        rowKey={(s) => `${s.department.code}|${s.orgUnit.code}`}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={waiting}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="暂无等待您审核或批准的报送" /> }}
      />
    </Card>
  );
}

/** How far reporting has come: submissions by state and values filled, over every department and unit in scope. */
function ReportingProgress({ year }: { year: number }) {
  const { data, loading, error, reload } = useSubmissions(year);
  const rows = data ?? [];
  const byState = (s: SubmissionState) => rows.filter((r) => r.state === s).length;
  const filled = rows.reduce((n, r) => n + r.filled, 0);
  const expected = rows.reduce((n, r) => n + r.expected, 0);
  const notStarted = rows.filter((r) => r.filled === 0).length;
  return (
    <Card title={`${year} 年度报送情况`} loading={loading && !data} data-testid="home-reporting-progress">
      <ErrorAlert error={error} retry={reload} />
      <Flex gap={32} wrap>
        <Statistic title="报表总数" value={rows.length} />
        {STATES.map((s) => (
          <Statistic key={s} title={STATE_LABELS[s]} value={byState(s)} />
        ))}
        <Statistic title="尚未填报" value={notStarted} styles={{ content: { color: notStarted > 0 ? '#cf1322' : undefined } }} />
        <div style={{ width: 240 }}>
          <Typography.Text type="secondary">数值填报率</Typography.Text>
          <Progress percent={expected === 0 ? 0 : Math.round((filled / expected) * 1000) / 10} style={{ margin: '6px 0 0' }} />
          <Typography.Text type="secondary" className="num" style={{ display: 'block' }}>
            已填 {filled} / 应填 {expected} 个数值
          </Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}

/** The office's view: how complete and how timely reporting is, and who is behind. */
function CompletenessCard({ year }: { year: number }) {
  const { data, loading, error, reload } = useCompleteness({ year });
  const totals = data?.totals;
  const behind = useMemo(
    () =>
      (data?.rows ?? [])
        .filter((r) => r.state === 'draft')
        .sort((a, b) => b.daysLate - a.daysLate || a.filled / Math.max(1, a.expected) - b.filled / Math.max(1, b.expected))
        .slice(0, 8),
    [data],
  );
  const columns: ColumnsType<CompletenessRow> = [
    { title: '成员单位', dataIndex: 'departmentName', ellipsis: true },
    { title: '单位', dataIndex: 'orgUnitName', width: 110 },
    { title: '已填 / 应填', key: 'filled', width: 170, render: (_, r) => <FillProgress filled={r.filled} expected={r.expected} /> },
    { title: '', key: 'late', width: 90, render: (_, r) => (r.late ? <Tag color="red">逾期 {r.daysLate} 天</Tag> : null) },
  ];
  return (
    <Card
      title={`${year} 年度报送进度`}
      loading={loading && !data}
      extra={<Link to={`/completeness${query({ year })}`}>报送进度明细</Link>}
      data-testid="home-completeness"
    >
      <ErrorAlert error={error} retry={reload} />
      {totals && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title="报表" value={totals.rows} />
          <Statistic title="已提交" value={totals.submitted} suffix={`/ ${totals.rows}`} />
          <Statistic title="已批准" value={totals.approved} />
          <Statistic title="逾期" value={totals.late} styles={{ content: { color: totals.late > 0 ? '#cf1322' : undefined } }} />
          <div style={{ width: 240 }}>
            <Typography.Text type="secondary">数值填报率</Typography.Text>
            <Progress
              percent={totals.expected === 0 ? 0 : Math.round((totals.filled / totals.expected) * 1000) / 10}
              style={{ margin: '6px 0 0' }}
            />
            <Typography.Text type="secondary" className="num" style={{ display: 'block' }}>
              已填 {totals.filled} / 应填 {totals.expected} 个数值
            </Typography.Text>
          </div>
        </Flex>
      )}
      {behind.length > 0 && (
        <>
          <Typography.Text strong>尚未提交{data?.deadline ? `(截止 ${data.deadline})` : ''}</Typography.Text>
          <Table<CompletenessRow>
            aria-label="尚未提交的报表"
            rowKey={(r) => `${r.departmentCode}|${r.orgUnitCode}`}
            size="small"
            columns={columns}
            dataSource={behind}
            pagination={false}
            style={{ marginTop: 8 }}
          />
        </>
      )}
    </Card>
  );
}

function AccountsCard() {
  const { data, loading, error } = useUsers();
  const users = data?.users ?? [];
  const locked = users.filter((u) => u.locked).length;
  const pending = users.filter((u) => u.active && u.mustChangePassword).length;
  return (
    <Card title="账户" loading={loading && !data} extra={<Link to="/users">用户管理</Link>} data-testid="home-accounts">
      <ErrorAlert error={error} />
      <Flex gap={32} wrap>
        <Statistic title="启用的账户" value={users.filter((u) => u.active).length} />
        <Statistic title="已锁定" value={locked} styles={{ content: { color: locked > 0 ? '#cf1322' : undefined } }} />
        <Statistic title="待修改初始密码" value={pending} />
        <Statistic title="已停用" value={users.filter((u) => !u.active).length} />
      </Flex>
    </Card>
  );
}

function SecurityCard() {
  const today = new Date();
  const weekAgo = new Date(today.getTime() - 6 * 86_400_000);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const range = { from: iso(weekAgo), to: iso(today) };
  const failed = useSecurityLog({ ...range, event: 'login_failed' }, 1, 1);
  const locks = useSecurityLog({ ...range, event: 'locked' }, 1, 1);
  const denied = useSecurityLog({ ...range, event: 'access_denied' }, 1, 1);
  const error = failed.error ?? locks.error ?? denied.error;
  return (
    <Card title="近 7 天安全事件" extra={<Link to="/security-log">安全日志</Link>} data-testid="home-security">
      <ErrorAlert error={error} />
      <Flex gap={32} wrap>
        <Statistic title="登录失败" value={failed.data?.total ?? '—'} />
        <Statistic title="账户锁定" value={locks.data?.total ?? '—'} />
        <Statistic title="越权访问被拒绝" value={denied.data?.total ?? '—'} />
      </Flex>
    </Card>
  );
}

const SHORTCUT_ICONS: Record<string, ReactNode> = {
  '/entry': <EditOutlined />,
  '/upload': <FileExcelOutlined />,
  '/review': <SolutionOutlined />,
  '/completeness': <ScheduleOutlined />,
  '/implementation-plans': <FileProtectOutlined />,
  '/qualitative': <CheckSquareOutlined />,
  '/departments': <TeamOutlined />,
  '/assignments': <PartitionOutlined />,
  '/users': <UserOutlined />,
  '/security-log': <AuditOutlined />,
};

function Shortcuts({ year }: { year: number | null }) {
  const user = useUser();
  const routes = routesFor(user.role).filter((r) => !r.hideInMenu && r.path !== '/');
  return (
    <Card title="常用功能" data-testid="home-shortcuts">
      <Space wrap>
        {routes.map((r) => (
          <Link key={r.path} to={`${r.path}${year === null || r.path === '/users' || r.path === '/security-log' ? '' : query({ year })}`}>
            <Button icon={SHORTCUT_ICONS[r.path] ?? r.icon} aria-label={r.label}>
              {r.label}
            </Button>
          </Link>
        ))}
      </Space>
    </Card>
  );
}

function Greeting({ choice, deadline }: { choice: YearChoice; deadline: string | null }) {
  const user = useUser();
  const unit = user.departmentName ? `${user.orgUnitName} · ${user.departmentName}` : user.orgUnitName;
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          您好,{user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {unit} · {user.roleLabel}
        </Typography.Text>
      </div>
      <Space>
        {deadline && <Typography.Text type="secondary">报送截止:{deadline}</Typography.Text>}
        <span>年度</span>
        <YearSelect choice={choice} />
      </Space>
    </Flex>
  );
}

export default function HomePage() {
  const user = useUser();
  const choice = useYear();
  const deadlines = useDeadlines();
  const year = choice.year;
  const deadline = deadlines.data?.deadlines.find((d) => d.year === year)?.deadline ?? null;
  const overdue = deadline !== null && deadline < dayjs().format('YYYY-MM-DD');

  let cards: ReactNode[] = [];
  if (year !== null) {
    if (user.role === 'department') cards = [<DepartmentForms key="forms" year={year} deadline={deadline} />];
    else if (user.role === 'monitor') cards = [<ReviewQueue key="queue" year={year} />, <CompletenessCard key="progress" year={year} />];
    else if (user.role === 'evaluator') cards = [<CompletenessCard key="progress" year={year} />];
    else if (user.role === 'viewer') cards = [<ReportingProgress key="progress" year={year} />];
    else if (user.role === 'admin') {
      cards = [
        <Row key="admin" gutter={16}>
          <Col xs={24} lg={12}>
            <AccountsCard />
          </Col>
          <Col xs={24} lg={12}>
            <SecurityCard />
          </Col>
        </Row>,
        <CompletenessCard key="progress" year={year} />,
      ];
    }
  }

  return (
    <div data-testid="home">
      <Greeting choice={choice} deadline={deadline} />
      {overdue && user.role === 'department' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year ?? ''} 年度数据的报送截止日期(${deadline ?? ''})已过,请尽快完成填报并提交。`}
        />
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {cards}
        <OverviewGlance />
        <Shortcuts year={year} />
      </Space>
    </div>
  );
}
