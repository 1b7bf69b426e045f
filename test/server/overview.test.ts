import { describe, expect, it } from 'vitest';
import { cliAssessment, countedRecords, expectedByDomain, expectedSummary, key } from '../support/cliAssessment.js';
import { DIALECTS } from '../support/databases.js';
import { CITY, LISHU, TIEXI, useServer, type TestUser } from '../support/server.js';
import { userSessions } from '../support/sessions.js';

interface Summary {
  counts: Record<string, number>;
  total: number;
  assessed: number;
  achievementRate: number | null;
  achievementRateText: string;
}

interface Overview {
  year: number;
  data: string;
  orgUnit: { code: string; name: string };
  synthetic: boolean;
  overall: Summary;
  domains: (Summary & { code: string; name: string })[];
  tiles: {
    indicator: string;
    sex: string;
    area: string;
    value: number | null;
    latestYear: number | null;
    status: string;
    warning: string;
    valueText: string;
    targetText: string;
  }[];
  qualitative: { items: { code: string; rating: string | null }[]; domains: { code: string; items: number }[] };
}

const YITONG = '220323';

describe.each(DIALECTS)('the overview API (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });
  const { as, getJson } = userSessions(server);
  const overview = (user: TestUser, query: string): Promise<Overview> => getJson<Overview>(user, `/api/overview?${query}`);

  it('counts per domain and status, with the 达标率, what the command line assesses for the same data', async () => {
    const records = await cliAssessment(server.url, 2024, CITY);
    const body = await overview('city_monitor', `year=2024&org=${CITY}&data=all`);
    expect(body.orgUnit).toMatchObject({ code: CITY, name: '四平市' });
    expect(body.synthetic).toBe(true);
    const expected = expectedByDomain(records);
    expect(body.domains.map((d) => d.code)).toEqual(expected.map((d) => d.code));
    for (const [i, d] of expected.entries()) {
      expect(body.domains[i]?.counts, d.name).toEqual(d.summary.counts);
      expect(body.domains[i]?.total).toBe(d.summary.total);
      expect(body.domains[i]?.achievementRateText).toBe(d.summary.rateText);
    }
    const all = expectedSummary(countedRecords(records));
    expect(body.overall.counts).toEqual(all.counts);
    expect(body.overall.achievementRateText).toBe(all.rateText);
    // Some targets are met and some are not in the demo set: the counts are not trivially zero.
    const achieved = all.counts.achieved ?? 0;
    expect(achieved).toBeGreaterThan(0);
    expect(all.total - achieved).toBeGreaterThan(0);
  });

  it('shows a tile per target with the value, status and warning the command line gives', async () => {
    const records = countedRecords(await cliAssessment(server.url, 2024, LISHU));
    const body = await overview('lishu_monitor', `year=2024&org=${LISHU}&data=all`);
    expect(body.tiles.map(key).sort()).toEqual(records.map(key).sort());
    const byKey = new Map(records.map((r) => [key(r), r]));
    for (const t of body.tiles) {
      const r = byKey.get(key(t));
      expect([t.value, t.latestYear, t.status, t.warning], key(t)).toEqual([r?.value, r?.latest_year, r?.status, r?.warning]);
    }
    const withValue = body.tiles.find((t) => t.indicator === 'neonatal_mortality' && t.sex === 'total');
    expect(withValue?.valueText).toMatch(/^\d+\.\d‰$/);
    expect(withValue?.targetText).toMatch(/‰/);
  });

  it('lists every qualitative goal with its rating, and only a department’s own goals and indicators to its users', async () => {
    const office = await as('office');
    const rated = await office.put(`/api/qualitative/2024/${CITY}/H1/rating`, { rating: 'on_track', comment: '' });
    expect(rated.statusCode, rated.body).toBe(200);
    const body = await overview('viewer', `year=2024&org=${CITY}`);
    expect(body.qualitative.items.find((i) => i.code === 'H1')?.rating).toBe('on_track');
    const all = body.qualitative.items.length;
    expect(body.qualitative.domains.reduce((n, d) => n + d.items, 0)).toBe(all);
    const health = await overview('city_health', `year=2024&org=${CITY}`);
    expect(health.qualitative.items.length).toBeGreaterThan(0);
    expect(health.qualitative.items.length).toBeLessThan(all);
    // A department reads its own indicators only (issue #3): fewer targets than the viewer's.
    expect(health.overall.total).toBeGreaterThan(0);
    expect(health.overall.total).toBeLessThan(body.overall.total);
  });

  it('refuses another county, a unit that does not exist, a year outside the plan and unapproved figures to a viewer', async () => {
    const county = await as('lishu_monitor');
    const city = await county.get(`/api/overview?year=2024&org=${CITY}`);
    expect(city.statusCode).toBe(403);
    expect(city.json().error).toBe('无权查看该单位的数据');
    expect((await county.get(`/api/overview?year=2024&org=${TIEXI}`)).statusCode).toBe(403);
    expect((await (await as('tiexi_health')).get(`/api/overview?year=2024&org=${LISHU}`)).statusCode).toBe(403);
    expect((await county.get('/api/overview?year=2024&org=999999')).statusCode).toBe(404);
    const early = await county.get('/api/overview?year=2012');
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toBe('年份须在 2020–2030 之间');
    const viewer = await (await as('viewer')).get(`/api/overview?year=2024&org=${CITY}&data=all`);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error).toContain('含未批准数据');
    // Without org, the user's own unit.
    expect((await overview('lishu_monitor', 'year=2024')).orgUnit.code).toBe(LISHU);
  });

  it('opens on the latest year with approved figures when no year is asked for', async () => {
    // The demo set's figures end with 2024, approved but for a few forms.
    expect((await overview('viewer', `org=${CITY}`)).year).toBe(2024);
  });

  it('shows approved figures by default and an approval at once', async () => {
    const neonatal = async (data: string) => {
      const body = await overview('city_monitor', `year=2024&org=${YITONG}&data=${data}`);
      expect(body.data).toBe(data);
      return body.tiles.find((t) => t.indicator === 'neonatal_mortality' && t.sex === 'total' && t.area === 'total');
    };
    // 伊通's health bureau has submitted its 2024 figures in the demo set; nobody has approved them.
    expect((await neonatal('all'))?.latestYear).toBe(2024);
    expect((await neonatal('approved'))?.latestYear).toBe(2023);
    const city = await as('city_monitor');
    expect((await city.post(`/api/submissions/health/${YITONG}/2024/review`, { reason: '' })).statusCode).toBe(200);
    expect((await neonatal('approved'))?.latestYear).toBe(2023);
    expect((await city.post(`/api/submissions/health/${YITONG}/2024/approve`, { reason: '' })).statusCode).toBe(200);
    const approved = await neonatal('approved');
    expect(approved?.latestYear).toBe(2024);
    expect(approved).toEqual(await neonatal('all'));
  });
});
