/**
 * The workflow buttons a user may press now (the server lists them in `actions`): 提交, 审核通过,
 * 批准, 退回, 重新打开. Each asks for confirmation; 退回 and 重新打开 need a reason.
 */
import { useState } from 'react';
import { App, Button, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import type { WorkflowAction } from '../../hooks/useEntryForm';
import { submissionStep, type SubmissionKey, type SubmissionSummary } from '../../hooks/useSubmissions';

const CONSEQUENCES: Record<string, string> = {
  submit: '提交后数据将锁定,不能再修改;如需修改,须由审核人退回。',
  review: '审核通过后,报送将交由上级批准。',
  approve: '批准后数据锁定,作为正式数据用于监测评估。',
  return: '退回后报送回到草稿状态,填报单位可以修改后重新提交。',
  reopen: '重新打开后报送回到草稿状态,填报单位可以修改后重新提交。',
};

const DANGER = new Set(['return', 'reopen']);

export interface SubmissionActionsProps {
  target: SubmissionKey;
  /** Shown in the dialog: “卫生健康委员会 · 梨树县 · 2025 年”. */
  title: string;
  actions: WorkflowAction[];
  onDone(summary: SubmissionSummary): void;
  /** Why the buttons cannot be used now (e.g. unsaved changes), shown on hover. */
  blockedBecause?: (action: string) => string | null;
  size?: 'small' | 'middle';
  /** Distinguishes the buttons of one row among many: `action-submit-health-220322`. */
  testIdSuffix?: string;
}

export function SubmissionActions({
  target,
  title,
  actions,
  onDone,
  blockedBecause,
  size = 'middle',
  testIdSuffix,
}: SubmissionActionsProps) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = (a: WorkflowAction) => {
    setReason('');
    setError(null);
    setOpen(a);
  };

  const confirm = async () => {
    if (!open) return;
    if (open.needsReason && reason.trim() === '') {
      setError(`${open.label}须填写理由`);
      return;
    }
    setBusy(true);
    try {
      const summary = await submissionStep(target, open.action, reason.trim());
      message.success(`已${open.label}`);
      setOpen(null);
      onDone(summary);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const suffix = testIdSuffix ? `-${testIdSuffix}` : '';
  return (
    <>
      <Space size={size === 'small' ? 4 : 8} wrap>
        {actions.map((a) => {
          const blocked = blockedBecause?.(a.action) ?? null;
          const button = (
            <Button
              key={a.action}
              size={size}
              type={a.action === 'submit' || a.action === 'review' || a.action === 'approve' ? 'primary' : 'default'}
              danger={DANGER.has(a.action)}
              disabled={blocked !== null}
              onClick={() => start(a)}
              aria-label={a.label}
              data-testid={`action-${a.action}${suffix}`}
            >
              {a.label}
            </Button>
          );
          return blocked ? (
            <Tooltip key={a.action} title={blocked}>
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      <Modal
        open={open !== null}
        title={open ? `${open.label}:${title}` : ''}
        okText={open?.label ?? '确定'}
        cancelText="取消"
        okButtonProps={{ danger: open ? DANGER.has(open.action) : false, 'aria-label': `确认${open?.label ?? ''}`, loading: busy }}
        cancelButtonProps={{ 'aria-label': '取消' }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{CONSEQUENCES[open.action] ?? ''}</Typography.Paragraph>
            <label htmlFor="workflow-reason">
              {open.needsReason ? (
                <>
                  <span style={{ color: '#ff4d4f' }}>* </span>
                  {open.label}理由
                </>
              ) : (
                '说明(可选)'
              )}
            </label>
            <Input.TextArea
              id="workflow-reason"
              aria-label="理由"
              data-testid="workflow-reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={1000}
              showCount
              status={error ? 'error' : undefined}
              placeholder={open.action === 'return' ? '请写明需要修改的指标和原因,如:新生儿访视率与妇幼年报不一致' : undefined}
              autoFocus
            />
            {error && (
              <Typography.Text type="danger" role="alert" data-testid="workflow-error">
                {error}
              </Typography.Text>
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
