/**
 * One session per user for a whole describe block: signing in again and again would meet the
 * login rate limit. `getJson` GETs as a user and expects 200.
 */
import { expect } from 'vitest';
import type { Client, TestServer, TestUser } from './server.js';

export function userSessions(server: TestServer) {
  const sessions = new Map<TestUser, Promise<Client>>();
  const as = (user: TestUser): Promise<Client> => {
    let s = sessions.get(user);
    if (!s) sessions.set(user, (s = server.login(user)));
    return s;
  };
  const getJson = async <T>(user: TestUser, url: string): Promise<T> => {
    const res = await (await as(user)).get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  return { as, getJson };
}
