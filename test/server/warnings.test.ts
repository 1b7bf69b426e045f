import { describe, expect, it } from 'vitest';
import { getResponsibilities } from '../../src/app/responsibilities.js';
import { getDepartmentNames } from '../../src/db/repositories/qualitative.js';
import { cliAssessment, countedRecords, inDomainOrder, key } from '../support/cliAssessment.js';
import { DIALECTS } from '../support/databases.js';
import { CITY, LISHU, TIEXI, useServer } from '../support/server.js';
import { userSessions } from '../support/sessions.js';
import { openWorkbook, rowTexts } from '../reports/workbook.js';

interface WarningItem {
  indicator: string;
  name: string;
  sex: string;
  area: string;
  status: string;
  warning: string;
  volatile: boolean;
  causes: string[];
  causeLabels: string[];
  reason: string;
  lead: { code: string; name: string } | null;
  cooperating: { code: string; name: string }[];
}

interface WarningList {
  orgUnit: { code: string; name: string };
  red: number;
  yellow: number;
  items: WarningItem[];
}

interface History {
  years: number[];
  totals: { year: number; red: number; yellow: number }[];
  rows: { indicator: string; sex: string; area: string; warnings: string[] }[];
}

describe.each(DIALECTS)('the early-warning API (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });
  const { as, getJson: get } = userSessions(server);

  it('lists the red targets, then the yellow ones, of the command line’s assessment, each with why and who leads', async () => {
    const records = inDomainOrder(countedRecords(await cliAssessment(server.url, 2024, CITY)));
    const expected = [...records.filter((r) => r.warning === 'red'), ...records.filter((r) => r.warning === 'yellow')];
    expect(expected.length).toBeGreaterThan(0);
    const body = await get<WarningList>('city_monitor', `/api/warnings?year=2024&org=${CITY}&data=all`);
    expect(body.items.map((i) => `${key(i)}|${i.warning}`)).toEqual(expected.map((r) => `${key(r)}|${r.warning}`));
    expect([body.red, body.yellow]).toEqual([
      expected.filter((r) => r.warning === 'red').length,
      expected.filter((r) => r.warning === 'yellow').length,
    ]);
    const responsibilities = await getResponsibilities(server.ctx.db, 2024);
    const names = await getDepartmentNames(server.ctx.db);
    for (const item of body.items) {
      const lead = responsibilities.get(item.indicator)?.lead ?? null;
      expect(item.lead, item.indicator).toEqual(lead === null ? null : { code: lead, name: names.get(lead) });
      expect(item.causes.length, item.indicator).toBeGreaterThan(0);
      expect(item.reason, item.indicator).not.toBe('');
      if (item.status === 'regressing' || item.status === 'off_track') expect(item.warning).toBe('red');
      if (item.volatile) expect(item.causeLabels).toContain('波动较大');
    }
  });

  it('narrows the list to one department’s indicators and refuses an unknown department', async () => {
    const all = await get<WarningList>('city_monitor', `/api/warnings?year=2024&org=${CITY}&data=all`);
    const health = await get<WarningList>('city_monitor', `/api/warnings?year=2024&org=${CITY}&data=all&department=health`);
    expect(health.items.length).toBeLessThanOrEqual(all.items.length);
    for (const i of health.items) expect([i.lead?.code, ...i.cooperating.map((c) => c.code)]).toContain('health');
    expect(all.items.filter((i) => i.lead?.code === 'health').every((i) => health.items.some((h) => key(h) === key(i)))).toBe(true);
    const bad = await (await as('city_monitor')).get(`/api/warnings?year=2024&org=${CITY}&department=nobody`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('成员单位代码“nobody”不存在');
  });

  it('exports the list as an Excel workbook with Chinese headers and one row per warned target', async () => {
    const list = await get<WarningList>('viewer', `/api/warnings?year=2024&org=${CITY}`);
    const res = await (await as('viewer')).get(`/api/warnings/export?year=2024&org=${CITY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('四平市2024年预警指标.xlsx'));
    const book = await openWorkbook(res.rawPayload);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('2024年预警指标');
    const rows = rowTexts(sheet);
    expect(rows[0]).toBe('序号|领域|指标|最新值|数据年份|目标|状态|预警|预警原因|牵头单位|配合单位');
    const data = rows.slice(1, 1 + list.items.length);
    expect(data.map((r) => r.split('|')[2])).toEqual(list.items.map((i) => i.name));
    expect(data.map((r) => r.split('|')[7])).toEqual(list.items.map((i) => (i.warning === 'red' ? '红色预警' : '黄色预警')));
    expect(rows.slice(1 + list.items.length).join('\n')).toContain('数据范围:已批准的数据');
  });

  it('gives each target’s warning in every year since the baseline, each year as its own list gives it', async () => {
    const history = await get<History>('lishu_monitor', `/api/warnings/history?year=2024&org=${LISHU}`);
    expect(history.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    for (const [i, year] of history.years.entries()) {
      const list = await get<WarningList>('lishu_monitor', `/api/warnings?year=${year}&org=${LISHU}`);
      const warned = new Map(list.items.map((item) => [key(item), item.warning]));
      for (const row of history.rows)
        expect(row.warnings[i], `${key(row)} ${year}`).toEqual(warned.get(key(row)) ?? expect.not.stringMatching(/^(red|yellow)$/));
      expect(history.totals[i]).toEqual({ year, red: list.red, yellow: list.yellow });
    }
  });

  it('refuses another county’s warnings and their export', async () => {
    const county = await as('lishu_monitor');
    for (const url of ['/api/warnings', '/api/warnings/export', '/api/warnings/history']) {
      const res = await county.get(`${url}?year=2024&org=${TIEXI}`);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toBe('无权查看该单位的数据');
    }
  });
});
