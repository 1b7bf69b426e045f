/**
 * 定性目标: the goals and measures no indicator monitors. A department writes the progress of those it
 * leads and uploads evidence; the evaluation group rates each with one of five ratings.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useUser } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { RATING_COLORS, RatingTag } from '../components/RatingTag';
import { YearSelect } from '../components/YearSelect';
import { useDepartments } from '../hooks/useDepartments';
import { useQualitative, useQualitativeSummary, type QualitativeItem } from '../hooks/useQualitative';
import { useYear } from '../hooks/useYear';
import { dateTime } from '../utils/format';
import { QualitativeDrawer } from './qualitative/QualitativeDrawer';

type Progress = 'all' | 'unreported' | 'unrated' | 'mine';

const REPORTING_LEVELS = ['city', 'county'] as const;

export default function QualitativePage() {
  const user = useUser();
  const yearChoice = useYear();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? user.orgUnitCode;
  const department = user.role === 'department' ? undefined : (params.get('department') ?? undefined);
  const [domain, setDomain] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<Progress>(user.role === 'department' ? 'mine' : 'all');
  const [text, setText] = useState('');
  const [openCode, setOpenCode] = useState<string | null>(null);
  const list = useQualitative(yearChoice.year, org, department);
  const summary = useQualitativeSummary(yearChoice.year, org);
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

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const domains = useMemo(() => [...new Map(items.map((i) => [i.domain, i.domainName])).entries()], [items]);
  const shown = items.filter((i) => {
    const t = text.trim();
    return (
      (domain === undefined || i.domain === domain) &&
      (t === '' || i.text.includes(t) || `${i.kindLabel}${i.number}`.includes(t)) &&
      (progress === 'all' ||
        (progress === 'unreported' && i.report === null) ||
        (progress === 'unrated' && i.rating === null) ||
        (progress === 'mine' && (i.mayWrite || i.mayRate)))
    );
  });
  const open = items.find((i) => i.code === openCode) ?? null;
  const total = summary.data?.total;

  const columns: ColumnsType<QualitativeItem> = [
    { title: '领域', dataIndex: 'domainName', width: 120, ellipsis: true },
    { title: '编号', key: 'no', width: 100, render: (_, i) => `${i.kindLabel}${i.number}` },
    {
      title: '目标(措施)',
      dataIndex: 'text',
      render: (t: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ marginBottom: 0 }}>
          {t}
        </Typography.Paragraph>
      ),
    },
    { title: '牵头单位', key: 'lead', width: 150, ellipsis: true, render: (_, i) => i.lead?.name ?? <Tag>未分工</Tag> },
    {
      title: '进展情况',
      key: 'report',
      width: 150,
      render: (_, i) =>
        i.report ? (
          <span>
            <Tag color="green">已填报</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dateTime(i.report.updatedAt).slice(0, 10)}
            </Typography.Text>
          </span>
        ) : (
          <Tag color="orange">未填报</Tag>
        ),
    },
    { title: '佐证', key: 'evidence', width: 60, className: 'num', render: (_, i) => i.evidence.length || '' },
    { title: '评估结论', key: 'rating', width: 110, render: (_, i) => <RatingTag rating={i.rating?.rating} label={i.rating?.label} /> },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, i) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenCode(i.code)}
          aria-label={`${i.mayWrite ? '填报' : i.mayRate ? '评估' : '查看'} ${i.code}`}
          data-testid={`qualitative-open-${i.code}`}
        >
          {i.mayWrite ? '填报' : i.mayRate ? '评估' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="定性目标"
      extra={
        <Space wrap>
          <YearSelect choice={yearChoice} />
          <OrgUnitTreeSelect
            value={org}
            onChange={(v) => setParam('org', v || undefined)}
            levels={REPORTING_LEVELS}
            ariaLabel="单位"
            style={{ width: 180 }}
          />
        </Space>
      }
    >
      {total && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }} data-testid="qualitative-summary">
          <Statistic title="定性目标(措施)" value={total.items} suffix="项" />
          <Statistic title="已填报进展" value={total.reported} suffix={`/ ${total.items}`} />
          {(summary.data?.ratings ?? []).map((r) => (
            <Statistic
              key={r.value}
              title={<Tag color={RATING_COLORS[r.value] ?? 'default'}>{r.label}</Tag>}
              value={total.counts[r.value as keyof typeof total.counts]}
            />
          ))}
          <Statistic title="待评估" value={total.counts.unrated} />
        </Flex>
      )}
      <ErrorAlert error={list.error ?? summary.error} retry={list.reload} />
      <Space wrap style={{ marginBottom: 12 }}>
        {user.role !== 'department' && (
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
        )}
        <Select<string>
          allowClear
          aria-label="领域"
          placeholder="全部领域"
          style={{ width: 160 }}
          value={domain}
          onChange={setDomain}
          options={domains.map(([code, name]) => ({ value: code, label: name }))}
        />
        <Select<Progress>
          aria-label="填报状态"
          style={{ width: 150 }}
          value={progress}
          onChange={setProgress}
          options={[
            { value: 'all', label: '全部' },
            ...(user.role === 'evaluator' || user.role === 'department'
              ? [{ value: 'mine' as const, label: user.role === 'evaluator' ? '我可评估的' : '我负责填报的' }]
              : []),
            { value: 'unreported', label: '未填报进展' },
            { value: 'unrated', label: '待评估' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="目标内容或编号"
          aria-label="搜索目标"
          style={{ width: 200 }}
          onSearch={setText}
          onChange={(e) => setText(e.target.value)}
        />
        <Typography.Text type="secondary">共 {shown.length} 项</Typography.Text>
      </Space>
      <Table<QualitativeItem>
        data-testid="qualitative-table"
        aria-label="定性目标列表"
        rowKey="code"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(i) => ({ onDoubleClick: () => setOpenCode(i.code) })}
        scroll={{ x: 1000 }}
      />
      {yearChoice.year !== null && list.data && (
        <QualitativeDrawer
          year={yearChoice.year}
          org={list.data.org.code}
          item={open}
          ratings={list.data.ratings}
          onClose={() => setOpenCode(null)}
          onChanged={() => {
            list.reload();
            summary.reload();
          }}
        />
      )}
    </Card>
  );
}
