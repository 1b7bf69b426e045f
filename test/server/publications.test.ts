import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useServer } from '../support/server.js';

interface YearView {
  year: number;
  published: boolean;
  publishedBy: string | null;
  approved: number;
  pending: number;
}

describe.each(DIALECTS)('publishing years to the public portal (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  const securityEvents = async (event: string) =>
    server.ctx.db.selectFrom('security_log').select(['username', 'detail', 'success']).where('event', '=', event).execute();

  it('lists the years with what each would make public, none published at first', async () => {
    const office = await server.login('office');
    const res = await office.get('/api/publications');
    expect(res.statusCode).toBe(200);
    const years = (res.json() as { years: YearView[] }).years;
    const y2024 = years.find((y) => y.year === 2024);
    // Three demo submissions of 2024 are not approved; the draft one has no submission row.
    expect(y2024).toMatchObject({ published: false, publishedBy: null, pending: 2 });
    expect(y2024?.approved).toBeGreaterThan(10);
    expect(years.find((y) => y.year === 2018)?.pending).toBe(0);
    expect(years.every((y) => !y.published)).toBe(true);
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => b - a));
  });

  it('publishes a year for the office and records it in the security log', async () => {
    const office = await server.login('office');
    const res = await office.post('/api/publications', { year: 2023 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2023, published: true, publishedBy: 'office' });
    const logged = await securityEvents('year_published');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ username: 'office' });
    expect(logged[0]?.detail).toContain('2023');
    const again = await office.post('/api/publications', { year: 2023 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('2023年的数据已经公开发布');
  });

  it('withdraws a published year and records that too', async () => {
    const admin = await server.login('admin');
    await admin.post('/api/publications', { year: 2022 });
    const res = await admin.delete('/api/publications/2022');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2022, published: false });
    expect((await securityEvents('year_withdrawn')).map((e) => e.username)).toEqual(['admin']);
    const again = await admin.delete('/api/publications/2022');
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toBe('2022年的数据尚未公开发布');
  });

  it('refuses a year without approved data or in the future, changing nothing', async () => {
    const office = await server.login('office');
    const before = await server.ctx.db.selectFrom('publication').select('year').execute();
    const empty = await office.post('/api/publications', { year: 2012 });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error).toBe('2012年还没有已批准的数据,不能公开发布');
    const future = await office.post('/api/publications', { year: new Date().getFullYear() + 2 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatch(/^只能发布 2010—\d{4} 年的数据$/);
    expect(await server.ctx.db.selectFrom('publication').select('year').execute()).toEqual(before);
  });

  it('lets only the office and the administrator publish', async () => {
    for (const user of ['city_monitor', 'viewer', 'city_health'] as const) {
      const client = await server.login(user);
      expect((await client.get('/api/publications')).statusCode).toBe(403);
      const res = await client.post('/api/publications', { year: 2021 });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('只有评估组(妇儿工委办公室)和系统管理员可以公开发布数据');
    }
    expect((await server.ctx.db.selectFrom('publication').select('year').where('year', '=', 2021).execute()).length).toBe(0);
  });

  it('needs the CSRF token to publish', async () => {
    const office = await server.login('office');
    const res = await office.request({
      method: 'POST',
      url: '/api/publications',
      payload: { year: 2021 },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
  });
});
