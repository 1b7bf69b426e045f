/** What the indicator is: its plan goal, unit, direction, formula, lead department and targets. */
import { Descriptions, Tag, Typography } from 'antd';
import type { IndicatorPageData } from '../../../../src/app/indicatorPageModel';

export function IndicatorFacts({ page }: { page: IndicatorPageData }) {
  const i = page.indicator;
  const formula = i.numerator && i.denominator ? `${i.numerator} ÷ ${i.denominator}` : null;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="indicator-facts">
      <Descriptions.Item label="领域">
        <Tag>{i.domainName}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="计量单位">{i.unit}</Descriptions.Item>
      <Descriptions.Item label="规划目标" span={2}>
        <Typography.Text>
          {i.planRef} {i.goalText ?? ''}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="目标值" span={2}>
        <span data-testid="indicator-targets">
          {page.targets.length === 0
            ? '无量化目标'
            : page.targets.map((t) => `${t.label === '合计' ? '' : `${t.label}:`}${t.text}(${t.targetYear}年)`).join(';')}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="指标方向">{i.directionLabel}</Descriptions.Item>
      <Descriptions.Item label="牵头单位">
        {i.leadDepartment ?? '未分工'}
        {i.cooperatingDepartments.length > 0 && (
          <Typography.Text type="secondary">(配合:{i.cooperatingDepartments.join('、')})</Typography.Text>
        )}
      </Descriptions.Item>
      {formula && <Descriptions.Item label="计算方法">{formula}</Descriptions.Item>}
      {i.note && <Descriptions.Item label="备注">{i.note}</Descriptions.Item>}
    </Descriptions>
  );
}
