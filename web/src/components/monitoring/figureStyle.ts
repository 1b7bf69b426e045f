/** The colours of warnings and statuses on the monitoring pages: red, yellow, green, grey as methodology.md §3 names them. */
import type { Status, Warning } from '../../../../src/core/assess/types';

export interface WarningStyle {
  color: string;
  background: string;
  border: string;
}

export const WARNING_STYLES: Record<Warning, WarningStyle> = {
  red: { color: '#cf1322', background: '#fff1f0', border: '#ff7875' },
  yellow: { color: '#ad6800', background: '#fffbe6', border: '#ffc53d' },
  green: { color: '#389e0d', background: '#f6ffed', border: '#95de64' },
  none: { color: '#8c8c8c', background: '#fafafa', border: '#d9d9d9' },
};

/** antd Tag colours of the statuses. */
export const STATUS_TAG_COLORS: Record<Status, string> = {
  achieved: 'green',
  on_track: 'blue',
  needs_acceleration: 'gold',
  off_track: 'red',
  regressing: 'magenta',
  insufficient_data: 'default',
  not_assessed: 'default',
};

/** Chart colours of the statuses, in the order of the legend. */
export const STATUS_CHART_COLORS: Record<Status, string> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  needs_acceleration: '#faad14',
  off_track: '#f5222d',
  regressing: '#c41d7f',
  insufficient_data: '#bfbfbf',
  not_assessed: '#e8e8e8',
};

export const STATUS_ORDER: readonly Status[] = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'off_track',
  'regressing',
  'insufficient_data',
  'not_assessed',
];
