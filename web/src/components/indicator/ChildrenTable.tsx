/** The children of the unit with value and status; a child with data below it opens one level down. */
import { Button, Table } from 'antd';
import type { IndicatorPageData, PageChild } from '../../../../src/app/indicatorPageModel';
import { StatusTag } from './StatusTag';

export interface ChildrenTableProps {
  page: IndicatorPageData;
  onOpen?: (code: string) => void;
}

export function ChildrenTable({ page, onOpen }: ChildrenTableProps) {
  return (
    <Table<PageChild>
      size="small"
      rowKey="code"
      data-testid="children-table"
      dataSource={page.children}
      pagination={page.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          title: page.childLevelLabel ?? '单位',
          dataIndex: 'name',
          render: (name: string, c) =>
            onOpen ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(c.code)} data-testid={`open-${c.code}`}>
                {name}
              </Button>
            ) : (
              name
            ),
        },
        { title: `数值(${page.indicator.unit})`, dataIndex: 'valueText', align: 'right' },
        { title: '年度', dataIndex: 'latestYear', render: (y: number | null) => y ?? '—' },
        { title: '进展状态', dataIndex: 'statusLabel', render: (_: string, c) => <StatusTag status={c.status} label={c.statusLabel} /> },
        { title: '预警', dataIndex: 'warningLabel' },
        { title: '下级数据', dataIndex: 'drillable', render: (d: boolean) => (d ? '有' : '—') },
      ]}
    />
  );
}
