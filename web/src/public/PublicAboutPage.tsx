/** 关于规划: the plan's text — each domain's main goals and measures, and the indicators that monitor them. */
import { Card, Collapse, List, Table, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { FullPageSpin } from '../components/FullPageSpin';
import { type AboutDomain, type AboutIndicator, useAboutPlan } from './publicApi';

function Domain({ d }: { d: AboutDomain }) {
  return (
    <>
      <Typography.Title level={5}>主要目标</Typography.Title>
      <List
        size="small"
        dataSource={d.goals}
        renderItem={(g) => (
          <List.Item>
            {g.number}. {g.text}
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        监测指标
      </Typography.Title>
      <Table<AboutIndicator>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={d.indicators}
        columns={[
          { title: '指标', dataIndex: 'name' },
          { title: '计量单位', dataIndex: 'unit', width: 90 },
          { title: '目标', dataIndex: 'targets', render: (t: string[]) => t.join(';') || '—' },
          { title: '对应规划条目', dataIndex: 'planRef', width: 110 },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        策略措施
      </Typography.Title>
      <Collapse
        size="small"
        items={d.measures.map((m) => ({
          key: m.code,
          label: `${m.number}. ${m.text.split('。')[0] ?? ''}`,
          children: <Typography.Paragraph style={{ marginBottom: 0 }}>{m.text}</Typography.Paragraph>,
        }))}
      />
    </>
  );
}

export default function PublicAboutPage() {
  const { data, error, reload } = useAboutPlan();
  if (error) return <ErrorAlert error={error} retry={reload} />;
  if (!data) return <FullPageSpin />;
  return (
    <Card title={`关于规划:${data.name}`} data-testid="public-about">
      <Typography.Paragraph>
        规划期 {data.period.start}—{data.period.end} 年,以 {data.baselineYear} 年为基期。来源:{data.source}。规划从 {data.domains.length}{' '}
        个领域提出主要目标和策略措施,并以监测指标跟踪目标的实现。
      </Typography.Paragraph>
      <Collapse
        defaultActiveKey={[data.domains[0]?.code ?? '']}
        items={data.domains.map((d) => ({
          key: d.code,
          label: `${d.name}(主要目标 ${d.goals.length} 项,策略措施 ${d.measures.length} 项,监测指标 ${d.indicators.length} 项)`,
          children: <Domain d={d} />,
        }))}
      />
    </Card>
  );
}
