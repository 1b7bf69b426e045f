/** The latest year's values by sex and by urban/rural beside the total, where the data have them. */
import { Descriptions } from 'antd';
import type { IndicatorPageData } from '../../../../src/app/indicatorPageModel';
import { fixed } from './pageFormat';

export function BreakdownTable({ page }: { page: IndicatorPageData }) {
  const { breakdown: b, indicator } = page;
  if (b.year === null) return null;
  const cells = [...b.bySex, ...b.byArea];
  const gap = b.byArea.length === 2 ? Math.abs((b.byArea[0]?.value ?? 0) - (b.byArea[1]?.value ?? 0)) : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: cells.length + 1 + (gap === null ? 0 : 1) }}
      title={`${b.year}年分组数值(${indicator.unit})`}
      data-testid="breakdown"
    >
      <Descriptions.Item label="合计">{fixed(b.total, indicator.digits)}</Descriptions.Item>
      {cells.map((c) => (
        <Descriptions.Item key={c.key} label={c.label}>
          {fixed(c.value, indicator.digits)}
        </Descriptions.Item>
      ))}
      {gap !== null && <Descriptions.Item label="城乡差距">{fixed(gap, indicator.digits)}</Descriptions.Item>}
    </Descriptions>
  );
}
