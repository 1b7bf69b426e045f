import { Result } from 'antd';

export default function DepartmentsPage() {
  return <Result status="info" title="建设中" />;
}
