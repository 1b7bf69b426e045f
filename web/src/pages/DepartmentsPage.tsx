/** 成员单位: the member departments of the children's work committee; the office adds, renames and retires them. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client';
import type { Department } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { addDepartment, changeDepartment, useDepartments } from '../hooks/useDepartments';
import { dateTime } from '../utils/format';

interface DepartmentForm {
  code: string;
  name: string;
  shortName: string;
  sortOrder?: number;
}

export default function DepartmentsPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useDepartments();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [form] = Form.useForm<DepartmentForm>();

  const all = useMemo(() => data?.departments ?? [], [data]);
  const rows = showInactive ? all : all.filter((d) => d.active);
  const inactive = all.length - all.filter((d) => d.active).length;

  const open = (target: Department | 'new') => {
    setFormError(null);
    setEditing(target);
    form.resetFields();
    if (target !== 'new')
      form.setFieldsValue({ code: target.code, name: target.name, shortName: target.shortName, sortOrder: target.sortOrder });
  };

  const save = async (v: DepartmentForm) => {
    setSaving(true);
    setFormError(null);
    try {
      if (editing === 'new')
        await addDepartment({ code: v.code.trim(), name: v.name.trim(), shortName: v.shortName.trim(), sortOrder: v.sortOrder });
      else if (editing)
        await changeDepartment(editing.code, { name: v.name.trim(), shortName: v.shortName.trim(), sortOrder: v.sortOrder });
      message.success('已保存');
      setEditing(null);
      reload();
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const setActive = async (d: Department, active: boolean) => {
    try {
      await changeDepartment(d.code, { active });
      message.success(active ? `已启用“${d.name}”` : `已停用“${d.name}”`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<Department> = [
    { title: '排序', dataIndex: 'sortOrder', width: 64, className: 'num' },
    { title: '代码', dataIndex: 'code', width: 130 },
    { title: '名称', dataIndex: 'name' },
    { title: '简称', dataIndex: 'shortName', width: 140 },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
    { title: '最后修改', key: 'updated', width: 210, render: (_, d) => `${dateTime(d.updatedAt)} ${d.updatedBy}` },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(d)} aria-label={`编辑 ${d.name}`}>
            编辑
          </Button>
          <Link
            to={`/assignments?department=${encodeURIComponent(d.code)}`}
            aria-label={`${d.name}的任务分工`}
            style={{ padding: '0 7px' }}
          >
            任务分工
          </Link>
          {d.active ? (
            <Popconfirm
              title={`停用“${d.name}”?`}
              description="仍牵头指标或目标的成员单位须先在任务分工中调整。"
              onConfirm={() => setActive(d, false)}
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
            >
              <Button type="link" size="small" danger aria-label={`停用 ${d.name}`}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void setActive(d, true)} aria-label={`启用 ${d.name}`}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="成员单位"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} aria-label="新增成员单位">
          新增成员单位
        </Button>
      }
    >
      <ErrorAlert error={error} retry={reload} />
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          共 {all.length - inactive} 个启用的成员单位{inactive > 0 ? `,${inactive} 个已停用` : ''}
        </Typography.Text>
        {inactive > 0 && (
          <Button size="small" onClick={() => setShowInactive(!showInactive)} aria-label={showInactive ? '隐藏已停用' : '显示已停用'}>
            {showInactive ? '隐藏已停用' : '显示已停用'}
          </Button>
        )}
      </Space>
      <Table<Department>
        data-testid="departments-table"
        aria-label="成员单位列表"
        rowKey="code"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 960 }}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增成员单位' : `编辑成员单位`}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'aria-label': '保存' }}
      >
        <ErrorAlert error={formError} />
        <Form<DepartmentForm> form={form} layout="vertical" onFinish={(v) => void save(v)} aria-label="成员单位信息" preserve={false}>
          <Form.Item
            label="代码"
            name="code"
            rules={[
              { required: true, message: '请输入代码' },
              { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母开头,由小写字母、数字、下划线组成,如 health' },
            ]}
            extra={editing === 'new' ? '英文代码,创建后不能修改' : undefined}
          >
            <Input disabled={editing !== 'new'} aria-label="代码" autoComplete="off" />
          </Form.Item>
          <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
            <Input aria-label="名称" placeholder="如 市卫生健康委员会" autoComplete="off" />
          </Form.Item>
          <Form.Item label="简称" name="shortName" rules={[{ required: true, whitespace: true, message: '请输入简称' }]}>
            <Input aria-label="简称" placeholder="如 市卫健委" autoComplete="off" />
          </Form.Item>
          <Form.Item label="排序" name="sortOrder" extra="数字小的排在前面;留空则排在最后">
            <InputNumber min={0} max={100000} aria-label="排序" style={{ width: 140 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
