import { Result } from 'antd';

export default function CompletenessPage() {
  return <Result status="info" title="建设中" />;
}
