import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/users.js';
import { DIALECTS } from '../support/databases.js';
import { CITY, PASSWORD, useServer, type Client } from '../support/server.js';

const DAY = 86_400_000;
const DATA_ROUTE = '/api/years';

describe.each(DIALECTS)('passwords to be changed, reused or expired (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  const newUser = async (username: string, mustChangePassword: boolean) => {
    await createUser(
      server.ctx.db,
      { username, displayName: username, password: PASSWORD, role: 'viewer', orgUnitCode: CITY, departmentCode: null, mustChangePassword },
      'test',
      server.ctx.now().toISOString(),
    );
  };
  const change = (c: Client, oldPassword: string, newPassword: string) => c.post('/api/auth/password', { oldPassword, newPassword });

  it('keeps a new user from the data until the initial password is changed', async () => {
    await newUser('first_timer', true);
    const c = await server.login('first_timer');
    const before = await c.get(DATA_ROUTE);
    expect(before.statusCode).toBe(403);
    expect(before.json()).toEqual({ error: '请先修改初始密码', code: 'password_change_required' });
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true, passwordExpired: false });
    expect((await change(c, PASSWORD, 'Own-Passw0rd#1')).statusCode).toBe(200);
    expect((await c.get(DATA_ROUTE)).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: false });
    // Being asked to change the password is not an attempt on others' data.
    const denied = await server.ctx.db
      .selectFrom('security_log')
      .select('id')
      .where('event', '=', 'access_denied')
      .where('username', '=', 'first_timer')
      .execute();
    expect(denied).toHaveLength(0);
  });

  it('lets a user who must change the password still sign out', async () => {
    await newUser('leaving_early', true);
    const c = await server.login('leaving_early');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses any of the last five passwords and accepts the sixth-last', async () => {
    await newUser('recycler', false);
    const c = await server.login('recycler');
    const passwords = [PASSWORD, 'Second-Passw0rd#', 'Third-Passw0rd#', 'Fourth-Passw0rd#', 'Fifth-Passw0rd#', 'Sixth-Passw0rd#'];
    for (let i = 1; i < passwords.length; i++) {
      expect((await change(c, passwords[i - 1] ?? '', passwords[i] ?? '')).statusCode).toBe(200);
    }
    const current = passwords[5] ?? '';
    const fifthLast = await change(c, current, passwords[1] ?? '');
    expect(fifthLast.statusCode).toBe(400);
    expect(fifthLast.json().error).toBe('新密码不能与最近 5 次使用过的密码相同');
    const sixthLast = await change(c, current, PASSWORD);
    expect(sixthLast.statusCode).toBe(200);
    await server.login('recycler', PASSWORD);
  });
});

describe.each(DIALECTS)('passwords older than ninety days (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  it('asks for a new password after ninety days and opens the data again once it is changed', async () => {
    server.advanceClock(89 * DAY);
    const fresh = await server.login('lishu_health');
    expect((await fresh.get(DATA_ROUTE)).statusCode).toBe(200);
    server.advanceClock(2 * DAY);
    const c = await server.login('lishu_health');
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const refused = await c.get(DATA_ROUTE);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: '密码已过期，请修改密码', code: 'password_change_required' });
    expect((await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'Renewed-Passw0rd#' })).statusCode).toBe(200);
    expect((await c.get(DATA_ROUTE)).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: false, passwordExpired: false });
  });
});

describe.each(DIALECTS)('passwords that never expire (%s)', (dialect) => {
  const server = useServer(dialect, { config: { passwordMaxAgeDays: 0 } });

  it('keeps a password valid for years when the maximum age is 0', async () => {
    server.advanceClock(1000 * DAY);
    const c = await server.login('viewer');
    expect((await c.get(DATA_ROUTE)).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: false, passwordExpired: false });
  });
});
