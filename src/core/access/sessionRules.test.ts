import { describe, expect, it } from 'vitest';
import { passwordExpired } from './password.js';
import { isAdministrator } from './roles.js';
import { sessionEnd, sessionLimit, sessionsPushedOut, type SessionLimits } from './sessionRules.js';

const LIMITS: SessionLimits = { idleMinutes: 30, sessionHours: 12, maxSessionsPerUser: 3, maxSessionsPerAdministrator: 1 };
const at = (iso: string) => new Date(iso);

describe('session rules', () => {
  it('ends a session idle for more than the idle minutes', () => {
    const s = { createdAt: '2026-01-01T08:00:00.000Z', lastSeenAt: '2026-01-01T08:00:00.000Z' };
    expect(sessionEnd(s, at('2026-01-01T08:29:00.000Z'), LIMITS)).toBeNull();
    expect(sessionEnd(s, at('2026-01-01T08:31:00.000Z'), LIMITS)).toBe('idle');
  });

  it('ends an active session more than twelve hours after sign-in', () => {
    const s = { createdAt: '2026-01-01T08:00:00.000Z', lastSeenAt: '2026-01-01T20:00:30.000Z' };
    expect(sessionEnd(s, at('2026-01-01T20:00:00.000Z'), LIMITS)).toBeNull();
    expect(sessionEnd(s, at('2026-01-01T20:01:00.000Z'), LIMITS)).toBe('lifetime');
  });

  it('gives administrators one session and everyone else three', () => {
    expect(isAdministrator('admin')).toBe(true);
    expect(isAdministrator('monitor')).toBe(false);
    expect(sessionLimit('admin', LIMITS)).toBe(1);
    expect(sessionLimit('department', LIMITS)).toBe(3);
    expect(sessionLimit('no_such_role', LIMITS)).toBe(1);
  });

  it('pushes out the oldest sessions beyond the limit, keeping room for the new one', () => {
    const others = [
      { id: 'b', createdAt: '2026-01-01T09:00:00.000Z' },
      { id: 'a', createdAt: '2026-01-01T08:00:00.000Z' },
      { id: 'c', createdAt: '2026-01-01T10:00:00.000Z' },
    ];
    expect(sessionsPushedOut(others, 3).map((s) => s.id)).toEqual(['a']);
    expect(sessionsPushedOut(others, 1).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(sessionsPushedOut(others.slice(0, 1), 3)).toEqual([]);
  });
});

describe('password age', () => {
  it('expires a password older than the maximum age, and never when the maximum is 0', () => {
    expect(passwordExpired('2026-01-01T00:00:00.000Z', at('2026-03-31T00:00:00.000Z'), 90)).toBe(false);
    expect(passwordExpired('2026-01-01T00:00:00.000Z', at('2026-04-02T00:00:00.000Z'), 90)).toBe(true);
    expect(passwordExpired('2000-01-01T00:00:00.000Z', at('2026-04-02T00:00:00.000Z'), 0)).toBe(false);
  });
});
