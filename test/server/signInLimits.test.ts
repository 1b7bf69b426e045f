import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { PASSWORD, useServer } from '../support/server.js';

const MINUTE = 60_000;

describe.each(DIALECTS)('limits on signing in and on sessions (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  const events = (event: string, username: string) =>
    server.ctx.db.selectFrom('security_log').select(['detail']).where('event', '=', event).where('username', '=', username).execute();
  const sessionsOf = async (username: string) => {
    const rows = await server.ctx.db
      .selectFrom('app_session')
      .innerJoin('app_user', 'app_user.id', 'app_session.user_id')
      .select('app_session.token_hash')
      .where('app_user.username', '=', username)
      .execute();
    return rows.length;
  };

  it('locks an account when forty wrong passwords arrive at once, and then refuses the right one', async () => {
    const attempt = (password: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiexi_health', password } });
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt('wrong-Password1')));
    const statuses = answers.map((res) => res.statusCode);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(await events('locked', 'tiexi_health')).toHaveLength(1);
    const right = await attempt(PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error).toContain('账户已锁定');
  });

  it('ends a session twelve hours after sign-in however active it is, and logs it', async () => {
    const c = await server.login('office');
    for (let minutes = 25; minutes <= 11 * 60 + 55; minutes += 25) {
      server.advanceClock(25 * MINUTE);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    server.advanceClock(25 * MINUTE);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect(await sessionsOf('office')).toBe(0);
    expect((await events('session_expired', 'office')).at(-1)?.detail).toContain('12 小时');
  });

  it('keeps an ordinary user to three sessions at once: a fourth sign-in ends the oldest', async () => {
    const clients = [];
    for (let i = 0; i < 4; i++) {
      clients.push(await server.login('lishu_health'));
      server.advanceClock(1000);
    }
    const statuses = await Promise.all(clients.map(async (c) => (await c.get('/api/auth/me')).statusCode));
    expect(statuses).toEqual([401, 200, 200, 200]);
    expect(await sessionsOf('lishu_health')).toBe(3);
    expect((await events('session_limit', 'lishu_health')).at(-1)?.detail).toContain('最早的 1 个会话');
  });

  it('keeps an administrator to one session: signing in again ends the first', async () => {
    const first = await server.login('admin');
    server.advanceClock(1000);
    const second = await server.login('admin');
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
    expect(await sessionsOf('admin')).toBe(1);
    expect(await events('session_limit', 'admin')).toHaveLength(1);
  });
});
