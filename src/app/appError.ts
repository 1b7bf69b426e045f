/** A refusal of the application layer, in Chinese, with what kind of refusal it is. */

export type AppErrorKind = 'invalid' | 'not_found' | 'conflict';

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const invalid = (message: string, details?: unknown): AppError => new AppError('invalid', message, details);
export const missing = (message: string): AppError => new AppError('not_found', message);
export const clash = (message: string, details?: unknown): AppError => new AppError('conflict', message, details);
