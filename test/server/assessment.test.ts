import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { runCli } from '../support/cli.js';
import { CITY, LISHU, useServer } from '../support/server.js';

interface CliRecord {
  indicator: string;
  sex: string;
  area: string;
  value: number | null;
  status: string;
  warning: string;
}

describe.each(DIALECTS)('the assessment API (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  it('gives for the city the same values, statuses and warnings as the command line', async () => {
    const cli = await runCli(server.url, 'assess', '--year', '2024', '--org', CITY, '--format', 'json');
    expect(cli.code, cli.stderr).toBe(0);
    const expected = (JSON.parse(cli.stdout) as CliRecord[]).map(
      (r) => `${r.indicator}|${r.sex}|${r.area}|${r.value}|${r.status}|${r.warning}`,
    );
    const res = await (await server.login('city_monitor')).get(`/api/assessment?year=2024&org=${CITY}&data=all`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { synthetic: boolean; rows: (CliRecord & { statusLabel: string })[] };
    expect(body.synthetic).toBe(true);
    expect(body.rows.map((r) => `${r.indicator}|${r.sex}|${r.area}|${r.value}|${r.status}|${r.warning}`)).toEqual(expected);
    expect(body.rows.find((r) => r.status === 'achieved')?.statusLabel).toBe('已达标');
  });

  it('refuses a county user the city and a unit that does not exist', async () => {
    const c = await server.login('lishu_monitor');
    expect((await c.get(`/api/assessment?year=2024&org=${LISHU}`)).statusCode).toBe(200);
    const city = await c.get(`/api/assessment?year=2024&org=${CITY}`);
    expect(city.statusCode).toBe(403);
    expect(city.json().error).toBe('无权查看该单位的数据');
    expect((await c.get('/api/assessment?year=2024&org=999999')).statusCode).toBe(404);
  });

  it('reflects a saved value at once, without waiting for a rebuild', async () => {
    const monitor = await server.login('lishu_monitor');
    const pick = async () => {
      const body = (await monitor.get(`/api/assessment?year=2024&org=${LISHU}&data=all`)).json() as { rows: CliRecord[] };
      return body.rows.find((r) => r.indicator === 'newborn_visit_rate' && r.sex === 'total' && r.area === 'total')?.value;
    };
    expect(await pick()).not.toBe(55);
    const city = await server.login('city_monitor');
    const reopen = await city.post(`/api/submissions/health/${LISHU}/2024/reopen`, { reason: '更正新生儿访视率' });
    expect(reopen.statusCode, reopen.body).toBe(200);
    const dept = await server.login('lishu_health');
    const save = await dept.put('/api/values', {
      year: 2024,
      department: 'health',
      entries: [{ indicator: 'newborn_visit_rate', orgUnit: LISHU, value: '55' }],
      reason: '测试即时更新',
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(await pick()).toBe(55);
  });

  it('shows by default only approved figures, and an approval at once', async () => {
    // In the demo set the health bureau of 伊通 has submitted its 2024 figures but nobody approved them.
    const yitong = '220323';
    const viewer = await server.login('viewer');
    const monitor = await server.login('city_monitor');
    const neonatal = async (data: string) => {
      const body = (await (data === 'all' ? monitor : viewer).get(`/api/assessment?year=2024&org=${yitong}&data=${data}`)).json() as {
        rows: (CliRecord & { latestYear: number })[];
      };
      return body.rows.find((r) => r.indicator === 'neonatal_mortality' && r.sex === 'total' && r.area === 'total');
    };
    expect((await neonatal('all'))?.latestYear).toBe(2024);
    expect((await neonatal('approved'))?.latestYear).toBe(2023);
    // Figures still being checked are for the statistics bureau, not for a viewer.
    const refused = await viewer.get(`/api/assessment?year=2024&org=${yitong}&data=all`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('只有统计局和系统管理员可以查看含未批准数据的监测结果');
    const county = await server.login('lishu_monitor');
    expect((await county.post(`/api/submissions/health/${yitong}/2024/review`, { reason: '' })).statusCode).toBe(403);
    const city = await server.login('city_monitor');
    expect((await city.post(`/api/submissions/health/${yitong}/2024/review`, { reason: '' })).statusCode).toBe(200);
    expect((await neonatal('approved'))?.latestYear).toBe(2023);
    expect((await city.post(`/api/submissions/health/${yitong}/2024/approve`, { reason: '' })).statusCode).toBe(200);
    expect((await neonatal('approved'))?.latestYear).toBe(2024);
  });
});
