import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';
import { runCli } from '../support/cli.js';
import { csv, writeBytes, writeText } from '../support/files.js';
import { query, snapshot } from '../support/snapshot.js';
import { requirePlan } from '../../src/app/context.js';
import { importValues } from '../../src/io/valueImporter.js';

const HEADER = ['indicator', 'org_unit', 'year', 'value', 'numerator', 'denominator', 'sex', 'area'];
const good = ['newborn_visit_rate', '220302', '2022', '95', '', '', '', ''];

function file(...rows: string[][]): string {
  return writeText(csv([HEADER, ...rows]));
}

/** Each case: a file and the text its error must contain. */
const cases: { name: string; make: () => string; expected: RegExp }[] = [
  {
    name: 'an unknown indicator code',
    make: () => file(good, ['no_such_indicator', '220302', '2022', '1', '', '', '', '']),
    expected: /第3行 第1列\(A列“indicator”\): 未知的指标代码“no_such_indicator”/,
  },
  {
    name: 'an unknown org unit code',
    make: () => file(['newborn_visit_rate', '999999', '2022', '95', '', '', '', '']),
    expected: /第2行 第2列\(B列“org_unit”\): 未知的单位代码“999999”/,
  },
  {
    name: 'a year outside 2000–2100',
    make: () => file(['newborn_visit_rate', '220302', '1999', '95', '', '', '', '']),
    expected: /第2行 第3列\(C列“year”\): 年份 1999 超出范围\(2000–2100\)/,
  },
  {
    name: 'text in a number cell',
    make: () => file(['newborn_visit_rate', '220302', '2022', '九十五', '', '', '', '']),
    expected: /第2行 第4列\(D列“value”\): 数值“九十五”不是数字/,
  },
  {
    name: 'a negative value',
    make: () => file(['newborn_visit_rate', '220302', '2022', '-3', '', '', '', '']),
    expected: /数值不能为负数\(-3\)/,
  },
  {
    name: 'a bounded percentage above 100',
    make: () => file(['newborn_visit_rate', '220302', '2022', '101', '', '', '', '']),
    expected: /“新生儿访视率”是百分比,不能超过 100\(当前为 101\)/,
  },
  {
    name: 'a numerator above the denominator of a rate',
    make: () => file(['neonatal_mortality', '220302', '2022', '', '30', '20', '', '']),
    expected: /第2行 第5列\(E列“numerator”\): 分子\(30\)大于分母\(20\)/,
  },
  {
    name: 'a value that disagrees with numerator and denominator',
    make: () => file(['neonatal_mortality', '220302', '2022', '5', '8', '2000', '', '']),
    expected: /数值 5 与 分子\/分母×1000 = 4 不一致\(允许误差 0\.5%\)/,
  },
  {
    name: 'a zero denominator',
    make: () => file(['neonatal_mortality', '220302', '2022', '', '0', '0', '', '']),
    expected: /分母不能为 0/,
  },
  {
    name: 'a numerator without a denominator',
    make: () => file(['neonatal_mortality', '220302', '2022', '', '8', '', '', '']),
    expected: /分子和分母须同时填写/,
  },
  {
    name: 'an unknown sex',
    make: () => file(['newborn_visit_rate', '220302', '2022', '95', '', '', '未知', '']),
    expected: /第2行 第7列\(G列“sex”\): 性别“未知”无法识别/,
  },
  {
    name: 'a duplicate row',
    make: () => file(good, ['newborn_visit_rate', '220302', '2022', '96', '', '', '合计', '']),
    expected: /第3行: 与第2行重复/,
  },
  {
    name: 'a coverage indicator imported directly',
    make: () => file(['immunization_township_coverage', '220302', '2022', '100', '', '', '', '']),
    expected: /由下级单位数据计算得出,不能直接导入/,
  },
  {
    name: 'a village answering a yes/no indicator with a number',
    make: () => file(['child_director_coverage', '220302001001', '2022', '80', '', '', '', '']),
    expected: /在村\(居\)一级填写“是”或“否”/,
  },
  {
    name: 'a row with more cells than the header',
    make: () => writeText('indicator,org_unit,year,value\nnewborn_visit_rate,220302,2022,95,5\n'),
    expected: /第2行 第5列\(E列\): 本行有 5 列,多于表头的 4 列/,
  },
  {
    name: 'a missing required column',
    make: () => writeText('indicator,year,value\nnewborn_visit_rate,2022,95\n'),
    expected: /缺少必需的列“单位代码”\(org_unit\)/,
  },
  { name: 'an unrecognisable header (wrong encoding)', make: () => writeText('abc,def\n1,2\n'), expected: /无法识别表头/ },
  { name: 'an empty file', make: () => writeText(''), expected: /文件为空/ },
  { name: 'a header without data rows', make: () => writeText('指标代码,单位代码,年份,数值\r\n'), expected: /文件只有表头,没有数据行/ },
  {
    name: 'broken quotes',
    make: () => writeText('indicator,org_unit,year,value,note\nnewborn_visit_rate,220302,2022,95,"未闭合\n'),
    expected: /第2行: 引号没有闭合/,
  },
  {
    name: 'a stray quote inside a cell',
    make: () => writeText('indicator,org_unit,year,value,note\nnewborn_visit_rate,220302,2022,95,"a"b\n'),
    expected: /第2行: 引号使用错误/,
  },
  {
    name: 'a quote in the middle of an unquoted cell',
    make: () => writeText('indicator,org_unit,year,value,note\nnewborn_visit_rate,220302,2022,95,ab"c"d\n'),
    expected: /第2行: 引号使用错误\(单元格中间出现了 "/,
  },
  {
    name: 'an unclosed quote on the second of many lines',
    make: () =>
      writeText(
        `indicator,org_unit,year,value,note\nnewborn_visit_rate,220302,2022,95,"未闭合\n${'newborn_visit_rate,220303,2021,95,x\n'.repeat(100)}`,
      ),
    expected: /第2行: 引号没有闭合/,
  },
  {
    name: 'GBK bytes in the middle of a UTF-8 file with a BOM',
    make: () =>
      writeBytes(
        Buffer.concat([
          Buffer.from('\uFEFFindicator,org_unit,year,value,note\nnewborn_visit_rate,220302,2022,95,好\n'),
          Buffer.from([0x6e, 0x65, 0x77, 0x2c, 0xd6, 0xd0, 0x0a]),
        ]),
      ),
    expected: /第3行: 文件不是有效的 UTF-8 编码/,
  },
  {
    name: 'a 10 MB single line',
    make: () => writeText(`indicator,org_unit,year,value\n${'x'.repeat(10 * 1024 * 1024)}\n`),
    expected: /第2行: 一行过长/,
  },
  {
    name: 'an Excel workbook given as CSV',
    make: () => writeBytes(Buffer.from('PK\u0003\u0004rest-of-zip'), 'book.csv'),
    expected: /这是一个 Excel 工作簿\(\.xlsx\)/,
  },
  {
    name: 'invalid UTF-8 bytes after a valid UTF-8 start',
    make: () =>
      writeBytes(
        Buffer.concat([
          Buffer.from(
            `indicator,org_unit,year,value,note\n${Array.from({ length: 3000 }, (_, i) => `newborn_visit_rate,220302,${2000 + (i % 100)},95,备注${i}\n`).join('')}`,
          ),
          Buffer.from([0xd6, 0xd0, 0x0a]),
        ]),
      ),
    expected: /文件不是有效的 UTF-8 编码/,
  },
];

describe.each(DIALECTS)('refusing bad import files on %s', (dialect) => {
  const database = useDatabase(dialect);
  let db: string;

  beforeAll(async () => {
    db = database.url;
    const seed = await runCli(db, 'import', writeText(csv([HEADER, ['newborn_visit_rate', '220303', '2022', '94', '', '', '', '']])));
    expect(seed.code, seed.stdout).toBe(0);
  });

  it.each(cases)('refuses $name with a Chinese message naming the place, and changes nothing', async ({ make, expected }) => {
    const before = await snapshot(db);
    const result = await runCli(db, 'import', make());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(expected);
    expect(result.stdout).toContain('本次导入未写入任何数据');
    expect(await snapshot(db)).toBe(before);
  });

  it('lists every error of a file, not only the first', async () => {
    const result = await runCli(
      db,
      'import',
      file(
        ['bad1', '220302', '2022', '1', '', '', '', ''],
        ['newborn_visit_rate', 'bad2', '2022', '1', '', '', '', ''],
        ['newborn_visit_rate', '220302', 'x', '1', '', '', '', ''],
      ),
    );
    expect(result.stdout).toContain('发现 3 处错误');
    expect(result.stdout).toMatch(/第2行.*bad1[\s\S]*第3行.*bad2[\s\S]*第4行.*“x”不是四位数的年份/);
  });

  it('rolls back batches already written when the last row of a long file is wrong', async () => {
    const before = await snapshot(db);
    // 300 distinct values (100 years × 3 areas), written in batches of 50 before the bad row is read.
    const rows = Array.from({ length: 300 }, (_, i) => [
      'newborn_visit_rate',
      '220382',
      String(2000 + (i % 100)),
      '95',
      '',
      '',
      '',
      ['total', 'urban', 'rural'][Math.floor(i / 100)] ?? '',
    ]);
    const path = file(...rows, ['newborn_visit_rate', '220382', '2001', 'bad', '', '', '', '']);
    const report = await query(db, async (app) =>
      importValues(app.db, await requirePlan(app.db), { path, checkOnly: false, who: 'test', batchSize: 50 }),
    );
    expect(report.committed).toBe(false);
    expect(report.errors.map((e) => e.line)).toEqual([302]);
    expect(await snapshot(db)).toBe(before);
  });
});
