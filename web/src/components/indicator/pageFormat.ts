/** How the indicator page writes its figures and colours its statuses (the reports' precision). */
import type { Status, Warning } from '../../../../src/core/assess/types';

/** A figure with the indicator's decimals; — for none. */
export function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/** A yearly rate as words: 年均下降2.1% · 年均上升0.8%; on the gap to 100 for bounded indicators. */
export function rateText(rate: number | null, onGap: boolean): string {
  if (rate === null) return '—';
  const pct = Math.abs(rate * 100).toFixed(1);
  if (pct === '0.0') return '基本持平';
  const verb = onGap ? (rate < 0 ? '缩小' : '扩大') : rate < 0 ? '下降' : '上升';
  return `${onGap ? '与100%的差距' : ''}年均${verb}${pct}%`;
}

export const STATUS_COLORS: Record<Status, string> = {
  achieved: 'green',
  on_track: 'blue',
  needs_acceleration: 'gold',
  off_track: 'red',
  regressing: 'volcano',
  insufficient_data: 'default',
  not_assessed: 'default',
};

/** Fill colours of the warnings on charts and the map. */
export const WARNING_FILLS: Record<Warning, string> = {
  red: '#cf1322',
  yellow: '#faad14',
  green: '#52c41a',
  none: '#bfbfbf',
};
