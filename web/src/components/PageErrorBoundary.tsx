/**
 * Keeps a failing page from blanking the whole app. A page whose script cannot be fetched (the app
 * was updated while the tab was open) is reloaded once; anything else is shown with a way to retry.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

const RELOADED_AT = 'childplan.reloadedForUpdate';

function isStaleChunk(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|module script|ChunkLoadError/i.test(text);
}

/** Reloads the page to fetch the new version, at most once a minute so that a broken server is not hammered. */
export function reloadForUpdate(): boolean {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return false;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
  return true;
}

interface State {
  error: unknown;
}

export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (isStaleChunk(error) && reloadForUpdate()) return;
    console.error(error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const stale = isStaleChunk(this.state.error);
    return (
      <Result
        status="warning"
        title={stale ? '系统已更新,请刷新页面' : '页面出错了'}
        subTitle={stale ? '页面文件已更新,刷新后即可继续使用。' : '请刷新页面后重试;如果问题仍然存在,请联系系统管理员。'}
        extra={
          <Button type="primary" onClick={() => window.location.reload()} aria-label="刷新页面">
            刷新页面
          </Button>
        }
      />
    );
  }
}
