/** The qualitative goals of a domain beside its indicators (methodology.md §6): each goal's rating, and the measures' ratings counted. */
import { Flex, Typography } from 'antd';
import { RatingTag } from '../RatingTag';
import type { QualitativeTile } from '../../hooks/useMonitoring';

const RATED: readonly [string, string][] = [
  ['achieved', '已实现'],
  ['on_track', '进展顺利'],
  ['needs_acceleration', '需加快进度'],
  ['off_track', '滞后'],
];

export function QualitativeRatings({ items }: { items: QualitativeTile[] }) {
  const goals = items.filter((i) => i.kind === 'goal');
  const measures = items.filter((i) => i.kind === 'measure');
  if (items.length === 0) return <Typography.Text type="secondary">本领域没有定性目标。</Typography.Text>;
  const counted = RATED.map(([rating, label]) => [label, measures.filter((m) => m.rating === rating).length] as const).filter(
    ([, n]) => n > 0,
  );
  const unrated = measures.filter((m) => m.rating === null).length;
  return (
    <Flex vertical gap={6} data-testid="qualitative-ratings">
      <Typography.Text strong>定性目标评估</Typography.Text>
      {goals.map((g) => (
        <Flex key={g.code} gap={6} align="flex-start" data-testid="qualitative-goal" data-code={g.code} data-rating={g.rating ?? ''}>
          <RatingTag rating={g.rating} label={g.ratingLabel} />
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: g.text }} style={{ margin: 0, fontSize: 12, flex: 1 }}>
            {g.code} {g.text}
          </Typography.Paragraph>
        </Flex>
      ))}
      {measures.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          策略措施{measures.length}项{counted.length > 0 ? `:${counted.map(([label, n]) => `${label}${n}项`).join('、')}` : ''}
          {unrated > 0 ? `${counted.length > 0 ? ',' : ':'}待评估${unrated}项` : ''}。
        </Typography.Text>
      )}
    </Flex>
  );
}
