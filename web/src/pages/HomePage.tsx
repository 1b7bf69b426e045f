import { Result } from 'antd';

export default function HomePage() {
  return <Result status="info" title="建设中" />;
}
