/** The application layer's refusals as HTTP errors. */
import { AppError } from '../app/appError.js';
import { UserNotFoundError } from '../app/userAdmin.js';
import { UserInputError } from '../app/users.js';
import { badRequest, conflict, type HttpError, notFound } from './errors.js';

function httpErrorOf(error: unknown): HttpError | null {
  if (error instanceof AppError) {
    if (error.kind === 'not_found') return notFound(error.message);
    if (error.kind === 'conflict') return conflict(error.message, error.details);
    return badRequest(error.message, error.details);
  }
  if (error instanceof UserInputError) return badRequest(error.message, { problems: error.problems });
  if (error instanceof UserNotFoundError) return notFound(error.message);
  return null;
}

/** Runs an application command; its refusals leave as 400/404/409 with their Chinese message. */
export async function runApp<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw httpErrorOf(error) ?? error;
  }
}
