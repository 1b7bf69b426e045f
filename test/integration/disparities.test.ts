import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';
import { runCli } from '../support/cli.js';
import { query } from '../support/snapshot.js';

interface DisparityRecord {
  indicator: string;
  org_unit: string;
  year: number;
  ur_latest_year: number | null;
  urban: number | null;
  rural: number | null;
  ur_gap: number | null;
  ur_baseline_year: number | null;
  ur_baseline_gap: number | null;
  ur_trend: string | null;
  county_latest_year: number | null;
  county_min: number | null;
  county_min_unit: string | null;
  county_max: number | null;
  county_max_unit: string | null;
  county_range: number | null;
  county_ratio: number | null;
  county_baseline_range: number | null;
  county_baseline_ratio: number | null;
  county_trend: string | null;
  synthetic: boolean;
  [field: string]: unknown;
}

interface AssessedRecord {
  indicator: string;
  org_unit: string;
  sex: string;
  area: string;
  value: number | null;
  latest_year: number | null;
}

const FIELDS = [
  'indicator',
  'indicator_name',
  'unit',
  'org_unit',
  'org_name',
  'year',
  'ur_latest_year',
  'urban',
  'rural',
  'ur_gap',
  'ur_baseline_year',
  'ur_baseline_gap',
  'ur_trend',
  'county_latest_year',
  'county_min',
  'county_min_unit',
  'county_max',
  'county_max_unit',
  'county_range',
  'county_ratio',
  'county_baseline_range',
  'county_baseline_ratio',
  'county_trend',
  'synthetic',
];

const CITY = '220300';

function trendOf(latest: number, baseline: number): string {
  if (Math.abs(latest - baseline) <= 1e-9 * Math.max(1, Math.abs(baseline))) return 'stable';
  return latest < baseline ? 'narrowing' : 'widening';
}

const outputs: Partial<Record<(typeof DIALECTS)[number], string>> = {};

