import { Result } from 'antd';

export default function QualitativePage() {
  return <Result status="info" title="建设中" />;
}
