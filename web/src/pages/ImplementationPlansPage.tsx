import { Result } from 'antd';

export default function ImplementationPlansPage() {
  return <Result status="info" title="建设中" />;
}
