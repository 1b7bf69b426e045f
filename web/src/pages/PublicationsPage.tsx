/**
 * 公开发布: the office decides which years the public portal (/public) shows. Only approved values
 * of a published year are public; withdrawing hides the year again at once.
 */
import { App, Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ExportOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { errorMessage } from '../api/client';
import type { YearPublication } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { publishYear, usePublications, withdrawYear } from '../hooks/usePublications';
import { dateTime } from '../utils/format';

export default function PublicationsPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = usePublications();
  const [busy, setBusy] = useState<number | null>(null);
  const years = data?.years ?? [];

  const act = async (y: YearPublication, publish: boolean) => {
    setBusy(y.year);
    try {
      if (publish) await publishYear(y.year);
      else await withdrawYear(y.year);
      message.success(publish ? `已公开发布 ${y.year} 年的数据` : `已撤回 ${y.year} 年的公开发布`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<YearPublication> = [
    { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y} 年` },
    {
      title: '状态',
      dataIndex: 'published',
      width: 100,
      render: (p: boolean) => (p ? <Tag color="green">已公开发布</Tag> : <Tag>未发布</Tag>),
    },
    { title: '已批准的报送', dataIndex: 'approved', width: 120, className: 'num' },
    {
      title: '未批准的报送',
      dataIndex: 'pending',
      width: 200,
      render: (n: number) =>
        n > 0 ? (
          <Typography.Text type="warning">{n} 份(其数据不公开)</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: '发布人 / 时间',
      key: 'by',
      render: (_, y) => (y.published ? `${y.publishedBy ?? ''} ${dateTime(y.publishedAt)}` : ''),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, y) =>
        y.published ? (
          <Popconfirm
            title={`撤回 ${y.year} 年的公开发布?`}
            description="撤回后公开门户立即不再显示该年度的数据,并记入安全日志。"
            onConfirm={() => act(y, false)}
            okText="撤回"
            okButtonProps={{ danger: true }}
            cancelText="取消"
          >
            <Button type="link" size="small" danger loading={busy === y.year} aria-label={`撤回 ${y.year} 年`}>
              撤回
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={`公开发布 ${y.year} 年的数据?`}
            description={
              <div style={{ maxWidth: 320 }}>
                发布后任何人无需登录即可在公开门户查看和下载该年度已批准的数据
                {y.pending > 0 ? `;尚有 ${y.pending} 份报送未批准,其数据不会公开` : ''}。此操作记入安全日志。
              </div>
            }
            onConfirm={() => act(y, true)}
            okText="发布"
            cancelText="取消"
            disabled={y.approved === 0}
          >
            <Button
              type="link"
              size="small"
              disabled={y.approved === 0}
              loading={busy === y.year}
              aria-label={`发布 ${y.year} 年`}
              title={y.approved === 0 ? '该年度还没有已批准的数据' : undefined}
            >
              发布
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title="公开发布"
      extra={
        <a href="/public" target="_blank" rel="noreferrer" data-testid="open-public-portal">
          <Space size={4}>
            打开公开门户
            <ExportOutlined />
          </Space>
        </a>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="公开门户(/public)无需登录即可访问,只显示已批准、且所在年度已在此发布的数据。"
        description="判断指标进展需要基期年和近年的数据:发布某一年度时,请一并发布基期年(2020年)以来的各年度。公开门户不显示地图(公开地图须经审图)。"
      />
      <ErrorAlert error={error} retry={reload} />
      <Table<YearPublication>
        data-testid="publications-table"
        aria-label="各年度公开发布状态"
        rowKey="year"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={years}
        pagination={false}
      />
    </Card>
  );
}
