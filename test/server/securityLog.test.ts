import { beforeAll, describe, expect, it } from 'vitest';
import { logSecurity } from '../../src/db/repositories/securityLog.js';
import { DIALECTS } from '../support/databases.js';
import { useServer } from '../support/server.js';

interface Page {
  total: number;
  page: number;
  pageSize: number;
  rows: { at: string; event: string; eventLabel: string; username: string; success: boolean; detail: string }[];
}

describe.each(DIALECTS)('the security log (%s)', (dialect) => {
  const server = useServer(dialect);

  beforeAll(async () => {
    const entry = { ip: '10.0.0.9', success: false, detail: '' };
    // 23:59 and 00:01 in Beijing on either side of midnight between 1 and 2 March.
    await logSecurity(server.ctx.db, {
      ...entry,
      at: '2024-03-01T15:59:00.000Z',
      event: 'login_failed',
      username: 'ghost',
      detail: '用户名不存在',
    });
    await logSecurity(server.ctx.db, {
      ...entry,
      at: '2024-03-01T16:01:00.000Z',
      event: 'login_failed',
      username: 'ghost',
      detail: '用户名不存在',
    });
    await logSecurity(server.ctx.db, {
      ...entry,
      at: '2024-03-05T02:00:00.000Z',
      event: 'login_failed',
      username: '=HYPERLINK("http://x")',
      detail: '密码错误,第 1 次',
    });
    for (let i = 0; i < 30; i++) {
      await logSecurity(server.ctx.db, {
        ...entry,
        at: `2024-04-01T0${i % 10}:00:00.000Z`,
        event: 'locked',
        username: 'many',
        detail: `第 ${i} 条`,
      });
    }
  });

  it('finds entries by user, event and Beijing dates, both days included', async () => {
    const admin = await server.login('admin');
    const day = (await admin.get('/api/security-log?username=ghost&from=2024-03-01&to=2024-03-01')).json() as Page;
    expect(day.total).toBe(1);
    expect(day.rows[0]).toMatchObject({ at: '2024-03-01T15:59:00.000Z', eventLabel: '登录失败', success: false });
    const two = (await admin.get('/api/security-log?event=login_failed&from=2024-03-01&to=2024-03-02')).json() as Page;
    expect(two.total).toBe(2);
  });

  it('finds entries by words in the detail', async () => {
    const admin = await server.login('admin');
    const page = (await admin.get(`/api/security-log?text=${encodeURIComponent('密码错误')}`)).json() as Page;
    expect(page.rows.map((r) => r.username)).toEqual(['=HYPERLINK("http://x")']);
  });

  it('pages through the entries, newest first', async () => {
    const admin = await server.login('admin');
    const first = (await admin.get('/api/security-log?username=many&pageSize=20')).json() as Page;
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 20 });
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]?.detail).toBe('第 29 条');
    const second = (await admin.get('/api/security-log?username=many&pageSize=20&page=2')).json() as Page;
    expect(second.rows).toHaveLength(10);
    expect(second.rows.at(-1)?.detail).toBe('第 0 条');
  });

  it('refuses an unknown event, a malformed date and a page size over 200', async () => {
    const admin = await server.login('admin');
    const event = await admin.get('/api/security-log?event=hacked');
    expect(event.statusCode).toBe(400);
    expect(event.json().error).toContain('没有这种事件类型');
    const date = await admin.get('/api/security-log?from=2024-02-30');
    expect(date.statusCode).toBe(400);
    expect(date.json().error).toContain('日期格式应为 YYYY-MM-DD');
    expect((await admin.get('/api/security-log?pageSize=1000')).statusCode).toBe(400);
  });

  it('lists the event types with their Chinese names', async () => {
    const admin = await server.login('admin');
    const res = await admin.get('/api/security-log/events');
    expect(res.json().events).toContainEqual({ code: 'access_denied', label: '越权访问被拒绝' });
  });

  it('exports a CSV that Excel opens: BOM, Chinese labels, Beijing time, no formulas', async () => {
    const admin = await server.login('admin');
    const res = await admin.get('/api/security-log/export?event=login_failed&from=2024-03-01&to=2024-03-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E5%AE%89%E5%85%A8%E6%97%A5%E5%BF%97_");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('时间,事件,用户名,IP 地址,结果,详情');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`2024-03-05 10:00:00,登录失败,"'=HYPERLINK(""http://x"")",10.0.0.9,失败,"密码错误,第 1 次"`);
    expect(lines[3]).toBe('2024-03-01 23:59:00,登录失败,ghost,10.0.0.9,失败,用户名不存在');
  });

  it('is the admin’s only: others are refused in Chinese and the refusal is logged with who and what', async () => {
    for (const who of ['office', 'city_monitor', 'lishu_health', 'viewer'] as const) {
      const c = await server.login(who);
      const res = await c.get('/api/security-log');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: '只有系统管理员可以查看安全日志' });
      expect((await c.get('/api/security-log/export')).statusCode).toBe(403);
    }
    const admin = await server.login('admin');
    const denied = (await admin.get('/api/security-log?event=access_denied&username=lishu_health')).json() as Page;
    expect(denied.total).toBe(2);
    expect(denied.rows.map((r) => r.detail)).toContain('GET /api/security-log/export:只有系统管理员可以查看安全日志');
    expect(denied.rows[0]?.eventLabel).toBe('越权访问被拒绝');
  });

  it('does not log a refusal of someone who is not signed in', async () => {
    expect((await server.anonymous().get('/api/security-log')).statusCode).toBe(401);
    const n = await server.ctx.db
      .selectFrom('security_log')
      .select('id')
      .where('event', '=', 'access_denied')
      .where('username', '=', '')
      .execute();
    expect(n).toHaveLength(0);
  });
});
