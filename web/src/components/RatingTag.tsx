import { Tag } from 'antd';

/** The colours of the five ratings (methodology.md §6), the same as the indicators' statuses. */
export const RATING_COLORS: Record<string, string> = {
  achieved: 'green',
  on_track: 'blue',
  needs_acceleration: 'gold',
  off_track: 'red',
  not_assessed: 'default',
};

export function RatingTag({ rating, label }: { rating: string | null | undefined; label: string | null | undefined }) {
  if (!rating) return <Tag variant="outlined">待评估</Tag>;
  return <Tag color={RATING_COLORS[rating] ?? 'default'}>{label ?? rating}</Tag>;
}
