import { describe, expect, it } from 'vitest';
import type { Client } from '../support/server.js';
import { DIALECTS } from '../support/databases.js';
import { useServer } from '../support/server.js';

interface Row {
  itemCode: string;
  kind: string;
  domainCode: string;
  domainName: string;
  text: string;
  lead: { code: string; name: string } | null;
  cooperate: { code: string; name: string }[];
  fromYear: number | null;
}

describe.each(DIALECTS)('the division of work (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  const rowsOf = async (c: Client, query: string): Promise<Row[]> => {
    const res = await c.get(`/api/assignments?${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { rows: Row[] }).rows;
  };
  const rowOf = async (c: Client, year: number, item: string): Promise<Row | undefined> =>
    (await rowsOf(c, `year=${year}`)).find((r) => r.itemCode === item);

  it('gives every indicator, goal and measure with its lead and cooperating departments', async () => {
    const viewer = await server.login('viewer');
    const rows = await rowsOf(viewer, 'year=2024');
    expect(rows.find((r) => r.itemCode === 'child_overweight_obesity')).toEqual({
      itemCode: 'child_overweight_obesity',
      kind: 'indicator',
      domainCode: 'H',
      domainName: expect.stringContaining('健康'),
      text: expect.any(String),
      lead: { code: 'health', name: '卫生健康委员会' },
      cooperate: [{ code: 'education', name: '教育局' }],
      fromYear: 0,
    });
    const goal = rows.find((r) => r.itemCode === 'H1');
    expect(goal).toMatchObject({ kind: 'goal', domainCode: 'H', fromYear: 0 });
    expect(goal?.text.length).toBeGreaterThan(5);
    expect(rows.some((r) => r.kind === 'measure')).toBe(true);
    const indicators = await rowsOf(viewer, 'year=2024&kind=indicator');
    expect(indicators.every((r) => r.kind === 'indicator')).toBe(true);
  });

  it('shows a department only the items it leads or cooperates on, and refuses another department’s', async () => {
    const c = await server.login('lishu_education');
    const rows = await rowsOf(c, 'year=2024');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.lead?.code === 'education' || r.cooperate.some((x) => x.code === 'education'))).toBe(true);
    expect(rows.some((r) => r.itemCode === 'child_overweight_obesity')).toBe(true);
    const other = await c.get('/api/assignments?year=2024&department=health');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({ error: '成员单位用户只能查看本单位的任务分工' });
  });

  it('changes an item for one year; later years inherit it, earlier years keep the default', async () => {
    const office = await server.login('office');
    const res = await office.put('/api/assignments/2024/child_overweight_obesity', {
      lead: 'education',
      cooperate: ['health', 'sports', 'health'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      lead: { code: 'education' },
      cooperate: [
        { code: 'health', name: '卫生健康委员会' },
        { code: 'sports', name: '体育局' },
      ],
      fromYear: 2024,
    });
    expect(await rowOf(office, 2023, 'child_overweight_obesity')).toMatchObject({ lead: { code: 'health' }, fromYear: 0 });
    expect(await rowOf(office, 2027, 'child_overweight_obesity')).toMatchObject({ lead: { code: 'education' }, fromYear: 2024 });
    // Other items are untouched by the copy.
    expect(await rowOf(office, 2024, 'new_myopia_rate')).toMatchObject({ lead: { code: 'health' }, fromYear: 0 });

    await office.put('/api/assignments/2026/child_overweight_obesity', { lead: 'sports', cooperate: [] });
    expect(await rowOf(office, 2025, 'child_overweight_obesity')).toMatchObject({ lead: { code: 'education' }, fromYear: 2024 });
    expect(await rowOf(office, 2030, 'child_overweight_obesity')).toMatchObject({
      lead: { code: 'sports' },
      cooperate: [],
      fromYear: 2026,
    });

    const log = await server.ctx.db
      .selectFrom('security_log')
      .select(['username', 'detail'])
      .where('event', '=', 'assignment_changed')
      .orderBy('id')
      .execute();
    expect(log[0]?.username).toBe('office');
    expect(log[0]?.detail).toContain('2024 年 child_overweight_obesity');
    expect(log[0]?.detail).toContain('牵头 卫生健康委员会,配合 教育局 → 牵头 教育局,配合 卫生健康委员会、体育局');
  });

  it('gives a year back its inherited division when its own rows are removed', async () => {
    const admin = await server.login('admin');
    const res = await admin.delete('/api/assignments/2026/child_overweight_obesity');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lead: { code: 'education' }, fromYear: 2024 });
    const again = await admin.delete('/api/assignments/2026/child_overweight_obesity');
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toBe('2026 年没有单独设置“child_overweight_obesity”的任务分工');
    expect((await admin.delete('/api/assignments/0/child_overweight_obesity')).json().error).toBe('默认分工不能删除,只能修改');
  });

  it('changes the default division (year 0) for every year without its own rows', async () => {
    const office = await server.login('office');
    expect((await office.put('/api/assignments/0/H1', { lead: 'health', cooperate: ['womens_federation'] })).statusCode).toBe(200);
    expect(await rowOf(office, 2029, 'H1')).toMatchObject({
      lead: { code: 'health' },
      cooperate: [{ code: 'womens_federation' }],
      fromYear: 0,
    });
  });

  it('refuses unknown items and departments, a lead that also cooperates, and years outside the plan, in Chinese', async () => {
    const office = await server.login('office');
    const item = await office.put('/api/assignments/2024/no_such_item', { lead: 'health', cooperate: [] });
    expect(item.statusCode).toBe(404);
    expect(item.json().error).toBe('规划中没有编号为“no_such_item”的指标、主要目标或策略措施');
    const dept = await office.put('/api/assignments/2024/H1', { lead: 'health', cooperate: ['nobody'] });
    expect(dept.statusCode).toBe(400);
    expect(dept.json().error).toBe('成员单位代码“nobody”不存在');
    const both = await office.put('/api/assignments/2024/H1', { lead: 'health', cooperate: ['health'] });
    expect(both.json().error).toBe('牵头单位不能同时是配合单位');
    const year = await office.put('/api/assignments/2035/H1', { lead: 'health', cooperate: [] });
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toBe('年份须在 2020–2030 之间(0 表示默认分工)');
    expect((await office.get('/api/assignments?year=1999')).statusCode).toBe(400);
    expect((await office.put('/api/assignments/2024/H1', { cooperate: [] })).statusCode).toBe(400);
  });

  it('refuses a department that is no longer active', async () => {
    const office = await server.login('office');
    await office.post('/api/departments', { code: 'old_bureau', name: '旧局', shortName: '旧' });
    await office.delete('/api/departments/old_bureau');
    const res = await office.put('/api/assignments/2024/H1', { lead: 'old_bureau', cooperate: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('成员单位“旧局”已停用');
  });

  it('lets only the office and the admin change the division', async () => {
    for (const who of ['viewer', 'city_monitor', 'city_health'] as const) {
      const c = await server.login(who);
      const res = await c.put('/api/assignments/2024/H1', { lead: 'health', cooperate: [] });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: '只有评估组(妇儿工委办公室)和系统管理员可以修改任务分工' });
      expect((await c.delete('/api/assignments/2024/H1')).statusCode).toBe(403);
    }
    expect(await rowOf(await server.login('viewer'), 2024, 'H1')).toMatchObject({ fromYear: 0 });
  });
});
