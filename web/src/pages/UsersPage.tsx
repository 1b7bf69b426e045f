import { Result } from 'antd';

export default function UsersPage() {
  return <Result status="info" title="建设中" />;
}
