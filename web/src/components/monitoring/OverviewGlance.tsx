/** The workbench's view of where the plan stands for the user's unit: 达标率 and warnings of the latest approved year, with a way to the overview. */
import { Link } from 'react-router-dom';
import { Button, Card, Col, Row, Statistic } from 'antd';
import { DashboardOutlined } from '@ant-design/icons';
import { query } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { useOverview } from '../../hooks/useMonitoring';
import { WARNING_STYLES } from './figureStyle';

export function OverviewGlance() {
  const user = useUser();
  const { data, error } = useOverview({ year: null, org: user.orgUnitCode, data: 'approved' });
  if (error) return null;
  const red = data?.tiles.filter((t) => t.warning === 'red').length ?? 0;
  const yellow = data?.tiles.filter((t) => t.warning === 'yellow').length ?? 0;
  return (
    <Card
      title={data ? `${data.orgUnit.name}${data.year}年规划实施情况(已批准数据)` : '规划实施情况'}
      loading={!data}
      data-testid="home-overview"
      extra={
        <Link to={`/overview${query({ year: data?.year })}`}>
          <Button type="primary" icon={<DashboardOutlined />} aria-label="查看总览">
            查看总览
          </Button>
        </Link>
      }
    >
      {data && (
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title="监测目标" value={data.overall.total} suffix="项" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="达标率" value={data.overall.achievementRateText} />
          </Col>
          <Col xs={12} md={6}>
            <Link to={`/warnings${query({ year: data.year })}`}>
              <Statistic title="红色预警" value={red} suffix="项" styles={{ content: { color: WARNING_STYLES.red.color } }} />
            </Link>
          </Col>
          <Col xs={12} md={6}>
            <Link to={`/warnings${query({ year: data.year })}`}>
              <Statistic title="黄色预警" value={yellow} suffix="项" styles={{ content: { color: WARNING_STYLES.yellow.color } }} />
            </Link>
          </Col>
        </Row>
      )}
    </Card>
  );
}
