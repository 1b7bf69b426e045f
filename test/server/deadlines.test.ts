import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useServer } from '../support/server.js';

describe.each(DIALECTS)('reporting deadlines (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  it('starts with no deadlines', async () => {
    const res = await (await server.login('viewer')).get('/api/deadlines');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deadlines: [] });
  });

  it('lets the office set and change a year’s deadline, each change logged', async () => {
    const office = await server.login('office');
    const set = await office.put('/api/deadlines/2024', { deadline: '2025-03-31' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ year: 2024, deadline: '2025-03-31', updatedBy: 'office' });
    await office.put('/api/deadlines/2024', { deadline: '2025-04-15' });
    await (await server.login('admin')).put('/api/deadlines/2023', { deadline: '2024-03-31' });
    const list = (await (await server.login('lishu_health')).get('/api/deadlines')).json() as {
      deadlines: { year: number; deadline: string }[];
    };
    expect(list.deadlines.map((d) => [d.year, d.deadline])).toEqual([
      [2023, '2024-03-31'],
      [2024, '2025-04-15'],
    ]);
    const log = await server.ctx.db
      .selectFrom('security_log')
      .select(['username', 'detail'])
      .where('event', '=', 'deadline_changed')
      .orderBy('id')
      .execute();
    expect(log.map((e) => e.detail)).toEqual([
      '2024 年数据报送截止日期:未设置 → 2025-03-31',
      '2024 年数据报送截止日期:2025-03-31 → 2025-04-15',
      '2023 年数据报送截止日期:未设置 → 2024-03-31',
    ]);
  });

  it('refuses impossible dates, a deadline inside the year itself and years outside the plan', async () => {
    const office = await server.login('office');
    const bad = await office.put('/api/deadlines/2024', { deadline: '2025-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('截止日期格式应为 YYYY-MM-DD,且须是有效日期');
    expect((await office.put('/api/deadlines/2024', { deadline: '31/03/2025' })).statusCode).toBe(400);
    const early = await office.put('/api/deadlines/2024', { deadline: '2024-12-31' });
    expect(early.json().error).toBe('2024 年数据的报送截止日期须在 2024 年之后');
    const year = await office.put('/api/deadlines/2040', { deadline: '2041-03-31' });
    expect(year.json().error).toBe('年份须在 2020–2030 之间');
    expect((await office.put('/api/deadlines/2024', {})).statusCode).toBe(400);
  });

  it('lets nobody else set a deadline', async () => {
    for (const who of ['viewer', 'city_monitor', 'lishu_health'] as const) {
      const res = await (await server.login(who)).put('/api/deadlines/2024', { deadline: '2025-01-01' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: '只有评估组(妇儿工委办公室)和系统管理员可以设置报送截止日期' });
    }
    const list = (await (await server.login('viewer')).get('/api/deadlines')).json() as { deadlines: { year: number; deadline: string }[] };
    expect(list.deadlines.find((d) => d.year === 2024)?.deadline).toBe('2025-04-15');
  });
});
