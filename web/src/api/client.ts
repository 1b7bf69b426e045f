/**
 * Talking to the server: JSON in and out, the session cookie, and the CSRF token on every request
 * that changes something. A failure becomes an ApiError carrying the server's Chinese message.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let onUnauthorized: ((url: string) => void) | null = null;

let onPasswordChangeRequired: (() => void) | null = null;

/** Called when the server keeps the user from everything until the password is changed (initial or expired). */
export function setPasswordChangeRequiredHandler(handler: (() => void) | null): void {
  onPasswordChangeRequired = handler;
}

/** Set by the sign-in state: the token the server gave with the current user. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called for every 401 answer, so that an expired session anywhere leads back to the login page. */
export function setUnauthorizedHandler(handler: ((url: string) => void) | null): void {
  onUnauthorized = handler;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function headers(method: Method, json: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (json) h['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== '') h['x-csrf-token'] = csrfToken;
  return h;
}

async function failure(response: Response, url: string): Promise<ApiError> {
  let message = `请求失败(${response.status})`;
  let details: unknown;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const b = body as { error?: unknown; details?: unknown; code?: unknown };
      if (typeof b.error === 'string' && b.error !== '') message = b.error;
      details = b.details;
      if (response.status === 403 && b.code === 'password_change_required') onPasswordChangeRequired?.();
    }
  } catch {
    if (response.status === 404) message = '请求的功能暂不可用(404)';
    else if (response.status >= 500) message = '服务器暂时无法处理请求,请稍后再试';
  }
  if (response.status === 401) onUnauthorized?.(url);
  return new ApiError(response.status, message, details);
}

async function send(method: Method, url: string, init: { body?: BodyInit; json: boolean }): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin', headers: headers(method, init.json), body: init.body ?? null });
  } catch {
    throw new ApiError(0, '无法连接服务器,请检查网络后重试');
  }
  if (!response.ok) throw await failure(response, url);
  return response;
}

/** A JSON request; resolves to the parsed answer (undefined for an empty one). */
export async function api<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const hasBody = body !== undefined;
  const response = await send(method, url, { body: hasBody ? JSON.stringify(body) : undefined, json: hasBody });
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A multipart upload (FormData with a `file` field and any others); resolves to the JSON answer. */
export async function upload<T>(url: string, formData: FormData): Promise<T> {
  const response = await send('POST', url, { body: formData, json: false });
  return (await response.json()) as T;
}

/** The file name the server gave in Content-Disposition (RFC 5987 form first). */
function fileNameOf(response: Response): string | null {
  const cd = response.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(cd);
  return plain?.[1] ?? null;
}

/** Fetches a file (CSV, Excel) and hands it to the browser as a download. */
export async function download(url: string, fileName?: string): Promise<void> {
  const response = await send('GET', url, { json: false });
  const blob = await response.blob();
  const name = fileName ?? fileNameOf(response) ?? 'download';
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** The message to show for any error caught around an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return '操作失败';
}
