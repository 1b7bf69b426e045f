/** The statuses' and warnings' colours on the public pages, and a domain's counts as one stacked bar. */
import { Flex, Tooltip, Typography } from 'antd';
import type { Status, Warning } from '../../../src/core/assess/types';

export const STATUS_ORDER: { status: Status; label: string; color: string }[] = [
  { status: 'achieved', label: '已达标', color: '#389e0d' },
  { status: 'on_track', label: '进展顺利', color: '#73d13d' },
  { status: 'needs_acceleration', label: '需加快进度', color: '#faad14' },
  { status: 'off_track', label: '难以如期达标', color: '#ff7a45' },
  { status: 'regressing', label: '出现退步', color: '#cf1322' },
  { status: 'insufficient_data', label: '数据不足', color: '#bfbfbf' },
  { status: 'not_assessed', label: '无量化目标', color: '#e8e8e8' },
];

export const WARNING_BORDER: Record<Warning, string> = { red: '#cf1322', yellow: '#faad14', green: '#389e0d', none: '#d9d9d9' };

/** Counts per status as one bar, each status its share of the width, with a legend of the non-zero ones. */
export function DomainBar({ counts, total }: { counts: Record<Status, number>; total: number }) {
  if (total === 0) return null;
  const shown = STATUS_ORDER.filter((s) => counts[s.status] > 0);
  return (
    <div data-testid="public-domain-bar">
      <Flex
        style={{ height: 12, borderRadius: 6, overflow: 'hidden' }}
        role="img"
        aria-label={shown.map((s) => `${s.label}${counts[s.status]}项`).join(',')}
      >
        {shown.map((s) => (
          <Tooltip key={s.status} title={`${s.label} ${counts[s.status]} 项`}>
            <div style={{ width: `${(counts[s.status] / total) * 100}%`, background: s.color }} />
          </Tooltip>
        ))}
      </Flex>
      <Flex wrap gap={12} style={{ marginTop: 6 }}>
        {shown.map((s) => (
          <Typography.Text key={s.status} type="secondary" style={{ fontSize: 12 }}>
            <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: s.color, marginRight: 4 }} />
            {s.label} {counts[s.status]}
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}
