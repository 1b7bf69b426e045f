import { Result } from 'antd';

export default function AssignmentsPage() {
  return <Result status="info" title="建设中" />;
}
