/** Every value of the unit by year and disaggregation, with where it comes from, its source and note. */
import { Table, Tag } from 'antd';
import type { IndicatorPageData, PageValue } from '../../../../src/app/indicatorPageModel';
import { fixed } from './pageFormat';

interface Row extends PageValue {
  key: string;
  label: string;
}

const ORIGIN_COLORS: Record<string, string> = { reported: 'blue', aggregated: 'purple', derived: 'cyan' };

export function ValueTable({ page }: { page: IndicatorPageData }) {
  const { digits, numerator, denominator } = page.indicator;
  const rows: Row[] = page.series
    .flatMap((s) => s.values.map((v) => ({ ...v, key: `${v.year}|${s.sex}|${s.area}`, label: s.label })))
    .sort((a, b) => b.year - a.year);
  const split = page.series.length > 1;
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      data-testid="value-table"
      dataSource={rows}
      pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      columns={[
        { title: '年度', dataIndex: 'year', width: 80 },
        ...(split ? [{ title: '分组', dataIndex: 'label', width: 100 }] : []),
        {
          title: `数值(${page.indicator.unit})`,
          dataIndex: 'value',
          align: 'right' as const,
          width: 110,
          render: (v: number) => fixed(v, digits),
        },
        ...(numerator
          ? [{ title: numerator, dataIndex: 'numerator', align: 'right' as const, render: (v: number | null) => v ?? '—' }]
          : []),
        ...(denominator
          ? [{ title: denominator, dataIndex: 'denominator', align: 'right' as const, render: (v: number | null) => v ?? '—' }]
          : []),
        {
          title: '来历',
          dataIndex: 'originLabel',
          width: 80,
          render: (t: string, r: Row) => <Tag color={ORIGIN_COLORS[r.origin]}>{t}</Tag>,
        },
        { title: '数据来源', dataIndex: 'source', render: (v: string | null) => v ?? '—' },
        { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}
