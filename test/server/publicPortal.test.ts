import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getResponsibilities } from '../../src/app/responsibilities.js';
import { DIALECTS } from '../support/databases.js';
import { readCsv } from '../support/csvTable.js';
import { openWorkbook, sheetOf } from '../reports/workbook.js';
import { type Client, useServer } from '../support/server.js';

/** The demo's 2024 submissions that are not approved (src/app/demoApprovals.ts). */
const UNAPPROVED_2024 = [
  { department: 'health', org: '220323' },
  { department: 'education', org: '220382' },
  { department: 'civil_affairs', org: '220303' },
];

const DOWNLOADS = ['/api/public/downloads/csv', '/api/public/downloads/xlsx', '/api/public/downloads/sdmx'];
const READS = ['/api/public/years', '/api/public/plan'];
/** Routes that take a year and a unit: each with a URL for 2024 at the city. */
const PAGES: Record<string, string> = {
  '/api/public/indicators/:code': '/api/public/indicators/newborn_visit_rate?year=2024&org=220300',
  '/api/public/overview': '/api/public/overview?year=2024&org=220300',
};

interface Overview {
  data: string;
  tiles: { indicator: string; value: number | null; latestYear: number | null }[];
  domains: { name: string; total: number }[];
}

interface PageSeries {
  label: string;
  values: { year: number; value: number }[];
}
interface IndicatorPage {
  series: PageSeries[];
  assessments: { label: string; value: number | null }[];
  children: { code: string; value: number | null }[];
}

interface Observation {
  indicator: string;
  org: string;
  year: number;
  value: number;
}

