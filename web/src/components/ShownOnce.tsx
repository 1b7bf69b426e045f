import { Alert, Typography } from 'antd';

/** A password the server made, shown this once: the admin passes it on to the user. */
export function ShownOnce({ username, password, reset = false }: { username: string; password: string; reset?: boolean }) {
  return (
    <div data-testid="one-time-password">
      <p>
        用户 <b>{username}</b> 的{reset ? '新' : '初始'}密码:
      </p>
      <Typography.Text
        code
        copyable={{ text: password, tooltips: ['复制', '已复制'] }}
        style={{ fontSize: 18 }}
        aria-label={reset ? '新密码' : '初始密码'}
      >
        {password}
      </Typography.Text>
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 12 }}
        title={`密码只显示这一次,请立即告知用户。用户${reset ? '登录' : '首次登录'}后须修改密码。`}
      />
    </div>
  );
}
