import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { LISHU, PASSWORD, useServer } from '../support/server.js';

interface UserView {
  id: number;
  username: string;
  role: string;
  roleLabel: string;
  orgUnitName: string;
  departmentName: string | null;
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

describe.each(DIALECTS)('user administration (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  const idOf = async (username: string): Promise<number> => {
    const row = await server.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return row.id;
  };
  const securityEvents = async (event: string) =>
    server.ctx.db.selectFrom('security_log').select(['username', 'detail']).where('event', '=', event).orderBy('id').execute();

  it('lists users with unit, department, role label, state and last login', async () => {
    await server.login('lishu_health');
    const admin = await server.login('admin');
    const res = await admin.get('/api/users');
    expect(res.statusCode).toBe(200);
    const users = (res.json() as { users: UserView[] }).users;
    const lishu = users.find((u) => u.username === 'lishu_health');
    expect(lishu).toMatchObject({
      role: 'department',
      roleLabel: '成员单位',
      orgUnitName: '梨树县',
      departmentName: '卫生健康委员会',
      active: true,
      locked: false,
    });
    expect(lishu?.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(users.find((u) => u.username === 'viewer')?.lastLoginAt).toBeNull();
  });

  it('refuses every user action to anyone but the admin, in Chinese, and logs the attempt', async () => {
    for (const who of ['office', 'city_monitor', 'lishu_health', 'viewer'] as const) {
      const c = await server.login(who);
      const list = await c.get('/api/users');
      expect(list.statusCode).toBe(403);
      expect(list.json()).toEqual({ error: '只有系统管理员可以管理用户' });
      expect((await c.post('/api/users', { username: 'x_user', displayName: 'x', role: 'viewer', orgUnitCode: LISHU })).statusCode).toBe(
        403,
      );
      expect((await c.post(`/api/users/${await idOf('viewer')}/password-reset`)).statusCode).toBe(403);
    }
    const denied = await securityEvents('access_denied');
    expect(denied.some((e) => e.username === 'viewer' && e.detail.includes('GET /api/users'))).toBe(true);
  });

  it('creates a user with a generated password that must be changed at first login', async () => {
    const admin = await server.login('admin');
    const res = await admin.post('/api/users', {
      username: 'lishu_civil',
      displayName: '梨树民政',
      role: 'department',
      orgUnitCode: LISHU,
      departmentCode: 'civil_affairs',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: UserView; password: string };
    expect(body.user).toMatchObject({ username: 'lishu_civil', mustChangePassword: true, departmentName: '民政局' });
    expect(body.password.length).toBeGreaterThanOrEqual(10);
    const c = await server.login('lishu_civil', body.password);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    const created = await securityEvents('user_created');
    expect(created.at(-1)).toMatchObject({ username: 'admin' });
    expect(created.at(-1)?.detail).toContain('lishu_civil');
  });

  it('creates a user with the password the admin chose, still to be changed at first login', async () => {
    const admin = await server.login('admin');
    const res = await admin.post('/api/users', {
      username: 'lishu_viewer',
      displayName: '梨树只读',
      role: 'viewer',
      orgUnitCode: LISHU,
      password: 'Chosen-Passw0rd',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ password: null, user: { mustChangePassword: true } });
    await server.login('lishu_viewer', 'Chosen-Passw0rd');
  });

  it('refuses a new user with a taken name, a weak password, an unknown unit or a department for a non-department role', async () => {
    const admin = await server.login('admin');
    const taken = await admin.post('/api/users', { username: 'viewer', displayName: 'v', role: 'viewer', orgUnitCode: LISHU });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error).toContain('已存在');
    const weak = await admin.post('/api/users', {
      username: 'weak_one',
      displayName: 'w',
      role: 'viewer',
      orgUnitCode: LISHU,
      password: 'abc',
    });
    expect(weak.json().error).toContain('至少 10 位');
    const unit = await admin.post('/api/users', { username: 'nowhere', displayName: 'n', role: 'viewer', orgUnitCode: '999999' });
    expect(unit.json().error).toContain('单位代码“999999”不存在');
    const dept = await admin.post('/api/users', {
      username: 'monitor_x',
      displayName: 'm',
      role: 'monitor',
      orgUnitCode: LISHU,
      departmentCode: 'health',
    });
    expect(dept.json().error).toContain('只有成员单位角色的用户才能指定所属成员单位');
    const role = await admin.post('/api/users', { username: 'boss', displayName: 'b', role: 'boss', orgUnitCode: LISHU });
    expect(role.statusCode).toBe(400);
    expect(role.json().error).toContain('角色“boss”无效');
  });

  it('changes a user’s role, unit and department and ends its sessions', async () => {
    const admin = await server.login('admin');
    const target = await server.login('lishu_education');
    const id = await idOf('lishu_education');
    const res = await admin.patch(`/api/users/${id}`, { role: 'viewer', displayName: '梨树教育(只读)' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'viewer', departmentCode: null, displayName: '梨树教育(只读)' });
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    const back = await admin.patch(`/api/users/${id}`, { role: 'department', departmentCode: 'education' });
    expect(back.json()).toMatchObject({ role: 'department', departmentName: '教育局' });
    const updated = await securityEvents('user_updated');
    expect(updated.at(-1)?.detail).toContain('角色 只读 → 成员单位');
  });

  it('refuses a change that leaves a department user without a department', async () => {
    const admin = await server.login('admin');
    const res = await admin.patch(`/api/users/${await idOf('tiexi_health')}`, { departmentCode: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('成员单位用户须指定所属成员单位');
    const unknown = await admin.patch('/api/users/99999', { displayName: '无' });
    expect(unknown.statusCode).toBe(404);
  });

  it('does not let the admin deactivate or demote himself', async () => {
    const admin = await server.login('admin');
    const id = await idOf('admin');
    const off = await admin.patch(`/api/users/${id}`, { active: false });
    expect(off.statusCode).toBe(400);
    expect(off.json().error).toBe('不能停用自己的账户');
    const demote = await admin.patch(`/api/users/${id}`, { role: 'viewer' });
    expect(demote.json().error).toBe('不能修改自己的角色');
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({ role: 'admin' });
  });

  it('deactivates a user, who then cannot sign in, and activates again', async () => {
    const admin = await server.login('admin');
    const id = await idOf('lishu_viewer');
    expect((await admin.patch(`/api/users/${id}`, { active: false })).json()).toMatchObject({ active: false });
    await expect(server.login('lishu_viewer', 'Chosen-Passw0rd')).rejects.toThrow(/401/);
    expect((await admin.patch(`/api/users/${id}`, { active: true })).json()).toMatchObject({ active: true });
  });

  it('resets a password: shown once, the account unlocked, sessions ended, the old password gone', async () => {
    const admin = await server.login('admin');
    const target = await server.login('tiexi_health');
    const id = await idOf('tiexi_health');
    for (let i = 0; i < 5; i++) {
      await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'tiexi_health', password: 'wrong-Passw0rd' },
      });
    }
    expect(((await admin.get('/api/users')).json() as { users: UserView[] }).users.find((u) => u.id === id)?.locked).toBe(true);
    const res = await admin.post(`/api/users/${id}/password-reset`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: UserView; password: string };
    expect(body.user).toMatchObject({ locked: false, mustChangePassword: true });
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    await expect(server.login('tiexi_health')).rejects.toThrow(/401/);
    await server.login('tiexi_health', body.password);
    expect((await securityEvents('password_reset')).at(-1)?.detail).toContain('tiexi_health');
  });

  it('refuses to reset the admin’s own password here', async () => {
    const admin = await server.login('admin');
    const res = await admin.post(`/api/users/${await idOf('admin')}/password-reset`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain('修改密码');
  });

  it('unlocks a locked account', async () => {
    const admin = await server.login('admin');
    for (let i = 0; i < 5; i++) {
      await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city_health', password: 'wrong-Passw0rd' } });
    }
    await expect(server.login('city_health')).rejects.toThrow(/423/);
    const res = await admin.post(`/api/users/${await idOf('city_health')}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false });
    await server.login('city_health', PASSWORD);
    expect((await securityEvents('user_updated')).at(-1)?.detail).toContain('解除用户 city_health 的锁定');
  });
});
