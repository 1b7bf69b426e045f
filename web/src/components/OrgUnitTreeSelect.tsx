/** Choosing a unit (单位) among those the user may see, as a tree: city → counties → townships. */
import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnit } from '../api/types';
import { useOrgScope } from '../hooks/useOrgScope';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

export const LEVEL_LABELS: Record<string, string> = {
  province: '省',
  city: '市',
  county: '县(市、区)',
  township: '乡镇(街道)',
  village: '村(社区)',
};

function tree(units: OrgUnit[], levels: readonly string[]): TreeNode[] {
  const shown = units.filter((u) => levels.includes(u.level));
  const byCode = new Map<string, TreeNode>(shown.map((u) => [u.code, { value: u.code, title: u.name, children: [] }]));
  const roots: TreeNode[] = [];
  for (const u of shown) {
    const node = byCode.get(u.code);
    if (!node) continue;
    const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface OrgUnitTreeSelectProps {
  value?: string;
  onChange?: (code: string) => void;
  /** Which levels to offer; users belong to a city or county unit. */
  levels?: readonly string[];
  ariaLabel?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  placeholder?: string;
}

export function OrgUnitTreeSelect({
  value,
  onChange,
  levels = ['province', 'city', 'county'],
  ariaLabel = '单位',
  style,
  allowClear,
  placeholder = '选择单位',
}: OrgUnitTreeSelectProps) {
  const { data, loading } = useOrgScope();
  const treeData = useMemo(() => (data ? tree(data.units, levels) : []), [data, levels]);
  return (
    <TreeSelect
      aria-label={ariaLabel}
      data-testid="org-unit-select"
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? '')}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={loading}
      style={{ minWidth: 200, ...style }}
      allowClear={allowClear}
      placeholder={placeholder}
    />
  );
}
