import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { PASSWORD, useServer } from '../support/server.js';

describe.each(DIALECTS)('signing in and sessions (%s)', (dialect) => {
  const server = useServer(dialect);

  it('signs in with the right password and tells who is signed in', async () => {
    const c = await server.login('lishu_health');
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'lishu_health',
      role: 'department',
      orgUnitName: '梨树县',
      departmentName: '卫生健康委员会',
    });
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'childplan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('refuses a request without a session', async () => {
    const res = await server.anonymous().get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: '请先登录' });
  });

  it('refuses a change without the CSRF token, even with a valid session', async () => {
    const c = await server.login('viewer');
    const res = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toContain('CSRF');
    const wrong = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const c = await server.login('office');
    server.advanceClock(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    server.advanceClock(31 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const attempt = (password: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiexi_health', password } });
    for (let i = 1; i <= 4; i++) {
      const res = await attempt('wrong-Password1');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('用户名或密码错误');
    }
    const fifth = await attempt('wrong-Password1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toContain('账户已锁定');
    expect((await attempt(PASSWORD)).statusCode).toBe(423);
    server.advanceClock(16 * 60_000);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
    const log = await server.ctx.db.selectFrom('security_log').select(['event']).where('username', '=', 'tiexi_health').execute();
    expect(log.filter((e) => e.event === 'locked')).toHaveLength(1);
    expect(log.filter((e) => e.event === 'login_failed').length).toBeGreaterThanOrEqual(6);
  });

  it('answers an unknown user, a disabled one and a wrong password with the same words, telling nobody who exists', async () => {
    const attempt = async (username: string, password: string) => {
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return { status: res.statusCode, body: res.body };
    };
    await server.ctx.db.updateTable('app_user').set({ active: 0 }).where('username', '=', 'lishu_monitor').execute();
    const unknown = await attempt('nobody_here', 'wrong-Password1');
    const wrong = await attempt('viewer', 'wrong-Password1');
    const disabled = await attempt('lishu_monitor', PASSWORD);
    expect(unknown).toEqual({ status: 401, body: JSON.stringify({ error: '用户名或密码错误' }) });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    await server.ctx.db.updateTable('app_user').set({ active: 1 }).where('username', '=', 'lishu_monitor').execute();
  });

  it('changes a password only to one that meets the rule, and the old one stops working', async () => {
    const c = await server.login('lishu_education');
    const weak = await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toContain('至少 10 位');
    const ok = await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'New-Passw0rd#2' });
    expect(ok.statusCode).toBe(200);
    await expect(server.login('lishu_education')).rejects.toThrow(/401/);
    await server.login('lishu_education', 'New-Passw0rd#2');
  });

  it('serves the OpenAPI document at /api/docs without a session', async () => {
    const res = await server.anonymous().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
  });
});
