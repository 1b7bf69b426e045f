/** 安全日志 (系统管理员): logins, lockouts, account and permission changes, refused accesses. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { download, errorMessage } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { securityLogExportUrl, useSecurityEvents, useSecurityLog, type LogFilter, type LogRow } from '../hooks/useSecurityLog';
import { dateTime } from '../utils/format';

interface FilterForm {
  username?: string;
  event?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  text?: string;
}

function filterOf(f: FilterForm): LogFilter {
  return {
    username: f.username?.trim() || undefined,
    event: f.event || undefined,
    from: f.dates?.[0]?.format('YYYY-MM-DD'),
    to: f.dates?.[1]?.format('YYYY-MM-DD'),
    text: f.text?.trim() || undefined,
  };
}

const columns: ColumnsType<LogRow> = [
  { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => dateTime(v) },
  { title: '事件', dataIndex: 'eventLabel', width: 150 },
  { title: '用户名', dataIndex: 'username', width: 130 },
  { title: 'IP 地址', dataIndex: 'ip', width: 130 },
  {
    title: '结果',
    dataIndex: 'success',
    width: 70,
    render: (ok: boolean) => (ok ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>),
  },
  { title: '详情', dataIndex: 'detail' },
];

export default function SecurityLogPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<LogFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [exporting, setExporting] = useState(false);
  const { data, loading, error, reload } = useSecurityLog(filter, page, pageSize);
  const events = useSecurityEvents();

  const search = (f: FilterForm) => {
    setFilter(filterOf(f));
    setPage(1);
    reload();
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      await download(securityLogExportUrl(filterOf(form.getFieldsValue())));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title="安全日志"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} loading={exporting} aria-label="导出 CSV">
          导出 CSV
        </Button>
      }
    >
      <Form<FilterForm> form={form} layout="inline" onFinish={search} aria-label="查询条件" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="username" label="用户名">
          <Input allowClear style={{ width: 140 }} aria-label="用户名" />
        </Form.Item>
        <Form.Item name="event" label="事件">
          <Select<string>
            allowClear
            aria-label="事件"
            placeholder="全部事件"
            style={{ width: 170 }}
            loading={events.loading}
            options={(events.data?.events ?? []).map((e) => ({ value: e.code, label: e.label }))}
          />
        </Form.Item>
        <Form.Item name="dates" label="日期">
          <DatePicker.RangePicker aria-label="日期范围" style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="text" label="详情">
          <Input allowClear placeholder="详情中的文字" style={{ width: 180 }} aria-label="详情包含" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} aria-label="查询">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
              aria-label="重置"
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} retry={reload} />
      <Table<LogRow>
        data-testid="security-log-table"
        aria-label="安全日志"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.rows ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
