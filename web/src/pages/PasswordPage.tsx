/** 修改密码: forced after the first login, a reset or when the password expired, and open to everyone from the header. */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { api, errorMessage } from '../api/client';
import { useAuth, useUser } from '../auth/AuthContext';
import { MIN_PASSWORD_LENGTH, passwordProblems, REMEMBERED_PASSWORDS } from '../core';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const user = useUser();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/auth/password', { oldPassword: values.oldPassword, newPassword: values.newPassword });
      await refresh();
      message.success('密码已修改');
      form.resetFields();
      navigate('/', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={user.passwordExpired ? '密码已过期，请修改密码后再使用系统。' : '首次登录或密码已被重置，请先修改密码后再使用系统。'}
          style={{ marginBottom: 16 }}
          data-testid="password-forced"
        />
      )}
      <Typography.Paragraph type="secondary" data-testid="password-rule">
        新密码至少 {MIN_PASSWORD_LENGTH}{' '}
        位，须包含大写字母、小写字母、数字、特殊字符中的至少三类，不能包含用户名，不能含有连续四个相同的字符，不能与最近{' '}
        {REMEMBERED_PASSWORDS} 次使用过的密码相同。 修改后，您在其他电脑或浏览器上的登录将失效。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="password-error" />}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="修改密码" style={{ maxWidth: 400 }}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" aria-label="原密码" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: async (_, value: string | undefined) => {
                const problems = value ? passwordProblems(value, user.username) : [];
                if (problems.length > 0) throw new Error(problems.join(';'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" aria-label="新密码" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" aria-label="确认新密码" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} aria-label="确认修改">
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
