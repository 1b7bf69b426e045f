import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { DIALECTS } from '../support/databases.js';
import { CITY, LISHU, TIEXI, useServer } from '../support/server.js';

interface CliRecord {
  indicator: string;
  ur_latest_year: number | null;
  urban: number | null;
  rural: number | null;
  county_latest_year: number | null;
  county_min: number | null;
  county_min_unit: string | null;
  county_max: number | null;
  county_max_unit: string | null;
}

interface Row {
  indicator: string;
  urbanRural: {
    latestYear: number;
    urban: number;
    rural: number;
    gapText: string;
    baselineGapText: string | null;
    trendLabel: string;
    sentence: string;
    series: { year: number; gap: number }[];
  } | null;
  county: {
    latestYear: number;
    counties: number;
    min: { orgUnit: string; value: number };
    max: { orgUnit: string; value: number };
    rangeText: string;
    baselineRangeText: string | null;
    trendLabel: string;
    values: { orgUnit: string; value: number }[];
    series: { year: number; range: number }[];
  } | null;
}

interface Disparities {
  baselineYear: number;
  urbanRural: { counts: Record<string, number>; text: string };
  county: { counts: Record<string, number>; text: string };
  rows: Row[];
}

/** 缩小 when the printed gap is smaller than the printed baseline gap, 扩大 when larger, else 持平. */
function trendOf(latest: string, baseline: string | null): string {
  if (baseline === null) return '—';
  const a = parseFloat(latest);
  const b = parseFloat(baseline);
  return a < b ? '缩小' : a > b ? '扩大' : '持平';
}

describe.each(DIALECTS)('the disparities API (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  it('gives the urban–rural gaps and county ranges the command line computes, with their trend since the baseline', async () => {
    const cli = await runCli(server.url, 'disparities', '--year', '2024', '--org', CITY, '--format', 'json');
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout) as CliRecord[];
    const res = await (await server.login('city_monitor')).get(`/api/disparities?year=2024&org=${CITY}&data=all`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Disparities;
    expect(body.rows.map((r) => r.indicator)).toEqual(expected.map((r) => r.indicator));
    for (const [i, e] of expected.entries()) {
      const r = body.rows[i];
      expect([r?.urbanRural?.latestYear ?? null, r?.urbanRural?.urban ?? null, r?.urbanRural?.rural ?? null], e.indicator).toEqual([
        e.ur_latest_year,
        e.urban,
        e.rural,
      ]);
      expect(
        [
          r?.county?.latestYear ?? null,
          r?.county?.min.orgUnit ?? null,
          r?.county?.min.value ?? null,
          r?.county?.max.orgUnit ?? null,
          r?.county?.max.value ?? null,
        ],
        e.indicator,
      ).toEqual([e.county_latest_year, e.county_min_unit, e.county_min, e.county_max_unit, e.county_max]);
      if (r?.urbanRural) {
        expect(r.urbanRural.trendLabel, e.indicator).toBe(trendOf(r.urbanRural.gapText, r.urbanRural.baselineGapText));
        expect(r.urbanRural.series.at(-1)?.year).toBe(r.urbanRural.latestYear);
        expect(r.urbanRural.series[0]?.year).toBe(body.baselineYear);
        expect(r.urbanRural.sentence).toMatch(/城乡差距为|城乡持平/);
      }
      if (r?.county) {
        expect(r.county.trendLabel, e.indicator).toBe(trendOf(r.county.rangeText, r.county.baselineRangeText));
        expect(r.county.values.length).toBe(r.county.counties);
        expect(Math.min(...r.county.values.map((v) => v.value))).toBe(r.county.min.value);
      }
    }
    const withUrbanRural = body.rows.filter((r) => r.urbanRural).length;
    expect(withUrbanRural).toBeGreaterThan(0);
    expect(body.urbanRural.text).toContain(`在有城乡分组数据的${withUrbanRural}项指标中`);
    // The city has five county-level units, all of which report every approved indicator in the demo set.
    expect(body.rows.find((r) => r.indicator === 'neonatal_mortality')?.county?.counties).toBe(5);
  });

  it('uses approved figures by default: a county whose figures wait for approval is left out', async () => {
    const res = await (await server.login('viewer')).get(`/api/disparities?year=2024&org=${CITY}`);
    expect(res.statusCode).toBe(200);
    const neonatal = (res.json() as Disparities).rows.find((r) => r.indicator === 'neonatal_mortality');
    expect(neonatal?.county?.values.map((v) => v.orgUnit)).not.toContain('220323');
  });

  it('refuses another county and a viewer asking for unapproved figures', async () => {
    const county = await server.login('lishu_monitor');
    expect((await county.get(`/api/disparities?year=2024&org=${LISHU}`)).statusCode).toBe(200);
    const other = await county.get(`/api/disparities?year=2024&org=${TIEXI}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('无权查看该单位的数据');
    expect((await (await server.login('viewer')).get(`/api/disparities?year=2024&org=${CITY}&data=all`)).statusCode).toBe(403);
  });
});
