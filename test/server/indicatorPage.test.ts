import { describe, expect, it } from 'vitest';
import type { IndicatorPageData } from '../../src/app/indicatorPageModel.js';
import { DEMO_SOURCE } from '../../src/demo/generateDemoRows.js';
import { DIALECTS } from '../support/databases.js';
import { runCli } from '../support/cli.js';
import { CITY, LISHU, TIEXI, useServer } from '../support/server.js';

interface CliRecord {
  indicator: string;
  org_unit: string;
  sex: string;
  area: string;
  value: number | null;
  latest_year: number | null;
  target_value: number | null;
  status: string;
  warning: string;
  actual_rate: number | null;
  required_rate: number | null;
  ratio: number | null;
  projected_value: number | null;
}

const COUNTIES = ['220302', '220303', '220322', '220323', '220382'];
const YITONG = '220323';

describe.each(DIALECTS)('the indicator page API (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  const page = async (user: string, url: string): Promise<IndicatorPageData> => {
    const res = await (await server.login(user)).get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as IndicatorPageData;
  };

  it('gives the city and its five counties the figures of the command line', async () => {
    const cli = await runCli(
      server.url,
      'assess',
      '--year',
      '2024',
      '--org',
      [CITY, ...COUNTIES].join(','),
      '--indicator',
      'under5_mortality',
      '--format',
      'json',
    );
    expect(cli.code, cli.stderr).toBe(0);
    const records = JSON.parse(cli.stdout) as CliRecord[];
    const body = await page('city_monitor', `/api/indicators/under5_mortality?year=2024&org=${CITY}&data=all`);

    const key = (r: Pick<CliRecord, 'sex' | 'area' | 'value' | 'status' | 'warning'>) =>
      `${r.sex}|${r.area}|${r.value}|${r.status}|${r.warning}`;
    expect(body.assessments.map((a) => key(a))).toEqual(records.filter((r) => r.org_unit === CITY).map(key));
    const total = records.find((r) => r.org_unit === CITY && r.sex === 'total' && r.area === 'total');
    const shown = body.assessments[0];
    expect(shown?.status).toBe('off_track');
    expect([shown?.targetValue, shown?.actualRate, shown?.requiredRate, shown?.ratio, shown?.projectedValue, shown?.latestYear]).toEqual([
      total?.target_value,
      total?.actual_rate,
      total?.required_rate,
      total?.ratio,
      total?.projected_value,
      total?.latest_year,
    ]);

    expect(body.children.map((c) => c.code)).toEqual(COUNTIES);
    expect(body.childLevelLabel).toBe('县(市、区)');
    const countyKey = (code: string, value: number | null, status: string) => `${code}|${value}|${status}`;
    expect(body.children.map((c) => countyKey(c.code, c.value, c.status))).toEqual(
      COUNTIES.map((c) => {
        const r = records.find((x) => x.org_unit === c && x.sex === 'total' && x.area === 'total');
        return countyKey(c, r?.value ?? null, r?.status ?? '');
      }),
    );
  });

  it('draws the projection to the projected value and the required path to the target, and says both in words', async () => {
    const body = await page('viewer', `/api/indicators/under5_mortality?year=2024&org=${CITY}`);
    const a = body.assessments[0];
    if (!a || a.projectedValue === null || a.targetValue === null || a.targetYear === null) throw new Error('no projection');
    expect(a.projection[0]).toEqual({ year: a.latestYear, value: a.value });
    expect(a.projection.at(-1)?.year).toBe(a.targetYear);
    expect(a.projection.at(-1)?.value).toBeCloseTo(a.projectedValue, 9);
    expect(a.requiredPath.at(-1)?.value).toBeCloseTo(a.targetValue, 9);
    expect(a.sentence).toMatch(/^按当前速度,2030年预计为\d+\.\d‰,目标为5‰以下,需年均下降\d+\.\d%。$/);
    expect(body.targets).toEqual([expect.objectContaining({ kind: 'max', text: '≤5‰', targetYear: 2030 })]);
    expect(body.indicator).toMatchObject({
      name: '5岁以下儿童死亡率',
      unit: '‰',
      direction: 'down',
      domain: 'H',
      domainName: '儿童与健康',
    });
    expect(body.indicator.goalText).toContain('5岁以下儿童死亡率');
    expect(body.indicator.leadDepartment).toBeTruthy();
  });

  it('gives the city rolled-up values and says so, and a county the values reported with their source', async () => {
    const city = await page('viewer', `/api/indicators/under5_mortality?year=2024&org=${CITY}`);
    const total = city.series.find((s) => s.sex === 'total' && s.area === 'total');
    // The years before the baseline year (the demo starts in 2018) are shown too, never assessed.
    expect(total?.values.map((v) => v.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(total?.values.every((v) => v.origin === 'aggregated' && v.originLabel === '汇总' && v.source === null)).toBe(true);
    // 伊通's 2024 health figures are not approved: the approved 2024 value comes from four counties.
    expect(total?.values.map((v) => v.note)).toEqual([...Array<string>(6).fill('由5个下级单位的数值汇总'), '由4个下级单位的数值汇总']);

    const county = await page('viewer', `/api/indicators/under5_mortality?year=2024&org=${LISHU}`);
    const reported = county.series.find((s) => s.sex === 'total' && s.area === 'total')?.values.at(-1);
    expect(reported).toMatchObject({ year: 2024, origin: 'reported', originLabel: '上报', source: DEMO_SOURCE });
    expect(county.ancestors.map((u) => u.code)).toEqual([CITY]);
  });

  it('breaks a value down by urban and rural where the data have it', async () => {
    const body = await page('viewer', `/api/indicators/neonatal_mortality?year=2024&org=${CITY}`);
    expect(body.breakdown.year).toBe(2024);
    expect(body.breakdown.byArea.map((c) => c.label)).toEqual(['城镇', '农村']);
    expect(body.breakdown.bySex).toEqual([]);
    expect(body.series.map((s) => s.label)).toEqual(['合计', '城镇', '农村']);
    const fitness = await page('viewer', `/api/indicators/fitness_good_rate?year=2024&org=${CITY}`);
    expect(fitness.breakdown.bySex.map((c) => c.label)).toEqual(['男', '女']);
  });

  it('compares the counties on the series the target names', async () => {
    // The plan's target for activity centres is for the towns (城区) only.
    const body = await page('viewer', `/api/indicators/activity_center_coverage?year=2024&org=${CITY}`);
    expect(body.compared).toEqual({ sex: 'total', area: 'urban', label: '城镇' });
    expect(body.children.map((c) => c.code)).toEqual(COUNTIES);
    expect(body.children.some((c) => c.status === 'not_assessed')).toBe(false);
    const under5 = await page('viewer', `/api/indicators/under5_mortality?year=2024&org=${CITY}`);
    expect(under5.compared).toEqual({ sex: 'total', area: 'total', label: '合计' });
  });

  it('goes down from the city to townships and villages where the data are', async () => {
    const city = await page('viewer', `/api/indicators/children_home_coverage?year=2024&org=${CITY}`);
    expect(city.children.every((c) => c.drillable)).toBe(true);
    const county = await page('viewer', `/api/indicators/children_home_coverage?year=2024&org=${LISHU}`);
    expect(county.childLevel).toBe('township');
    expect(county.children.length).toBeGreaterThan(5);
    const township = county.children.find((c) => c.drillable);
    if (!township) throw new Error('no township with villages');
    const villages = await page('viewer', `/api/indicators/children_home_coverage?year=2024&org=${township.code}`);
    expect(villages.childLevel).toBe('village');
    expect(villages.children.length).toBeGreaterThan(0);
    expect(villages.children.every((v) => v.value === 0 || v.value === 100)).toBe(true);
    expect(villages.ancestors.map((u) => u.code)).toEqual([CITY, LISHU]);

    // An indicator reported by the counties has nothing below them.
    const under5 = await page('viewer', `/api/indicators/under5_mortality?year=2024&org=${CITY}`);
    expect(under5.children.some((c) => c.drillable)).toBe(false);
    expect((await page('viewer', `/api/indicators/under5_mortality?year=2024&org=${LISHU}`)).children).toEqual([]);
  });

  it('shows only approved figures by default, and unapproved ones to the statistics bureau on request', async () => {
    // The demo health bureau of 伊通 submitted its 2024 figures; nobody approved them.
    const approved = await page('viewer', `/api/indicators/neonatal_mortality?year=2024&org=${YITONG}`);
    expect(approved.data).toBe('approved');
    expect(approved.assessments[0]?.latestYear).toBe(2023);
    const all = await page('city_monitor', `/api/indicators/neonatal_mortality?year=2024&org=${YITONG}&data=all`);
    expect(all.assessments[0]?.latestYear).toBe(2024);
    const refused = await (await server.login('viewer')).get(`/api/indicators/neonatal_mortality?year=2024&org=${YITONG}&data=all`);
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a unit outside the user’s county, an indicator the department does not work on, and unknown codes', async () => {
    const lishu = await server.login('lishu_monitor');
    expect((await lishu.get(`/api/indicators/under5_mortality?year=2024&org=${LISHU}`)).statusCode).toBe(200);
    const other = await lishu.get(`/api/indicators/under5_mortality?year=2024&org=${TIEXI}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('无权查看该单位的数据');
    expect((await lishu.get(`/api/indicators/under5_mortality?year=2024&org=${CITY}`)).statusCode).toBe(403);

    const education = await server.login('lishu_education');
    expect((await education.get(`/api/indicators/under5_mortality?year=2024&org=${LISHU}`)).statusCode).toBe(403);
    expect((await education.get(`/api/indicators/preschool_gross_enrollment?year=2024&org=${LISHU}`)).statusCode).toBe(200);

    const missing = await lishu.get(`/api/indicators/no_such_indicator?year=2024&org=${LISHU}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('未知的指标代码“no_such_indicator”');
    expect((await lishu.get('/api/indicators/under5_mortality?year=2024&org=999999')).statusCode).toBe(404);
    expect((await server.anonymous().get(`/api/indicators/under5_mortality?year=2024&org=${LISHU}`)).statusCode).toBe(401);
  });

  it('reflects an approval at once', async () => {
    const viewer = await server.login('viewer');
    const latest = async () =>
      ((await viewer.get(`/api/indicators/infant_mortality?year=2024&org=${YITONG}`)).json() as IndicatorPageData).assessments[0]
        ?.latestYear;
    expect(await latest()).toBe(2023);
    const city = await server.login('city_monitor');
    expect((await city.post(`/api/submissions/health/${YITONG}/2024/review`, { reason: '' })).statusCode).toBe(200);
    expect((await city.post(`/api/submissions/health/${YITONG}/2024/approve`, { reason: '' })).statusCode).toBe(200);
    expect(await latest()).toBe(2024);
  });
});
