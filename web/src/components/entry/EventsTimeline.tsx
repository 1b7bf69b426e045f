import { Empty, Timeline, Typography } from 'antd';
import type { WorkflowEvent } from '../../hooks/useSubmissions';
import { dateTime } from '../../utils/format';

const STATE_LABELS: Record<string, string> = { draft: '草稿', submitted: '已提交', reviewed: '已审核', approved: '已批准' };
const COLORS: Record<string, string> = { submit: 'blue', review: 'cyan', approve: 'green', return: 'red', reopen: 'orange' };

/** The steps a submission went through, oldest first: who, when, from which state to which, why. */
export function EventsTimeline({ events }: { events: WorkflowEvent[] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无提交、审核记录" />;
  return (
    <Timeline
      data-testid="events-timeline"
      items={events.map((e, i) => ({
        key: i,
        color: COLORS[e.action] ?? 'gray',
        content: (
          <div>
            <div>
              <b>{e.label}</b>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {STATE_LABELS[e.from] ?? e.from} → {STATE_LABELS[e.to] ?? e.to}
              </Typography.Text>
            </div>
            <div style={{ fontSize: 12, color: '#666' }}>
              {e.by} · {dateTime(e.at)}
            </div>
            {e.reason && <div style={{ marginTop: 2 }}>理由:{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
