import { Alert, Button } from 'antd';

/** A failed request, in the server's words, with a way to try again. */
export function ErrorAlert({ error, retry }: { error: { message: string } | string | null; retry?: () => void }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.message;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text}
      style={{ marginBottom: 12 }}
      action={
        retry ? (
          <Button size="small" onClick={retry} aria-label="重试">
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
