/** 用户管理 (系统管理员): accounts, their role and unit, password resets, unlocking, deactivation. */
import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { ROLE_LABELS, ROLES, type Role } from '../core';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { ShownOnce } from '../components/ShownOnce';
import { useDepartments } from '../hooks/useDepartments';
import { changeUser, createUser, resetPassword, unlockUser, useUsers, type UserRow } from '../hooks/useUsers';
import { dateTime } from '../utils/format';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  departmentCode?: string;
  password?: string;
}

type StatusFilter = 'all' | 'active' | 'locked' | 'inactive';

function statusTags(u: UserRow) {
  const tags = [];
  if (!u.active) tags.push(<Tag key="inactive">已停用</Tag>);
  else if (u.locked)
    tags.push(
      <Tooltip key="locked" title={`锁定至 ${dateTime(u.lockedUntil)}`}>
        <Tag color="red">已锁定</Tag>
      </Tooltip>,
    );
  else
    tags.push(
      <Tag key="ok" color="green">
        正常
      </Tag>,
    );
  if (u.mustChangePassword && u.active)
    tags.push(
      <Tag key="pw" color="orange">
        待修改密码
      </Tag>,
    );
  return tags;
}

export default function UsersPage() {
  const me = useUser();
  const { modal, message } = App.useApp();
  const { data, loading, error, reload } = useUsers();
  const departments = useDepartments();
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const [text, setText] = useState('');
  const [roleFilter, setRoleFilter] = useState<Role | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('all');

  const users = useMemo(() => {
    const t = text.trim().toLowerCase();
    return (data?.users ?? []).filter(
      (u) =>
        (t === '' || [u.username, u.displayName, u.orgUnitName, u.departmentName ?? ''].some((s) => s.toLowerCase().includes(t))) &&
        (roleFilter === undefined || u.role === roleFilter) &&
        (status === 'all' ||
          (status === 'active' && u.active && !u.locked) ||
          (status === 'locked' && u.locked) ||
          (status === 'inactive' && !u.active)),
    );
  }, [data, text, roleFilter, status]);

  const open = (target: UserRow | 'new') => {
    setFormError(null);
    setEditing(target);
    if (target === 'new') {
      form.resetFields();
      form.setFieldsValue({ role: 'department', orgUnitCode: me.orgUnitCode });
    } else {
      form.setFieldsValue({
        username: target.username,
        displayName: target.displayName,
        role: target.role as Role,
        orgUnitCode: target.orgUnitCode,
        departmentCode: target.departmentCode ?? undefined,
      });
    }
  };

  const save = async (values: UserForm) => {
    setSaving(true);
    setFormError(null);
    const departmentCode = values.role === 'department' ? (values.departmentCode ?? null) : null;
    try {
      if (editing === 'new') {
        const created = await createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          orgUnitCode: values.orgUnitCode,
          departmentCode,
          password: values.password || undefined,
        });
        setEditing(null);
        if (created.password) {
          modal.success({
            title: '用户已创建',
            content: <ShownOnce username={created.user.username} password={created.password} />,
            okText: '我已记下',
          });
        } else message.success(`用户 ${created.user.username} 已创建`);
      } else if (editing) {
        await changeUser(editing.id, {
          displayName: values.displayName.trim(),
          role: values.role,
          orgUnitCode: values.orgUnitCode,
          departmentCode,
        });
        setEditing(null);
        message.success('已保存');
      }
      reload();
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const act = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(what);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const reset = async (u: UserRow) => {
    try {
      const r = await resetPassword(u.id);
      modal.success({
        title: '密码已重置',
        content: <ShownOnce username={r.user.username} password={r.password} reset />,
        okText: '我已记下',
      });
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', width: 130, sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    {
      title: '角色',
      dataIndex: 'roleLabel',
      width: 170,
      sorter: (a, b) => ROLES.indexOf(a.role as Role) - ROLES.indexOf(b.role as Role),
    },
    { title: '单位', dataIndex: 'orgUnitName', ellipsis: true },
    { title: '成员单位', dataIndex: 'departmentName', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 'status', width: 160, render: (_, u) => statusTags(u) },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 140, render: (v: string | null) => dateTime(v) || '从未登录' },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => open(u)} aria-label={`编辑 ${u.username}`}>
            编辑
          </Button>
          <Popconfirm
            title={`重置 ${u.username} 的密码?`}
            description="将生成新密码并结束该用户的登录。"
            onConfirm={() => reset(u)}
            okText="重置"
            cancelText="取消"
          >
            <Button type="link" size="small" aria-label={`重置密码 ${u.username}`}>
              重置密码
            </Button>
          </Popconfirm>
          {u.locked && (
            <Button
              type="link"
              size="small"
              onClick={() => void act('已解除锁定', () => unlockUser(u.id))}
              aria-label={`解锁 ${u.username}`}
            >
              解锁
            </Button>
          )}
          {u.id !== me.id &&
            (u.active ? (
              <Popconfirm
                title={`停用 ${u.username}?`}
                description="停用后该用户不能登录,数据和日志保留。"
                onConfirm={() => act('已停用', () => changeUser(u.id, { active: false }))}
                okText="停用"
                okButtonProps={{ danger: true }}
                cancelText="取消"
              >
                <Button type="link" size="small" danger aria-label={`停用 ${u.username}`}>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button
                type="link"
                size="small"
                onClick={() => void act('已启用', () => changeUser(u.id, { active: true }))}
                aria-label={`启用 ${u.username}`}
              >
                启用
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="用户管理"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新">
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} aria-label="新建用户">
            新建用户
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} retry={reload} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="用户名、姓名、单位"
          aria-label="搜索用户"
          style={{ width: 240 }}
          onSearch={setText}
          onChange={(e) => setText(e.target.value)}
        />
        <Select<Role>
          allowClear
          placeholder="全部角色"
          aria-label="按角色筛选"
          style={{ width: 200 }}
          value={roleFilter}
          onChange={setRoleFilter}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <Select<StatusFilter>
          aria-label="按状态筛选"
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: '全部状态' },
            { value: 'active', label: '正常' },
            { value: 'locked', label: '已锁定' },
            { value: 'inactive', label: '已停用' },
          ]}
        />
        <span style={{ color: '#888' }}>共 {users.length} 个用户</span>
      </Space>
      <Table<UserRow>
        data-testid="users-table"
        aria-label="用户列表"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={users}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新建用户' : `编辑用户 ${editing?.username ?? ''}`}
        okText={editing === 'new' ? '创建' : '保存'}
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'aria-label': editing === 'new' ? '创建' : '保存' }}
      >
        <ErrorAlert error={formError} />
        <Form<UserForm> form={form} layout="vertical" onFinish={(v) => void save(v)} aria-label="用户信息" preserve={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{3,50}$/, message: '3–50 位字母、数字、下划线、点或短横线' },
            ]}
            extra={editing === 'new' ? '登录用,创建后不能修改,如 lishu_health' : undefined}
          >
            <Input disabled={editing !== 'new'} aria-label="用户名" autoComplete="off" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input aria-label="姓名" autoComplete="off" />
          </Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
            <Select<Role>
              aria-label="角色"
              disabled={editing !== 'new' && editing?.id === me.id}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item label="所属单位" name="orgUnitCode" rules={[{ required: true, message: '请选择单位' }]} extra="市或县(市、区)一级单位">
            <OrgUnitTreeSelect ariaLabel="所属单位" />
          </Form.Item>
          {role === 'department' && (
            <Form.Item label="所属成员单位" name="departmentCode" rules={[{ required: true, message: '成员单位用户须指定所属成员单位' }]}>
              {departments.error ? (
                <Input aria-label="所属成员单位" placeholder="成员单位代码,如 health" />
              ) : (
                <Select<string>
                  aria-label="所属成员单位"
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={departments.loading}
                  options={(departments.data?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }))}
                />
              )}
            </Form.Item>
          )}
          {editing === 'new' && (
            <Form.Item label="初始密码" name="password" extra="留空则由系统生成,仅显示一次;用户首次登录须修改。">
              <Input.Password aria-label="初始密码" autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
