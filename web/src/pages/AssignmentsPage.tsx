/**
 * 任务分工: which member department leads each indicator, goal and measure, and which cooperate. The
 * default applies to every year; the office can set a year's own division from that year on.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDepartments } from '../hooks/useDepartments';
import { clearAssignment, KIND_LABELS, setAssignment, useAssignments, type AssignmentRow, type ItemKind } from '../hooks/useAssignments';
import { useYear } from '../hooks/useYear';

interface EditForm {
  lead: string;
  cooperate: string[];
}

export default function AssignmentsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const mayEdit = user.role === 'admin' || user.role === 'evaluator';
  const yearChoice = useYear();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') === '0' ? 0 : yearChoice.year;
  const department = user.role === 'department' ? undefined : (params.get('department') ?? undefined);
  const [kind, setKind] = useState<ItemKind | undefined>(undefined);
  const [domain, setDomain] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<AssignmentRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<EditForm>();
  const { data, loading, error, reload } = useAssignments(year, department, kind);
  const departments = useDepartments();

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === undefined) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const rows = useMemo(() => data?.rows ?? [], [data]);
  const domains = useMemo(() => [...new Map(rows.map((r) => [r.domainCode, r.domainName])).entries()], [rows]);
  const t = text.trim();
  const shown = rows.filter(
    (r) => (domain === undefined || r.domainCode === domain) && (t === '' || r.text.includes(t) || r.itemCode.includes(t)),
  );
  const unassigned = rows.filter((r) => r.lead === null).length;
  const deptOptions = (departments.data?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }));

  const open = (r: AssignmentRow) => {
    setFormError(null);
    setEditing(r);
    form.setFieldsValue({ lead: r.lead?.code, cooperate: r.cooperate.map((c) => c.code) });
  };

  const save = async (v: EditForm) => {
    if (!editing || year === null) return;
    setSaving(true);
    setFormError(null);
    try {
      await setAssignment(
        year,
        editing.itemCode,
        v.lead,
        v.cooperate.filter((c) => c !== v.lead),
      );
      message.success(year === 0 ? '默认分工已修改' : `已设置 ${year} 年起的分工`);
      setEditing(null);
      reload();
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const restore = async (r: AssignmentRow) => {
    if (year === null) return;
    try {
      await clearAssignment(year, r.itemCode);
      message.success('已恢复沿用此前的分工');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const source = (r: AssignmentRow) => {
    if (r.fromYear === null) return <Tag color="red">未分工</Tag>;
    if (r.fromYear === 0) return year === 0 ? <Tag color="blue">默认</Tag> : <Typography.Text type="secondary">沿用默认</Typography.Text>;
    if (r.fromYear === year) return <Tag color="purple">本年设置</Tag>;
    return <Typography.Text type="secondary">沿用 {r.fromYear} 年</Typography.Text>;
  };

  const columns: ColumnsType<AssignmentRow> = [
    { title: '领域', dataIndex: 'domainName', width: 110, ellipsis: true },
    { title: '类别', dataIndex: 'kind', width: 80, render: (k: ItemKind) => KIND_LABELS[k] },
    { title: '编号', dataIndex: 'itemCode', width: 90 },
    {
      title: '内容',
      dataIndex: 'text',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    { title: '牵头单位', key: 'lead', width: 150, render: (_, r) => r.lead?.name ?? <Tag color="red">未分工</Tag> },
    {
      title: '配合单位',
      key: 'cooperate',
      width: 200,
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.cooperate.map((c) => c.name).join('、') }} style={{ marginBottom: 0 }}>
          {r.cooperate.map((c) => c.name).join('、') || '—'}
        </Typography.Paragraph>
      ),
    },
    { title: '来源', key: 'from', width: 100, render: (_, r) => source(r) },
    ...(mayEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, r: AssignmentRow) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => open(r)} aria-label={`修改 ${r.itemCode} 的分工`}>
                  修改
                </Button>
                {year !== 0 && r.fromYear === year && (
                  <Popconfirm
                    title="取消本年的单独分工?"
                    description="将恢复沿用此前年份(或默认)的分工。"
                    onConfirm={() => restore(r)}
                    okText="恢复"
                    cancelText="取消"
                  >
                    <Button type="link" size="small" aria-label={`恢复 ${r.itemCode} 的分工`}>
                      恢复沿用
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="任务分工"
      extra={
        <Select<number>
          aria-label="年度"
          data-testid="year-select"
          style={{ width: 170 }}
          value={year ?? undefined}
          onChange={(y) => (y === 0 ? setParam('year', '0') : yearChoice.setYear(y))}
          options={[
            { value: 0, label: '默认分工(各年通用)' },
            ...yearChoice.years.map((y) => ({ value: y, label: `${y} 年${y === yearChoice.current ? '(当前)' : ''}` })),
          ]}
        />
      }
    >
      {mayEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            year === 0
              ? '正在修改默认分工:没有单独设置的年份都按默认分工执行。'
              : `修改某项 ${year ?? ''} 年的分工后,${year ?? ''} 年及以后没有单独设置的年份都按新分工执行;此前年份不受影响。`
          }
        />
      )}
      <ErrorAlert error={error} retry={reload} />
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
            options={deptOptions}
          />
        )}
        <Select<ItemKind>
          allowClear
          aria-label="类别"
          placeholder="全部类别"
          style={{ width: 130 }}
          value={kind}
          onChange={setKind}
          options={(Object.keys(KIND_LABELS) as ItemKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <Select<string>
          allowClear
          aria-label="领域"
          placeholder="全部领域"
          style={{ width: 160 }}
          value={domain}
          onChange={setDomain}
          options={domains.map(([code, name]) => ({ value: code, label: name }))}
        />
        <Input.Search
          allowClear
          placeholder="编号或内容"
          aria-label="搜索"
          style={{ width: 200 }}
          onSearch={setText}
          onChange={(e) => setText(e.target.value)}
        />
        <Typography.Text type="secondary">
          共 {shown.length} 项{unassigned > 0 ? `,其中 ${unassigned} 项未分工` : ''}
        </Typography.Text>
      </Space>
      <Table<AssignmentRow>
        data-testid="assignments-table"
        aria-label="任务分工"
        rowKey="itemCode"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
      />
      <Modal
        open={editing !== null}
        title={editing ? `修改分工:${editing.itemCode}` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'aria-label': '保存' }}
      >
        {editing && <Typography.Paragraph type="secondary">{editing.text}</Typography.Paragraph>}
        <ErrorAlert error={formError} />
        <Form<EditForm> form={form} layout="vertical" onFinish={(v) => void save(v)} aria-label="分工" preserve={false}>
          <Form.Item label="牵头单位" name="lead" rules={[{ required: true, message: '请选择牵头单位' }]}>
            <Select<string> aria-label="牵头单位" showSearch={{ optionFilterProp: 'label' }} options={deptOptions} />
          </Form.Item>
          <Form.Item label="配合单位" name="cooperate">
            <Select<string[]>
              mode="multiple"
              aria-label="配合单位"
              showSearch={{ optionFilterProp: 'label' }}
              options={deptOptions}
              allowClear
            />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">
          {year === 0 ? '保存后修改默认分工。' : `保存后自 ${year ?? ''} 年起按此分工执行。`}
        </Typography.Text>
      </Modal>
    </Card>
  );
}
