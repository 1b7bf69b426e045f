import { Select } from 'antd';
import type { YearChoice } from '../hooks/useYear';

/** The year picker of a page (年度). */
export function YearSelect({ choice }: { choice: YearChoice }) {
  return (
    <Select<number>
      aria-label="年度"
      data-testid="year-select"
      style={{ width: 140 }}
      value={choice.year ?? undefined}
      onChange={choice.setYear}
      options={choice.years.map((y) => ({ value: y, label: `${y} 年${y === choice.current ? '(当前)' : ''}` }))}
      loading={choice.year === null}
    />
  );
}
