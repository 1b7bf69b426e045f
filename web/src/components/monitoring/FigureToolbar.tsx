/** The choices above a monitoring page: year, unit and (for the statistics bureau) whether unapproved figures count. */
import type { ReactNode } from 'react';
import { Flex, Radio, Select, Spin, Tag } from 'antd';
import { OrgUnitTreeSelect } from '../OrgUnitTreeSelect';
import type { FigureSelection } from '../../hooks/useFigureSelection';

export interface FigureToolbarProps {
  selection: FigureSelection;
  /** The answer shown: its year is the server's choice until the user picks one. */
  answer: { year: number; synthetic: boolean } | undefined;
  /** True while an answer is on its way (the figures shown stay until it comes). */
  loading: boolean;
  children?: ReactNode;
}

export function FigureToolbar({ selection, answer, loading, children }: FigureToolbarProps) {
  const { request, years, mayChooseData } = selection;
  const shownYear = answer?.year ?? null;
  const refreshing = loading && answer !== undefined;
  const synthetic = answer?.synthetic;
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Select<number>
        aria-label="年度"
        data-testid="year-select"
        style={{ width: 130 }}
        value={request.year ?? shownYear ?? undefined}
        onChange={selection.setYear}
        options={years.map((y) => ({ value: y, label: `${y} 年` }))}
      />
      <OrgUnitTreeSelect value={request.org} onChange={(v) => v && selection.setOrg(v)} ariaLabel="单位" style={{ width: 220 }} />
      {mayChooseData && (
        <Radio.Group
          aria-label="数据范围"
          data-testid="data-kind"
          value={request.data}
          onChange={(e) => selection.setData(e.target.value === 'all' ? 'all' : 'approved')}
          optionType="button"
          options={[
            { value: 'approved', label: '已批准数据' },
            { value: 'all', label: '含未批准数据' },
          ]}
        />
      )}
      {request.data === 'all' && <Tag color="orange">含尚未批准的数据,仅供核查</Tag>}
      {synthetic && <Tag color="warning">演示数据(合成)</Tag>}
      {refreshing && <Spin size="small" aria-label="正在更新" />}
      <div style={{ marginLeft: 'auto' }}>{children}</div>
    </Flex>
  );
}
