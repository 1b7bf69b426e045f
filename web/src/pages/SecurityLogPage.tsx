import { Result } from 'antd';

export default function SecurityLogPage() {
  return <Result status="info" title="建设中" />;
}
