/** When a signed-in session ends: idle too long, open too long, or pushed out by newer ones. */
import { isAdministrator, isRole } from './roles.js';

export interface SessionLimits {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends however active it is. */
  sessionHours: number;
  /** Sessions one user may hold at once; administrators hold fewer. */
  maxSessionsPerUser: number;
  maxSessionsPerAdministrator: number;
}

export type SessionEnd = 'idle' | 'lifetime';

/** Why a session is over at `now`, or null while it still holds. */
export function sessionEnd(session: { createdAt: string; lastSeenAt: string }, now: Date, limits: SessionLimits): SessionEnd | null {
  const at = now.getTime();
  if (at - Date.parse(session.createdAt) > limits.sessionHours * 3_600_000) return 'lifetime';
  if (at - Date.parse(session.lastSeenAt) > limits.idleMinutes * 60_000) return 'idle';
  return null;
}

/** How many sessions a user of this role may hold; a role the code does not know gets the stricter limit. */
export function sessionLimit(role: string, limits: SessionLimits): number {
  const ordinary = isRole(role) && !isAdministrator(role);
  return Math.max(1, ordinary ? limits.maxSessionsPerUser : limits.maxSessionsPerAdministrator);
}

/**
 * The sessions a new sign-in pushes out: all but the newest `limit - 1` of the user's other
 * sessions, so that with the new one the user holds `limit`.
 */
export function sessionsPushedOut<S extends { createdAt: string }>(others: readonly S[], limit: number): S[] {
  const newestFirst = [...others].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return newestFirst.slice(Math.max(0, limit - 1));
}