describe.each(DIALECTS)('disparities of the demo data on %s', (dialect) => {
  const database = useDatabase(dialect);
  let db: string;
  let records: DisparityRecord[];
  let counties: string[];

  beforeAll(async () => {
    db = database.url;
    const demo = await runCli(db, 'demo');
    expect(demo.code, demo.stderr).toBe(0);
    const result = await runCli(db, 'disparities', '--year', '2024', '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    outputs[dialect] = result.stdout;
    records = JSON.parse(result.stdout) as DisparityRecord[];
    counties = (
      await query(db, (app) =>
        app.db
          .selectFrom('org_unit')
          .select('code')
          .where('parent_code', '=', CITY)
          .where('level', '=', 'county')
          .orderBy('code')
          .execute(),
      )
    ).map((r) => r.code);
  });

  /** Σ numerators / Σ denominators × 1000 of the counties' rows of one area, straight from the table. */
  async function countyRollUp(area: 'urban' | 'rural', year: number): Promise<number> {
    const sums = await query(db, (app) =>
      app.db
        .selectFrom('data_value')
        .select([(eb) => eb.fn.sum<number>('numerator').as('n'), (eb) => eb.fn.sum<number>('denominator').as('d')])
        .where('indicator_code', '=', 'under5_mortality')
        .where('year', '=', year)
        .where('sex', '=', 'total')
        .where('area', '=', area)
        .where('age_group', '=', 'total')
        .where('org_unit_code', 'in', counties)
        .executeTakeFirstOrThrow(),
    );
    return (Number(sums.n) / Number(sums.d)) * 1000;
  }

  it('gives the city a record per indicator with data, with every field, JSON numbers and nulls', () => {
    expect(counties.length).toBeGreaterThanOrEqual(2);
    expect(records.length).toBeGreaterThan(5);
    for (const r of records) {
      for (const field of FIELDS) expect(r).toHaveProperty(field);
      expect(r.org_unit).toBe(CITY);
      expect(r.year).toBe(2024);
      expect(r.synthetic).toBe(true);
      expect(r.ur_gap !== null || r.county_range !== null).toBe(true);
      for (const f of ['urban', 'rural', 'ur_gap', 'county_min', 'county_range', 'county_ratio']) {
        expect(['number', 'object']).toContain(typeof r[f]);
      }
    }
  });

  it('rolls the counties’ urban and rural rows up to the city: Σ numerators / Σ denominators', async () => {
    const latest = await query(db, (app) =>
      app.db
        .selectFrom('data_value')
        .select((eb) => eb.fn.max<number>('year').as('year'))
        .where('indicator_code', '=', 'under5_mortality')
        .where('area', '=', 'rural')
        .where('year', '<=', 2024)
        .where('org_unit_code', 'in', counties)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('data_value as u')
              .select('u.id')
              .whereRef('u.year', '=', 'data_value.year')
              .where('u.indicator_code', '=', 'under5_mortality')
              .where('u.area', '=', 'urban')
              .where('u.org_unit_code', 'in', counties),
          ),
        )
        .executeTakeFirstOrThrow(),
    );
    const year = Number(latest.year);
    const row = records.find((r) => r.indicator === 'under5_mortality');
    expect(row?.ur_latest_year).toBe(year);
    const urban = await countyRollUp('urban', year);
    const rural = await countyRollUp('rural', year);
    expect(row?.urban).toBeCloseTo(urban, 9);
    expect(row?.rural).toBeCloseTo(rural, 9);
    expect(row?.ur_gap).toBeCloseTo(Math.abs(urban - rural), 9);

    // The demo starts in 2018, so the baseline is the plan's baseline year 2020.
    expect(row?.ur_baseline_year).toBe(2020);
    const baselineGap = Math.abs((await countyRollUp('urban', 2020)) - (await countyRollUp('rural', 2020)));
    expect(row?.ur_baseline_gap).toBeCloseTo(baselineGap, 9);
    expect(row?.ur_trend).toBe(trendOf(Math.abs(urban - rural), baselineGap));
  });

  it('spreads the counties’ infant mortality as the assessment of every unit gives it', async () => {
    const assessed = await runCli(db, 'assess', '--year', '2024', '--org', 'all', '--format', 'json', '--indicator', 'infant_mortality');
    expect(assessed.code, assessed.stderr).toBe(0);
    const values = (JSON.parse(assessed.stdout) as AssessedRecord[]).filter(
      (r) => counties.includes(r.org_unit) && r.sex === 'total' && r.area === 'total' && r.latest_year === 2024,
    );
    expect(values).toHaveLength(counties.length);
    const sorted = [...values].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    const min = sorted[0];
    const max = sorted[sorted.length - 1];
    const row = records.find((r) => r.indicator === 'infant_mortality');
    expect(row?.county_latest_year).toBe(2024);
    expect(row?.county_min).toBe(min?.value);
    expect(row?.county_min_unit).toBe(min?.org_unit);
    expect(row?.county_max).toBe(max?.value);
    expect(row?.county_max_unit).toBe(max?.org_unit);
    expect(row?.county_range).toBeCloseTo((max?.value ?? NaN) - (min?.value ?? NaN), 12);
    expect(row?.county_ratio).toBeCloseTo((max?.value ?? NaN) / (min?.value ?? NaN), 12);
    expect(row?.county_trend).toBe(trendOf(row?.county_range ?? NaN, row?.county_baseline_range ?? NaN));
  });

  it('gives a county its urban–rural gap and no county range', async () => {
    const result = await runCli(
      db,
      'disparities',
      '--year',
      '2024',
      '--org',
      '220322',
      '--format',
      'json',
      '--indicator',
      'under5_mortality',
    );
    expect(result.code, result.stderr).toBe(0);
    const [row, ...rest] = JSON.parse(result.stdout) as DisparityRecord[];
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({ org_unit: '220322', ur_latest_year: 2024, county_range: null, county_trend: null });
  });

  it('prints the Chinese table with the gap, its change and the synthetic-data notice', async () => {
    const table = await runCli(db, 'disparities', '--year', '2024');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('四平市(220300)');
    expect(table.stdout).toContain('城乡差距');
    expect(table.stdout).toContain('基期极差');
    expect(table.stdout).toContain('5岁以下儿童死亡率');
    expect(table.stdout).toMatch(/缩小|扩大|持平/);
    expect(table.stdout).toContain('合成的演示数据');
  });

  it('writes CSV with a BOM for Excel', async () => {
    const result = await runCli(db, 'disparities', '--year', '2024', '--format', 'csv', '--indicator', 'infant_mortality');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith('\uFEFFindicator,indicator_name,unit,org_unit')).toBe(true);
    expect(result.stdout.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('refuses an unknown unit or indicator code and a bad year with a Chinese message', async () => {
    const org = await runCli(db, 'disparities', '--year', '2024', '--org', '999');
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('未知的单位代码“999”');
    const indicator = await runCli(db, 'disparities', '--year', '2024', '--indicator', 'nope');
    expect(indicator.code).toBe(1);
    expect(indicator.stderr).toContain('未知的指标代码“nope”');
    expect((await runCli(db, 'disparities', '--year', 'abc')).stderr).toContain('年份“abc”无效');
    expect((await runCli(db, 'disparities', '--year', '2024', '--format', 'xml')).stderr).toContain('输出格式“xml”无效');
  });
});

describe('the same data on both databases', () => {
  it('gives the same disparities on SQLite and PostgreSQL', () => {
    const [a, b] = [outputs.sqlite, outputs.postgres];
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(b).toBe(a);
  });
});
