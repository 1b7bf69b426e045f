/**
 * 实施方案: each member department sends its plan for carrying out the programme, for the city and
 * for each county. The office sees who has and who has not; a department uploads its own.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Flex, Popconfirm, Progress, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { download, errorMessage } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { YearSelect } from '../components/YearSelect';
import { useDepartments } from '../hooks/useDepartments';
import {
  deleteFile,
  fileUrl,
  PLAN_FILE_ACCEPT,
  uploadImplementationPlan,
  useImplementationPlans,
  type PlanFile,
  type PlanRow,
} from '../hooks/useImplementationPlans';
import { useYear } from '../hooks/useYear';
import { bytes } from '../utils/bytes';
import { dateTime } from '../utils/format';

type Shown = 'all' | 'missing' | 'uploaded';

const REPORTING_LEVELS = ['city', 'county'] as const;
const rowKey = (r: PlanRow) => `${r.departmentCode}|${r.orgUnitCode}`;

export default function ImplementationPlansPage() {
  const user = useUser();
  const { message } = App.useApp();
  const yearChoice = useYear();
  const year = yearChoice.year;
  const [params, setParams] = useSearchParams();
  const isDepartment = user.role === 'department';
  const org = params.get('org') ?? user.orgUnitCode;
  const department = isDepartment ? undefined : (params.get('department') ?? undefined);
  const [shown, setShown] = useState<Shown>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const { data, loading, error, reload } = useImplementationPlans(year, org, department);
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
    () => (data?.rows ?? []).filter((r) => shown === 'all' || (shown === 'missing' ? !r.uploaded : r.uploaded)),
    [data, shown],
  );
  const totals = data?.totals;
  const mine = (r: PlanRow) => isDepartment && r.departmentCode === user.departmentCode;

  const send = async (r: PlanRow, file: File) => {
    if (year === null) return;
    setBusy(rowKey(r));
    try {
      await uploadImplementationPlan(year, r.departmentCode, r.orgUnitCode, file);
      message.success(`已上传“${file.name}”`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (f: PlanFile) => {
    try {
      await deleteFile(f.id);
      message.success('已删除');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const fileLink = (f: PlanFile) => (
    <Button
      type="link"
      size="small"
      icon={<DownloadOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() => void download(fileUrl(f.id), f.fileName).catch((e: unknown) => message.error(errorMessage(e)))}
      aria-label={`下载 ${f.fileName}`}
    >
      {f.fileName}
    </Button>
  );

  const columns: ColumnsType<PlanRow> = [
    ...(isDepartment ? [] : [{ title: '成员单位', dataIndex: 'departmentName', width: 200, ellipsis: true }]),
    { title: '单位', dataIndex: 'orgUnitName', width: 130 },
    {
      title: '状态',
      dataIndex: 'uploaded',
      width: 90,
      render: (u: boolean) => (u ? <Tag color="green">已上传</Tag> : <Tag color="red">未上传</Tag>),
    },
    {
      title: '实施方案文件',
      key: 'file',
      render: (_, r) =>
        r.latest ? (
          <Space size={4} wrap>
            {fileLink(r.latest)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bytes(r.latest.size)} · {r.latest.uploadedBy} {dateTime(r.latest.uploadedAt)}
            </Typography.Text>
            {r.files.length > 1 && <Tag>共 {r.files.length} 个版本</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    ...(isDepartment
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_: unknown, r: PlanRow) =>
              mine(r) ? (
                <Space size={4}>
                  <Upload
                    accept={PLAN_FILE_ACCEPT}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void send(r, file);
                      return false;
                    }}
                  >
                    <Button
                      size="small"
                      type={r.uploaded ? 'default' : 'primary'}
                      icon={<UploadOutlined />}
                      loading={busy === rowKey(r)}
                      aria-label={`上传 ${r.orgUnitName} 实施方案`}
                    >
                      {r.uploaded ? '上传新版本' : '上传'}
                    </Button>
                  </Upload>
                  {r.latest && (
                    <Popconfirm
                      title={`删除“${r.latest.fileName}”?`}
                      description="删除后可重新上传;删除记录会保留。"
                      onConfirm={() => (r.latest ? remove(r.latest) : undefined)}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${r.orgUnitName} 实施方案`} />
                    </Popconfirm>
                  )}
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      title="实施方案"
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
      {isDepartment && (
        <Typography.Paragraph type="secondary">
          请上传本单位 {year ?? ''} 年度的实施方案(PDF、Word、WPS、OFD、Excel 或扫描图片)。可重复上传,以最新上传的为准。
        </Typography.Paragraph>
      )}
      {totals && (
        <Flex gap={32} wrap align="center" style={{ marginBottom: 16 }} data-testid="plans-totals">
          <Statistic title="应上传" value={totals.expected} />
          <Statistic title="已上传" value={totals.uploaded} />
          <Statistic
            title="未上传"
            value={totals.expected - totals.uploaded}
            styles={{ content: { color: totals.expected > totals.uploaded ? '#cf1322' : undefined } }}
          />
          <Progress
            type="circle"
            size={64}
            percent={totals.expected === 0 ? 0 : Math.round((totals.uploaded / totals.expected) * 100)}
            aria-label="上传率"
          />
        </Flex>
      )}
      <ErrorAlert error={error} retry={reload} />
      <Space wrap style={{ marginBottom: 12 }}>
        {!isDepartment && (
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
        <Select<Shown>
          aria-label="上传状态"
          style={{ width: 120 }}
          value={shown}
          onChange={setShown}
          options={[
            { value: 'all', label: '全部' },
            { value: 'missing', label: '未上传' },
            { value: 'uploaded', label: '已上传' },
          ]}
        />
        <Typography.Text type="secondary">共 {rows.length} 条</Typography.Text>
      </Space>
      <Table<PlanRow>
        data-testid="implementation-plans-table"
        aria-label="实施方案报送情况"
        rowKey={rowKey}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={
          rows.some((r) => r.files.length > 1)
            ? {
                rowExpandable: (r) => r.files.length > 1,
                expandedRowRender: (r) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text type="secondary">全部版本(新的在前):</Typography.Text>
                    {r.files.map((f) => (
                      <Space key={f.id} size={4}>
                        {fileLink(f)}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {bytes(f.size)} · {f.uploadedBy} {dateTime(f.uploadedAt)}
                        </Typography.Text>
                      </Space>
                    ))}
                  </Space>
                ),
              }
            : undefined
        }
        scroll={{ x: 800 }}
      />
    </Card>
  );
}
