import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useServer } from '../support/server.js';

interface DepartmentView {
  code: string;
  name: string;
  shortName: string;
  sortOrder: number;
  active: boolean;
}

describe.each(DIALECTS)('member departments (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });

  const log = (event: string) =>
    server.ctx.db.selectFrom('security_log').select(['username', 'detail']).where('event', '=', event).orderBy('id').execute();

  it('lists the departments in order to every signed-in user', async () => {
    for (const who of ['viewer', 'lishu_health', 'city_monitor'] as const) {
      const res = await (await server.login(who)).get('/api/departments');
      expect(res.statusCode).toBe(200);
      const list = (res.json() as { departments: DepartmentView[] }).departments;
      expect(list).toHaveLength(30);
      expect(list[0]).toMatchObject({ code: 'public_security', name: '公安局', shortName: '公安', sortOrder: 1, active: true });
    }
    expect((await server.anonymous().get('/api/departments')).statusCode).toBe(401);
  });

  it('lets the office add a department, placed last unless told, and logs it', async () => {
    const office = await server.login('office');
    const res = await office.post('/api/departments', { code: 'tobacco', name: '烟草专卖局', shortName: '烟草' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'tobacco', name: '烟草专卖局', sortOrder: 31, active: true });
    expect((await log('department_changed')).at(-1)).toMatchObject({
      username: 'office',
      detail: '新增成员单位 tobacco 烟草专卖局(简称 烟草)',
    });
  });

  it('refuses a bad code, a taken code and a taken name', async () => {
    const admin = await server.login('admin');
    const bad = await admin.post('/api/departments', { code: 'Tax Office', name: '税务局', shortName: '税务' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('成员单位代码须为小写英文字母开头');
    const taken = await admin.post('/api/departments', { code: 'health', name: '卫生局', shortName: '卫生' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('成员单位代码“health”已存在');
    const name = await admin.post('/api/departments', { code: 'health2', name: '卫生健康委员会', shortName: '卫健' });
    expect(name.statusCode).toBe(409);
    expect(name.json().error).toBe('已有名为“卫生健康委员会”的成员单位');
  });

  it('renames a department and reorders it', async () => {
    const office = await server.login('office');
    const res = await office.patch('/api/departments/tobacco', { name: '四平市烟草专卖局', sortOrder: 40 });
    expect(res.json()).toMatchObject({ name: '四平市烟草专卖局', shortName: '烟草', sortOrder: 40 });
    expect((await log('department_changed')).at(-1)?.detail).toBe('修改成员单位 tobacco:名称 烟草专卖局 → 四平市烟草专卖局;排序 31 → 40');
    expect((await office.patch('/api/departments/nobody', { name: '无' })).statusCode).toBe(404);
  });

  it('deactivates a department that leads nothing, and activates it again', async () => {
    const office = await server.login('office');
    const off = await office.delete('/api/departments/tobacco');
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false });
    const list = ((await office.get('/api/departments')).json() as { departments: DepartmentView[] }).departments;
    expect(list.find((d) => d.code === 'tobacco')?.active).toBe(false);
    expect((await office.patch('/api/departments/tobacco', { active: true })).json()).toMatchObject({ active: true });
  });

  it('refuses to deactivate a department that still leads indicators', async () => {
    const office = await server.login('office');
    const res = await office.delete('/api/departments/health');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatch(/^“卫生健康委员会”仍牵头 \d+ 项任务\(.+ 等\),请先在任务分工中改由其他单位牵头,再停用$/);
  });

  it('refuses changes by monitors, departments and viewers, in Chinese', async () => {
    for (const who of ['city_monitor', 'lishu_health', 'viewer'] as const) {
      const c = await server.login(who);
      const add = await c.post('/api/departments', { code: 'x_dept', name: '某局', shortName: '某' });
      expect(add.statusCode).toBe(403);
      expect(add.json()).toEqual({ error: '只有评估组(妇儿工委办公室)和系统管理员可以管理成员单位' });
      expect((await c.patch('/api/departments/health', { name: '卫生局' })).statusCode).toBe(403);
      expect((await c.delete('/api/departments/tobacco')).statusCode).toBe(403);
    }
    const list = ((await (await server.login('viewer')).get('/api/departments')).json() as { departments: DepartmentView[] }).departments;
    expect(list.find((d) => d.code === 'health')?.name).toBe('卫生健康委员会');
    expect(list.some((d) => d.code === 'x_dept')).toBe(false);
  });

  it('describes every administrative route in the OpenAPI document', async () => {
    const res = await server.anonymous().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const paths = (res.json() as { paths: Record<string, Record<string, { tags?: string[] }>> }).paths;
    for (const [path, methods] of [
      ['/api/users', ['get', 'post']],
      ['/api/users/{id}', ['patch']],
      ['/api/users/{id}/password-reset', ['post']],
      ['/api/users/{id}/unlock', ['post']],
      ['/api/security-log', ['get']],
      ['/api/security-log/export', ['get']],
      ['/api/departments', ['get', 'post']],
      ['/api/departments/{code}', ['patch', 'delete']],
      ['/api/assignments', ['get']],
      ['/api/assignments/{year}/{itemCode}', ['put', 'delete']],
      ['/api/deadlines', ['get']],
      ['/api/deadlines/{year}', ['put']],
      ['/api/implementation-plans', ['get', 'post']],
      ['/api/files/{id}', ['get', 'delete']],
      ['/api/completeness', ['get']],
      ['/api/completeness/reminders.xlsx', ['get']],
    ] as const) {
      for (const method of methods) expect(paths[path]?.[method]?.tags?.length, `${method} ${path}`).toBe(1);
    }
  });
});
