/**
 * The notices above a form: a draft kept in the browser since the last visit (with 放弃草稿), why
 * the form is read-only, and a browser that cannot keep drafts.
 */
import { Alert, Button, Popconfirm } from 'antd';

interface Props {
  /** Lines restored from the browser's draft when the form opened; 0 or null: none. */
  restoredCount: number | null;
  pendingDrafts: number;
  canEdit: boolean;
  /** Why the form is read-only; null when it may be edited. */
  locked: string | null;
  hasLines: boolean;
  storageFailed: boolean;
  onDiscard(): void;
}

export function FormNotices({ restoredCount, pendingDrafts, canEdit, locked, hasLines, storageFailed, onDiscard }: Props) {
  return (
    <>
      {restoredCount !== null && restoredCount > 0 && pendingDrafts > 0 && (
        <Alert
          type={canEdit ? 'info' : 'warning'}
          showIcon
          data-testid="draft-restored"
          style={{ marginBottom: 10 }}
          title={canEdit ? `已恢复未保存的草稿(${restoredCount} 项)` : `有 ${pendingDrafts} 项未保存的草稿`}
          description={
            canEdit
              ? '这些数值上次没有保存,已填回表中(黄色底色)。请核对后保存,或放弃草稿。'
              : '报送当前不能修改,草稿暂时保留在本机;退回或重新打开后可继续保存,也可以放弃。'
          }
          action={
            <Popconfirm
              title="放弃未保存的草稿?"
              description="放弃后不能恢复。"
              okText="放弃"
              okButtonProps={{ danger: true, 'aria-label': '确认放弃' }}
              cancelText="取消"
              onConfirm={onDiscard}
            >
              <Button size="small" danger aria-label="放弃草稿" data-testid="discard-draft">
                放弃草稿
              </Button>
            </Popconfirm>
          }
        />
      )}
      {locked && hasLines && <Alert type="warning" showIcon data-testid="locked-notice" style={{ marginBottom: 10 }} title={locked} />}
      {storageFailed && (
        <Alert
          type="error"
          showIcon
          data-testid="draft-storage-failed"
          style={{ marginBottom: 10 }}
          title="浏览器无法在本机保存草稿(可能是隐私模式或存储已满),请及时点击“保存”。"
        />
      )}
    </>
  );
}
