import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';
import { runCli } from '../support/cli.js';
import { query } from '../support/snapshot.js';

interface AssessedRecord {
  indicator: string;
  org_unit: string;
  sex: string;
  area: string;
  value: number | null;
  status: string;
  warning: string;
  synthetic: boolean;
  [field: string]: unknown;
}

const FIELDS = [
  'indicator',
  'org_unit',
  'year',
  'sex',
  'area',
  'value',
  'latest_year',
  'baseline_year',
  'baseline_value',
  'target_value',
  'target_year',
  'status',
  'warning',
  'actual_rate',
  'required_rate',
  'ratio',
  'projected_value',
  'volatile',
  'missed_milestones',
];

const outputs: Partial<Record<(typeof DIALECTS)[number], AssessedRecord[]>> = {};

describe.each(DIALECTS)('assessing the demo data on %s', (dialect) => {
  const database = useDatabase(dialect);
  let db: string;
  let records: AssessedRecord[];

  beforeAll(async () => {
    db = database.url;
    const demo = await runCli(db, 'demo');
    expect(demo.code, demo.stderr).toBe(0);
    const result = await runCli(db, 'assess', '--year', '2024', '--org', 'all', '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    records = JSON.parse(result.stdout) as AssessedRecord[];
    outputs[dialect] = records;
  });

  it('gives every record the fields issue #2 names, with JSON numbers and nulls', () => {
    expect(records.length).toBeGreaterThan(1000);
    for (const r of records.slice(0, 200)) {
      for (const field of FIELDS) expect(r).toHaveProperty(field);
      expect(Array.isArray(r.missed_milestones)).toBe(true);
      for (const f of ['value', 'actual_rate', 'ratio']) expect(['number', 'object']).toContain(typeof r[f]);
    }
  });

  it('marks every record of the demo data as synthetic', () => {
    expect(records.every((r) => r.synthetic === true)).toBe(true);
  });

  it('shows every status and warning the methodology defines somewhere in the demo', () => {
    const statuses = new Set(records.map((r) => r.status));
    for (const s of ['achieved', 'on_track', 'needs_acceleration', 'off_track', 'regressing', 'insufficient_data', 'not_assessed']) {
      expect(statuses).toContain(s);
    }
    expect(new Set(records.map((r) => r.warning))).toEqual(new Set(['red', 'yellow', 'green', 'none']));
  });

  it('assesses the city on the roll-up of its counties: Σ numerators / Σ denominators', async () => {
    const sums = await query(db, (app) =>
      app.db
        .selectFrom('data_value')
        .select([(eb) => eb.fn.sum<number>('numerator').as('n'), (eb) => eb.fn.sum<number>('denominator').as('d')])
        .where('indicator_code', '=', 'infant_mortality')
        .where('year', '=', 2024)
        .where('sex', '=', 'total')
        .where('area', '=', 'total')
        .where('org_unit_code', 'in', ['220302', '220303', '220322', '220323', '220382'])
        .executeTakeFirstOrThrow(),
    );
    const city = records.find(
      (r) => r.indicator === 'infant_mortality' && r.org_unit === '220300' && r.sex === 'total' && r.area === 'total',
    );
    expect(city?.value).toBeCloseTo((Number(sums.n) / Number(sums.d)) * 1000, 9);
    expect(city).toMatchObject({ origin: 'aggregated', contributors: 5, children: 5 });
  });

  it('derives the share of townships with immunisation at 95 % or more for each county', async () => {
    const townships = await query(db, (app) =>
      app.db
        .selectFrom('data_value')
        .innerJoin('org_unit', 'org_unit.code', 'data_value.org_unit_code')
        .select(['data_value.value'])
        .where('indicator_code', '=', 'immunization_rate')
        .where('year', '=', 2024)
        .where('org_unit.parent_code', '=', '220322')
        .execute(),
    );
    const meeting = townships.filter((t) => (t.value ?? 0) >= 95).length;
    const county = records.find((r) => r.indicator === 'immunization_township_coverage' && r.org_unit === '220322' && r.area === 'total');
    expect(county?.value).toBeCloseTo((100 * meeting) / townships.length, 9);
  });

  it('prints the Chinese table with the synthetic-data notice', async () => {
    const table = await runCli(db, 'assess', '--year', '2024');
    expect(table.stdout).toContain('四平市(220300) 2024年');
    expect(table.stdout).toContain('新生儿死亡率');
    expect(table.stdout).toContain('达标率');
    expect(table.stdout).toContain('合成的演示数据');
  });

  it('writes CSV with a BOM for Excel', async () => {
    const result = await runCli(db, 'assess', '--year', '2024', '--format', 'csv', '--indicator', 'neonatal_mortality');
    expect(result.stdout.startsWith('\uFEFFindicator,indicator_name')).toBe(true);
  });

  it('refuses an unknown unit or indicator code with a Chinese message', async () => {
    expect((await runCli(db, 'assess', '--year', '2024', '--org', '999')).stderr).toContain('未知的单位代码“999”');
    expect((await runCli(db, 'assess', '--year', '2024', '--indicator', 'nope')).stderr).toContain('未知的指标代码“nope”');
    expect((await runCli(db, 'assess', '--year', 'abc')).stderr).toContain('年份“abc”无效');
  });
});

describe('the same data on both databases', () => {
  it('gives the same assessment on SQLite and PostgreSQL', () => {
    const [a, b] = [outputs.sqlite, outputs.postgres];
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
