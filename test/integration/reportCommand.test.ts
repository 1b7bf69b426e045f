import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';
import { openWorkbook, rowTexts, sheetOf } from '../reports/workbook.js';
import { zipEntries } from '../support/zipEntries.js';

describe.each(DIALECTS)('childplan report on %s', (dialect) => {
  const database = useDatabase(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'childplan-report-'));
  const out = (name: string) => join(dir, name);
  const report = (...args: string[]) => runCli(database.url, 'report', ...args);

  beforeAll(async () => {
    const demo = await runCli(database.url, 'demo');
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the city's annual report as Word, HTML and Excel, marked 草稿 as the data is not all approved", async () => {
    const title = '四平市儿童发展规划(2021-2030年)2024年统计监测报告';
    for (const format of ['docx', 'html', 'xlsx']) {
      const res = await report('annual', '--year', '2024', '--format', format, '--out', out(`annual.${format}`));
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`已生成四平市2024年年度监测统计报告(${format})`);
      expect(res.stdout).toContain('草稿');
    }
    const document =
      zipEntries(readFileSync(out('annual.docx')))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    expect(document).toContain(title);
    expect(document).toContain('一、儿童与健康');
    const html = readFileSync(out('annual.html'), 'utf8');
    expect(html).toContain(title);
    expect(html).toContain('草稿');
    const book = await openWorkbook(readFileSync(out('annual.xlsx')));
    expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['概况', '一、儿童与健康']);
    expect(sheetOf(book, '概况').headerFooter.oddHeader).toContain('草稿');
  });

  it("writes a county's annual report from approved data only, without the 草稿 mark, the format taken from the file name", async () => {
    const res = await report('annual', '--year', '2024', '--org', '220322', '--data', 'approved', '--out', out('梨树县.html'));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).not.toContain('草稿');
    const html = readFileSync(out('梨树县.html'), 'utf8');
    expect(html).toContain('梨树县');
  });

  it('writes the mid-term and final evaluations for 2025 and 2030 without being told the year, and the county comparison', async () => {
    const midterm = await report('midterm', '--out', out('中期.docx'));
    expect(midterm.code, midterm.stderr).toBe(0);
    expect(midterm.stdout).toContain('已生成四平市2025年中期评估报告(docx)');
    expect(
      zipEntries(readFileSync(out('中期.docx')))
        .get('word/document.xml')
        ?.toString('utf8'),
    ).toContain('2020');
    const final = await report('final', '--format', 'html', '--out', out('终期.html'));
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toContain('已生成四平市2030年终期评估报告(html)');
    const counties = await report('counties', '--year', '2024', '--out', out('县区.xlsx'));
    expect(counties.code, counties.stderr).toBe(0);
    const text = (await openWorkbook(readFileSync(out('县区.xlsx')))).worksheets.flatMap((s) => rowTexts(s)).join('\n');
    for (const county of ['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市']) expect(text).toContain(county);
  });

  it('refuses a county comparison of a county, which has no counties, and writes no file', async () => {
    const res = await report('counties', '--year', '2024', '--org', '220322', '--out', out('梨树县比较.docx'));
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('梨树县没有下辖的县(市、区)');
    expect(existsSync(out('梨树县比较.docx'))).toBe(false);
  });

  it('writes the statistical tables of the city as a workbook, marked 草稿 when unapproved data is included', async () => {
    const res = await report('tables', '--year', '2024', '--out', out('统计资料.xlsx'));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('已生成四平市2024年统计资料(xlsx)');
    expect(res.stdout).toContain('草稿');
    expect(res.stderr).toContain('合成的演示数据');
    const book = await openWorkbook(readFileSync(out('统计资料.xlsx')));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '说明',
      '一、儿童与健康',
      '二、儿童与安全',
      '三、儿童与教育',
      '四、儿童与福利',
      '五、儿童与家庭',
      '六、儿童与环境',
      '七、儿童与法律保护',
    ]);
    const health = sheetOf(book, '一、儿童与健康');
    expect(health.headerFooter.oddHeader).toContain('草稿');
    expect(rowTexts(health)).toContain('指标|计量单位|规划目标|地区|分组|2020年|2021年|2022年|2023年|2024年');
  });

  it('writes approved data only when asked, without the 草稿 mark', async () => {
    const res = await report('tables', '--year', '2024', '--org', '220322', '--data', 'approved', '--townships', '--out', out('梨树.xlsx'));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).not.toContain('草稿');
    const book = await openWorkbook(readFileSync(out('梨树.xlsx')));
    const health = sheetOf(book, '一、儿童与健康');
    expect(health.headerFooter.oddHeader).not.toContain('草稿');
    expect(rowTexts(health)[0]).toBe('梨树县儿童发展统计资料(2020—2024年)');
    expect(rowTexts(health).some((t) => t.startsWith('梨树镇|合计|'))).toBe(true);
  });

  it('refuses an unknown unit in Chinese and writes no file', async () => {
    const res = await report('tables', '--year', '2024', '--org', '229999', '--out', out('unknown.xlsx'));
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('单位代码“229999”不存在');
    expect(existsSync(out('unknown.xlsx'))).toBe(false);
  });

  it('refuses a format it does not write, and one the file name contradicts', async () => {
    const bad = await report('annual', '--year', '2024', '--format', 'pdf', '--out', out('a.pdf'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('输出格式“pdf”无效(应为 docx、html 或 xlsx)');
    const mismatch = await report('annual', '--year', '2024', '--format', 'docx', '--out', out('a.html'));
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('扩展名与格式 docx 不符');
    const unknown = await report('annual', '--year', '2024', '--out', out('a.txt'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('请用 --format 指定');
    const tablesAsWord = await report('tables', '--year', '2024', '--out', out('t.docx'));
    expect(tablesAsWord.code).toBe(1);
    expect(tablesAsWord.stderr).toContain('统计资料只能生成 xlsx 格式');
    expect(readdirSync(dir).filter((f) => /^(a|t)\./.test(f))).toEqual([]);
  });

  it('refuses a folder that does not exist, a folder as the file, and a year outside the plan', async () => {
    const noFolder = await report('tables', '--year', '2024', '--out', join(dir, 'missing', 't.xlsx'));
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain('输出文件夹');
    expect(noFolder.stderr).toContain('不存在');
    const folder = await report('tables', '--year', '2024', '--format', 'xlsx', '--out', dir);
    expect(folder.code).toBe(1);
    const year = await report('tables', '--year', '2031', '--out', out('y.xlsx'));
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('年份须在 2020–2030 之间');
    expect(existsSync(out('y.xlsx'))).toBe(false);
  });

  it('refuses an unknown data choice', async () => {
    const res = await report('tables', '--year', '2024', '--data', 'mine', '--out', out('d.xlsx'));
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('数据范围“mine”无效');
  });
});