describe.each(DIALECTS)('the public portal shows approved figures of published years only (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });
  let office: Client;
  /** indicator codes the department led in 2024 */
  const led = new Map<string, string[]>();

  beforeAll(async () => {
    office = await server.login('office');
    const responsibilities = await getResponsibilities(server.ctx.db, 2024);
    for (const [item, r] of responsibilities) if (r.lead) led.set(r.lead, [...(led.get(r.lead) ?? []), item]);
  });

  /** Every observation of all three downloads, read back, each download's own list. */
  async function downloads(): Promise<{ csv: Observation[]; xlsx: Observation[]; sdmx: Observation[] }> {
    const anonymous = server.anonymous();
    const csvRes = await anonymous.get('/api/public/downloads/csv');
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toBe('text/csv; charset=utf-8');
    const csv = readCsv(csvRes.body);
    expect(csv.bom).toBe(true);
    expect(csv.header.slice(0, 5)).toEqual(['指标代码', '指标名称', '单位代码', '单位名称', '年份']);
    const sdmxRes = await anonymous.get('/api/public/downloads/sdmx');
    expect(sdmxRes.headers['content-type']).toBe('application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8');
    const sdmx = readCsv(sdmxRes.body);
    expect(sdmx.header.slice(0, 10)).toEqual([
      'STRUCTURE',
      'STRUCTURE_ID',
      'ACTION',
      'INDICATOR',
      'REF_AREA',
      'TIME_PERIOD',
      'SEX',
      'URBANISATION',
      'AGE',
      'OBS_VALUE',
    ]);
    const xlsxRes = await anonymous.get('/api/public/downloads/xlsx');
    expect(xlsxRes.statusCode).toBe(200);
    const sheet = sheetOf(await openWorkbook(xlsxRes.rawPayload), '数据');
    const xlsx: Observation[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      xlsx.push({
        indicator: row.getCell(1).text,
        org: row.getCell(3).text,
        year: Number(row.getCell(5).text),
        value: Number(row.getCell(9).text),
      });
    });
    return {
      csv: csv.rows.map((r) => ({
        indicator: r['指标代码'] ?? '',
        org: r['单位代码'] ?? '',
        year: Number(r['年份']),
        value: Number(r['数值']),
      })),
      sdmx: sdmx.rows.map((r) => ({
        indicator: r.INDICATOR ?? '',
        org: r.REF_AREA ?? '',
        year: Number(r.TIME_PERIOD),
        value: Number(r.OBS_VALUE),
      })),
      xlsx,
    };
  }

  const storedValue = async (indicator: string, org: string, year: number) =>
    (
      await server.ctx.db
        .selectFrom('data_value')
        .select('value')
        .where('indicator_code', '=', indicator)
        .where('org_unit_code', '=', org)
        .where('year', '=', year)
        .where('sex', '=', 'total')
        .where('area', '=', 'total')
        .where('age_group', '=', 'total')
        .executeTakeFirst()
    )?.value ?? null;

  it('offers no year and no figure before the office publishes one', async () => {
    const years = await server.anonymous().get('/api/public/years');
    expect(years.statusCode).toBe(200);
    expect(years.json()).toMatchObject({ planName: '四平市儿童发展规划(2021-2030年)', years: [] });
    expect(years.json().units.map((u: { code: string }) => u.code)).toEqual(['220300', '220302', '220303', '220322', '220323', '220382']);
    const d = await downloads();
    expect(d).toEqual({ csv: [], xlsx: [], sdmx: [] });
    for (const url of Object.values(PAGES)) {
      const res = await server.anonymous().get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toBe('2024年的数据尚未公开发布');
    }
  });

  it('answers without a session and refuses any parameter it does not name, such as data=all', async () => {
    const publicRoutes = server.app.apiRoutes.filter((r) => r.url.startsWith('/api/public/'));
    // Read-only: nothing but GET (and the HEAD Fastify adds), and every route checked here.
    expect(publicRoutes.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    expect(new Set(publicRoutes.map((r) => r.url))).toEqual(new Set([...READS, ...DOWNLOADS, ...Object.keys(PAGES)]));
    const anonymous = server.anonymous();
    for (const url of Object.values(PAGES)) {
      for (const query of ['data=all', 'kind=approved', 'include=draft']) {
        const res = await anonymous.get(`${url}&${query}`);
        expect(res.statusCode, `${url}&${query}`).toBe(400);
      }
    }
    for (const url of [...READS, ...DOWNLOADS]) {
      expect((await anonymous.get(url)).statusCode, url).toBe(200);
      for (const query of ['data=all', 'kind=approved', 'include=draft']) {
        const res = await anonymous.get(`${url}?${query}`);
        expect(res.statusCode, `${url}?${query}`).toBe(400);
        expect(res.json().error).toContain('请求参数不正确');
      }
    }
  });

  it('after 2024 is published, shows its approved values and none of the unapproved submissions’', async () => {
    const res = await office.post('/api/publications', { year: 2024 });
    expect(res.statusCode).toBe(200);
    expect((await server.anonymous().get('/api/public/years')).json().years).toEqual([2024]);
    const d = await downloads();
    for (const list of [d.csv, d.xlsx, d.sdmx]) {
      expect(list.length).toBeGreaterThan(50);
      expect(new Set(list.map((o) => o.year))).toEqual(new Set([2024]));
      for (const u of UNAPPROVED_2024) {
        const hidden = led.get(u.department) ?? [];
        expect(hidden.length).toBeGreaterThan(0);
        expect(list.filter((o) => o.org === u.org && hidden.includes(o.indicator))).toEqual([]);
      }
    }
    // The hidden values exist in the database: the test would fail if they leaked.
    const healthIndicator = 'newborn_visit_rate';
    expect(led.get('health')).toContain(healthIndicator);
    expect(await storedValue(healthIndicator, '220323', 2024)).not.toBeNull();
    // An approved report of the same department elsewhere is there, as stored.
    const approved = await storedValue(healthIndicator, '220322', 2024);
    expect(approved).not.toBeNull();
    for (const list of [d.csv, d.xlsx, d.sdmx]) {
      const shown = list.filter((o) => o.indicator === healthIndicator && o.org === '220322');
      expect(shown.map((o) => o.value)).toEqual([Number((approved ?? 0).toFixed(4))]);
    }
    expect(d.xlsx).toEqual(d.csv);
    expect(d.sdmx).toEqual(d.csv);
  });

  it('after 2024 is published, shows no value of the unapproved submissions in the overview', async () => {
    const anonymous = server.anonymous();
    const overview = async (org: string): Promise<Overview> => {
      const res = await anonymous.get(`/api/public/overview?year=2024&org=${org}`);
      expect(res.statusCode, org).toBe(200);
      return res.json() as Overview;
    };
    for (const u of UNAPPROVED_2024) {
      const hidden = led.get(u.department) ?? [];
      const tiles = (await overview(u.org)).tiles.filter((t) => hidden.includes(t.indicator));
      expect(tiles.length, `${u.department}@${u.org}`).toBeGreaterThan(0);
      expect(tiles.filter((t) => t.value !== null)).toEqual([]);
    }
    const city = await overview('220300');
    expect(city.data).toBe('public');
    expect(city.domains).toHaveLength(7);
    expect(new Set(city.tiles.flatMap((t) => (t.latestYear === null ? [] : [t.latestYear])))).toEqual(new Set([2024]));
    const lishu = await overview('220322');
    const approved = lishu.tiles.find((t) => t.indicator === 'newborn_visit_rate');
    expect(approved?.value).toBe(await storedValue('newborn_visit_rate', '220322', 2024));
  });

  it('after 2024 is published, shows no value of the unapproved submissions on the indicator pages', async () => {
    const anonymous = server.anonymous();
    const page = async (code: string, org: string): Promise<IndicatorPage> => {
      const res = await anonymous.get(`/api/public/indicators/${code}?year=2024&org=${org}`);
      expect(res.statusCode, `${code}@${org}`).toBe(200);
      return res.json() as IndicatorPage;
    };
    for (const u of UNAPPROVED_2024) {
      for (const code of led.get(u.department) ?? []) {
        if (!server.ctx.plan().indicators.some((i) => i.code === code)) continue;
        const own = await page(code, u.org);
        expect(
          own.series.flatMap((s) => s.values),
          `${code}@${u.org}`,
        ).toEqual([]);
        expect(own.assessments.every((a) => a.value === null)).toBe(true);
        const city = await page(code, '220300');
        expect(city.children.find((c) => c.code === u.org)?.value ?? null, `${code}: ${u.org} at the city`).toBeNull();
        // Only the published year, never 2023 or before.
        expect(new Set(city.series.flatMap((s) => s.values.map((v) => v.year)))).toEqual(new Set([2024]));
      }
    }
    const approved = await page('newborn_visit_rate', '220322');
    expect(approved.series[0]?.values).toEqual([
      expect.objectContaining({ year: 2024, value: await storedValue('newborn_visit_rate', '220322', 2024) }),
    ]);
    expect(approved.children).toEqual([]);
    const township = await anonymous.get('/api/public/indicators/newborn_visit_rate?year=2024&org=220322100');
    expect(township.statusCode).toBe(404);
    expect(township.json().error).toBe('公开门户没有单位“220322100”的数据');
    const unpublished = await anonymous.get('/api/public/indicators/newborn_visit_rate?year=2023&org=220300');
    expect(unpublished.statusCode).toBe(404);
  });

  it('hides the year again when the office withdraws it', async () => {
    expect((await office.delete('/api/publications/2024')).statusCode).toBe(200);
    expect((await server.anonymous().get('/api/public/years')).json().years).toEqual([]);
    expect(await downloads()).toEqual({ csv: [], xlsx: [], sdmx: [] });
    for (const url of Object.values(PAGES)) expect((await server.anonymous().get(url)).statusCode, url).toBe(404);
  });

  it('gives the plan’s text: every domain with its goals, measures and indicators', async () => {
    const res = await server.anonymous().get('/api/public/plan');
    const plan = res.json() as {
      domains: { name: string; goals: { text: string }[]; measures: unknown[]; indicators: { targets: string[] }[] }[];
    };
    expect(plan.domains.map((d) => d.name)).toEqual([
      '儿童与健康',
      '儿童与安全',
      '儿童与教育',
      '儿童与福利',
      '儿童与家庭',
      '儿童与环境',
      '儿童与法律保护',
    ]);
    expect(plan.domains[0]?.goals[2]?.text).toContain('新生儿死亡率下降到3‰以下');
    expect(plan.domains.reduce((n, d) => n + d.goals.length, 0)).toBe(68);
    expect(plan.domains.reduce((n, d) => n + d.measures.length, 0)).toBe(72);
    expect(plan.domains.reduce((n, d) => n + d.indicators.length, 0)).toBe(36);
  });
});

describe('the web app’s page at /public', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'childplan-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>childplan</title><div id="root"></div>');
  const server = useServer('sqlite', { config: { webRoot } });

  it('is served at /public and every path below it, without a session, for the browser to route', async () => {
    for (const path of [
      '/public',
      '/public/',
      '/public/about',
      '/public/downloads',
      '/public/indicators/neonatal_mortality?year=2024&org=220300',
    ]) {
      const res = await server.anonymous().get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toContain('text/html');
      expect(res.body).toContain('<div id="root"></div>');
    }
    // An unknown API path under /api/public is refused in JSON, never answered with the page.
    const api = await server.anonymous().get('/api/public/nothing');
    expect(api.statusCode).toBeGreaterThanOrEqual(400);
    expect(api.headers['content-type']).toContain('application/json');
  });
});

describe('the public portal’s rate limit', () => {
  const server = useServer('sqlite');

  it('answers a visitor who downloads too often with 429 and a Chinese message', async () => {
    const anonymous = server.anonymous();
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await anonymous.get('/api/public/downloads/sdmx')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    const last = await anonymous.get('/api/public/downloads/sdmx');
    expect(last.statusCode).toBe(429);
    expect(last.json().error).toBe('请求过于频繁,请稍后再试');
  });
});
