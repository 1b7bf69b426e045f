/** Errors a route raises on purpose: a status and a Chinese message for the user. */

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
    /** A stable name of the refusal, for clients that act on it (e.g. `password_change_required`). */
    readonly code?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown): HttpError => new HttpError(400, message, details);
export const unauthorized = (message = '请先登录'): HttpError => new HttpError(401, message);
export const forbidden = (message = '无权访问该数据'): HttpError => new HttpError(403, message);
export const notFound = (message = '未找到'): HttpError => new HttpError(404, message);
export const conflict = (message: string, details?: unknown): HttpError => new HttpError(409, message, details);

export const PASSWORD_CHANGE_REQUIRED = 'password_change_required';

/** The refusal of every route but a few until the user has a password of his own that is still valid. */
export const passwordChangeRequired = (expired: boolean): HttpError =>
  new HttpError(403, expired ? '密码已过期，请修改密码' : '请先修改初始密码', undefined, PASSWORD_CHANGE_REQUIRED);
