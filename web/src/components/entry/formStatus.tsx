/** The form's situation in words: why it is locked, and how near its deadline is. */
import { Typography } from 'antd';
import dayjs from 'dayjs';
import type { EntryForm } from '../../hooks/useEntryForm';

/** Why the figures cannot be changed here, or null when they can. */
export function lockedBecause(form: EntryForm, role: string, department: string | null): string | null {
  if (role !== 'department' || department !== form.department.code) {
    return role === 'monitor' ? '监测组只能查看和审核填报数据,不能修改。' : '您的角色只能查看填报数据,不能修改。';
  }
  switch (form.submission.state) {
    case 'submitted':
      return '本表已提交,数据已锁定。如需修改,请联系审核人(统计局)退回。';
    case 'reviewed':
      return '本表已审核,数据已锁定。如需修改,请联系批准人退回。';
    case 'approved':
      return '本表已批准,数据已锁定。如需修改,须由批准人重新打开。';
    default:
      return form.submission.editable ? null : `本表当前状态为“${form.submission.stateLabel}”,不能修改。`;
  }
}

export function Deadline({ deadline, state }: { deadline: string | null; state: string }) {
  if (!deadline) return null;
  const days = dayjs(deadline).startOf('day').diff(dayjs().startOf('day'), 'day');
  const open = state === 'draft';
  const hint = !open ? '' : days < 0 ? `(已逾期 ${-days} 天)` : days <= 7 ? `(还剩 ${days} 天)` : '';
  return (
    <Typography.Text type={open && days < 0 ? 'danger' : open && days <= 7 ? 'warning' : undefined} data-testid="deadline">
      截止日期:{deadline}
      {hint}
    </Typography.Text>
  );
}
