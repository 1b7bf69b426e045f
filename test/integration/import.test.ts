import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';
import { runCli } from '../support/cli.js';
import { csv, writeText } from '../support/files.js';
import { query, snapshot } from '../support/snapshot.js';

const HEADER_ZH = ['指标代码', '单位代码', '年份', '性别', '城乡', '数值', '分子', '分母', '来源', '备注'];

describe.each(DIALECTS)('importing data values into %s', (dialect) => {
  const database = useDatabase(dialect);
  let db: string;
  beforeAll(() => {
    db = database.url;
  });

  it('imports a UTF-8 file with BOM and Chinese headers, computing values from numerator and denominator', async () => {
    const file = writeText(
      csv([
        HEADER_ZH,
        ['neonatal_mortality', '220302', 2023, '', '', '', 8, 2000, '卫健委', ''],
        ['neonatal_mortality', '220303', 2023, '', '', '', 12, 3000, '卫健委', ''],
        ['neonatal_mortality', '220322', 2023, '', '', '3.5', 14, 4000, '卫健委', '核实'],
        ['neonatal_mortality', '220323', 2023, '', '', '', 6, 2500, '卫健委', ''],
        ['neonatal_mortality', '220382', 2023, '', '', '', 10, 3500, '卫健委', ''],
      ]),
      { encoding: 'utf-8-bom' },
    );
    const result = await runCli(db, 'import', file, '--user', '张三');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('导入成功');
    expect(result.stdout).toContain('新增 5 条');
    const row = await query(db, (app) =>
      app.db
        .selectFrom('data_value')
        .selectAll()
        .where('org_unit_code', '=', '220302')
        .where('indicator_code', '=', 'neonatal_mortality')
        .executeTakeFirstOrThrow(),
    );
    expect(row.value).toBeCloseTo(4, 10);
    expect(row.created_by).toBe('张三');
    expect(row.source).toBe('卫健委');
  });

  it('rolls the county figures up to the city as the sum of numerators over the sum of denominators', async () => {
    const result = await runCli(db, 'assess', '--year', '2023', '--indicator', 'neonatal_mortality', '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const records = JSON.parse(result.stdout) as { org_unit: string; sex: string; area: string; value: number; origin: string }[];
    const city = records.find((r) => r.org_unit === '220300' && r.sex === 'total' && r.area === 'total');
    // (8 + 12 + 14 + 6 + 10) / (2000 + 3000 + 4000 + 2500 + 3500) × 1000 = 50 / 15000 × 1000
    expect(city?.value).toBeCloseTo(3.333333, 5);
    expect(city?.origin).toBe('aggregated');
  });

  it('reads a GBK file with tab separators, English headers and columns in another order', async () => {
    const text = [
      'year\tvalue\torg_unit\tindicator\tsex',
      '2023\t96.5\t220302\tnewborn_visit_rate\t合计',
      '2023\t95.1\t220303\tnewborn_visit_rate\t',
    ].join('\r\n');
    const file = writeText(`${text}\r\n`, { encoding: 'gbk' });
    const result = await runCli(db, 'import', file);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('GBK');
    expect(result.stdout).toContain('新增 2 条');
  });

  it('reads Excel "Unicode text" (UTF-16 with BOM, tab separated)', async () => {
    const file = writeText('指标代码\t单位代码\t年份\t数值\r\nnewborn_visit_rate\t220322\t2023\t94.2\r\n', { encoding: 'utf-16le-bom' });
    const result = await runCli(db, 'import', file);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('新增 1 条');
  });

  it('reads a GBK file whose first 64 KB are plain ASCII, switching encoding when the Chinese comes', async () => {
    // 300 distinct values with long ASCII notes (about 90 KB), then one row with a Chinese note.
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `under3_management_rate,220322,${2000 + (i % 100)},95,${['total', 'urban', 'rural'][Math.floor(i / 100)]},${'n'.repeat(280)}`,
    );
    const text = ['indicator,org_unit,year,value,area,note', ...rows, 'under3_management_rate,220323,2021,95,total,卫健委数据'].join(
      '\r\n',
    );
    expect(text.length).toBeGreaterThan(80_000);
    const result = await runCli(db, 'import', writeText(`${text}\r\n`, { encoding: 'gbk' }), '--check');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('编码 GBK/GB18030');
    expect(result.stdout).toContain('将新增 301 条');
  });

  it('reads a tab-separated file with old Mac line endings (CR only) and a semicolon-separated one', async () => {
    const tabbed = writeText('indicator\torg_unit\tyear\tvalue\tnote\rnewborn_visit_rate\t220382\t2019\t95\t据卫健委,妇幼,年报\r');
    const tab = await runCli(db, 'import', tabbed, '--check');
    expect(tab.code, tab.stdout).toBe(0);
    expect(tab.stdout).toContain('制表符分隔');
    const semicolons = writeText('indicator;org_unit;year;value\nnewborn_visit_rate;220382;2019;95\n');
    const semi = await runCli(db, 'import', semicolons, '--check');
    expect(semi.code, semi.stdout).toBe(0);
    expect(semi.stdout).toContain('分号分隔');
  });

  it('keeps tabs, backslashes, line breaks and quotes in a note exactly as written, and a user name with $&', async () => {
    const notes = [
      '据卫健委\t年报',
      'C:\\数据\\2021\\n.xlsx',
      '第一行\n第二行\r\n第三行',
      '引号"内"的文字',
      '\\N',
      '百分号 95% 与 $& 符号',
    ];
    const rows = notes.map((note, i) => ['newborn_visit_rate', '220303', 2010 + i, '', '', '90', '', '', '卫健委', note]);
    const quoted = (cell: string | number): string =>
      /[",\r\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell);
    const file = writeText(`${[HEADER_ZH, ...rows].map((r) => r.map(quoted).join(',')).join('\r\n')}\r\n`);
    const result = await runCli(db, 'import', file, '--user', '张$&三');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`新增 ${notes.length} 条`);
    const stored = await query(db, (app) =>
      app.db
        .selectFrom('data_value')
        .select(['year', 'note', 'created_by', 'updated_by'])
        .where('org_unit_code', '=', '220303')
        .where('indicator_code', '=', 'newborn_visit_rate')
        .where('year', '>=', 2010)
        .where('year', '<', 2010 + notes.length)
        .orderBy('year')
        .execute(),
    );
    expect(stored.map((r) => r.note)).toEqual(notes.map((n) => n.trim()));
    expect(new Set(stored.map((r) => `${r.created_by}|${r.updated_by}`))).toEqual(new Set(['张$&三|张$&三']));
  });

  it('replaces a re-imported value and keeps the old one in the history with who, when and why', async () => {
    const file = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ['newborn_visit_rate', '220302', 2023, '97.0'],
      ]),
    );
    const result = await runCli(db, 'import', file, '--user', '李四', '--reason', '卫健委更正');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('修改 1 条');
    const history = await runCli(db, 'history', '--indicator', 'newborn_visit_rate', '--org', '220302', '--year', '2023');
    expect(history.stdout).toContain('当前值: 97');
    expect(history.stdout).toMatch(/李四: 96\.5 → 97/);
    expect(history.stdout).toContain('卫健委更正');
  });

  it('leaves an identical re-import unchanged and writes no history for it', async () => {
    const file = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ['newborn_visit_rate', '220302', 2023, '97.0'],
      ]),
    );
    const before = await query(db, (app) => app.db.selectFrom('data_value_history').select('id').execute());
    const result = await runCli(db, 'import', file);
    expect(result.stdout).toContain('未变 1 条');
    const after = await query(db, (app) => app.db.selectFrom('data_value_history').select('id').execute());
    expect(after.length).toBe(before.length);
  });

  it('checks a file with --check without writing anything', async () => {
    const before = await snapshot(db);
    const file = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ['newborn_visit_rate', '220382', 2023, '93'],
      ]),
    );
    const result = await runCli(db, 'import', file, '--check');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('检查通过(未写入):将新增 1 条');
    expect(await snapshot(db)).toBe(before);
  });

  it('stores a village yes/no answer as a share and rolls it up to townships and the city', async () => {
    const file = writeText(
      csv([
        ['指标代码', '单位代码', '年份', '数值'],
        ['child_director_coverage', '220302001001', 2023, '是'],
        ['child_director_coverage', '220302001002', 2023, '否'],
      ]),
    );
    const result = await runCli(db, 'import', file);
    expect(result.code, result.stdout).toBe(0);
    const json = await runCli(
      db,
      'assess',
      '--year',
      '2023',
      '--indicator',
      'child_director_coverage',
      '--org',
      '220302001',
      '--format',
      'json',
    );
    const records = JSON.parse(json.stdout) as { area: string; value: number | null }[];
    expect(records.find((r) => r.area === 'total')?.value).toBe(50);
  });

  it('warns about a change of more than 50 % against the previous year without refusing the file', async () => {
    const file = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ['newborn_visit_rate', '220303', 2024, '40'],
      ]),
    );
    const result = await runCli(db, 'import', file);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/第2行: 220303 铁东区 2024年 “新生儿访视率” 数值 40 比 2023年\(95\.1\)下降 57\.9%,变化超过 50%/);
  });

  it('counts each year-on-year jump once, whether found in the file or against stored values', async () => {
    // More jumps than are listed (200), so that the count, not only the list, is checked.
    const villages = (await query(db, (app) => app.db.selectFrom('org_unit').select('code').where('level', '=', 'village').execute())).map(
      (v) => v.code,
    );
    const before = writeText(
      csv([['indicator', 'org_unit', 'year', 'value'], ...villages.map((v) => ['under7_management_rate', v, 2010, '50'])]),
    );
    expect((await runCli(db, 'import', before)).code).toBe(0);
    // 2011 jumps against the stored 2010, 2012 against 2011 in the same file: two per village.
    const after = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ...villages.flatMap((v) => [
          ['under7_management_rate', v, 2011, '90'],
          ['under7_management_rate', v, 2012, '20'],
        ]),
      ]),
    );
    const result = await runCli(db, 'import', after, '--check');
    expect(result.stdout).toContain(`提示 ${2 * villages.length} 条`);
  });

  it('warns when a parent reports a value more than 5 % away from the aggregate of its children', async () => {
    const file = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ['neonatal_mortality', '220300', 2023, '4.2'],
      ]),
    );
    const result = await runCli(db, 'import', file);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('本级填报 4.2,5 个下级单位汇总为 3.333');
  });
});
