import { Tag } from 'antd';

const COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', reviewed: 'cyan', approved: 'success' };

/** 草稿 / 已提交 / 已审核 / 已批准 */
export function StateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid="submission-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
