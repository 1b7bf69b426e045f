import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter } from './cellAddress.js';
import {
  EXTRA_ROWS,
  GUIDE_SHEET,
  ENTRY_SHEET,
  TEMPLATE_COLUMNS,
  templateFileName,
  type TemplateInput,
  writeTemplate,
} from './xlsxTemplate.js';

const rate = {
  code: 'newborn_visit_rate',
  name: '新生儿访视率',
  unit: '%',
  bounded: true,
  hasFormula: true,
  numeratorLabel: '接受访视的新生儿数',
  denominatorLabel: '活产数',
  factor: 100,
  targetText: '≥90%',
};
const yesNo = {
  code: 'village_child_director',
  name: '村(居)儿童主任配备情况',
  unit: '%',
  bounded: true,
  hasFormula: true,
  numeratorLabel: '配备儿童主任的村(居)数',
  denominatorLabel: '村(居)总数',
  factor: 100,
  targetText: '100%',
};

const input: TemplateInput = {
  planName: '四平市儿童发展规划(2021—2030年)',
  department: { code: 'health', name: '卫生健康委员会' },
  year: 2025,
  orgUnits: [{ code: '220322', name: '梨树县' }],
  deadline: '2026-03-31',
  madeBy: 'lishu_health',
  madeAt: '2026-01-05T02:00:00.000Z',
  lines: [
    {
      indicator: rate,
      orgUnit: { code: '220322', name: '梨树县' },
      sex: 'total',
      area: 'total',
      ageGroup: 'total',
      yesNo: false,
      lastYear: 95.2,
      current: { value: 96.5, numerator: 193, denominator: 200, source: '妇幼年报', note: null },
    },
    {
      indicator: rate,
      orgUnit: { code: '220322', name: '梨树县' },
      sex: 'male',
      area: 'rural',
      ageGroup: 'total',
      yesNo: false,
      lastYear: null,
      current: null,
    },
    {
      indicator: yesNo,
      orgUnit: { code: '220322100201', name: '某村' },
      sex: 'total',
      area: 'total',
      ageGroup: 'total',
      yesNo: true,
      lastYear: 100,
      current: { value: 0, numerator: 0, denominator: 1, source: null, note: '年内调整' },
    },
  ],
};

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const column = (header: string): string => columnLetter(TEMPLATE_COLUMNS.findIndex((c) => c.header === header) + 1);

describe('writeTemplate', () => {
  it('writes the entry sheet with the import’s headers in bold, frozen, with a filter', async () => {
    const book = await load(await writeTemplate(input));
    expect(book.worksheets.map((s) => s.name)).toEqual([ENTRY_SHEET, GUIDE_SHEET]);
    const sheet = book.getWorksheet(ENTRY_SHEET);
    if (!sheet) throw new Error('no entry sheet');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '指标代码',
      '指标名称',
      '单位代码',
      '单位名称',
      '年份',
      '性别',
      '城乡',
      '年龄组',
      '计量单位',
      '上年数值',
      '数值',
      '分子',
      '分母',
      '来源',
      '备注',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
  });

  it('pre-fills codes, names, last year and the stored values, one row per line plus spare rows', async () => {
    const sheet = (await load(await writeTemplate(input))).getWorksheet(ENTRY_SHEET);
    if (!sheet) throw new Error('no entry sheet');
    expect(sheet.rowCount).toBe(1 + input.lines.length + EXTRA_ROWS);
    const row = (n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2)).toEqual([
      'newborn_visit_rate',
      '新生儿访视率',
      '220322',
      '梨树县',
      2025,
      '合计',
      '合计',
      '合计',
      '%',
      95.2,
      96.5,
      193,
      200,
      '妇幼年报',
    ]);
    expect(row(3).slice(5, 7)).toEqual(['男', '农村']);
    expect(sheet.getCell(`${column('数值')}3`).value).toBeNull();
    // A yes/no unit is filled with 是/否, not 100/0.
    expect(sheet.getCell(`${column('上年数值')}4`).value).toBe('是');
    expect(sheet.getCell(`${column('数值')}4`).value).toBe('否');
    expect(sheet.getCell(`${column('备注')}4`).value).toBe('年内调整');
  });

  it('locks the code, name, year, sex, area, unit and last-year cells and leaves the numbers, source and note open', async () => {
    const sheet = (await load(await writeTemplate(input))).getWorksheet(ENTRY_SHEET);
    if (!sheet) throw new Error('no entry sheet');
    // exceljs keeps the protection it read but does not declare it.
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({
      sheet: true,
      autoFilter: true,
      sort: true,
      formatCells: true,
    });
    const locked = (ref: string): boolean => sheet.getCell(ref).protection?.locked !== false;
    for (const h of ['指标代码', '指标名称', '单位代码', '单位名称', '年份', '性别', '城乡', '年龄组', '计量单位', '上年数值']) {
      expect(locked(`${column(h)}2`), h).toBe(true);
    }
    for (const h of ['数值', '分子', '分母', '来源', '备注']) expect(locked(`${column(h)}2`), h).toBe(false);
    expect(locked('A1')).toBe(true);
    // A yes/no unit gives no numerator or denominator.
    expect(locked(`${column('分子')}4`)).toBe(true);
    // Spare rows are open for codes, closed for what is looked up from them.
    const spare = 1 + input.lines.length + 1;
    expect(locked(`A${spare}`)).toBe(false);
    expect(locked(`B${spare}`)).toBe(true);
  });

  it('offers dropdowns for sex, area and yes/no and checks numbers per cell', async () => {
    const sheet = (await load(await writeTemplate(input))).getWorksheet(ENTRY_SHEET);
    if (!sheet) throw new Error('no entry sheet');
    expect(sheet.getCell(`${column('性别')}2`).dataValidation).toMatchObject({ type: 'list', formulae: ['"合计,男,女"'] });
    expect(sheet.getCell(`${column('城乡')}2`).dataValidation).toMatchObject({ type: 'list', formulae: ['"合计,城镇,农村"'] });
    expect(sheet.getCell(`${column('数值')}2`).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(sheet.getCell(`${column('分母')}2`).dataValidation).toMatchObject({ type: 'decimal' });
    expect(sheet.getCell(`${column('数值')}4`).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const spare = 1 + input.lines.length + 1;
    expect(sheet.getCell(`${column('性别')}${spare}`).dataValidation).toMatchObject({ type: 'list' });
  });

  it('explains in Chinese what to fill, the numerator and denominator of each indicator, the deadline and the lock', async () => {
    const sheet = (await load(await writeTemplate(input))).getWorksheet(GUIDE_SHEET);
    if (!sheet) throw new Error('no guide sheet');
    const text: string[] = [];
    sheet.eachRow((row) => text.push((row.values as unknown[]).filter((v) => v !== null && v !== undefined).join(' ')));
    const all = text.join('\n');
    expect(all).toContain('卫生健康委员会(health)');
    expect(all).toContain('2025年');
    expect(all).toContain('梨树县(220322)');
    expect(all).toContain('2026-03-31');
    expect(all).toContain('接受访视的新生儿数');
    expect(all).toContain('活产数');
    expect(all).toContain('请勿修改指标代码');
    expect(all).toContain('工作表保护没有密码');
    expect(all).toContain('2026-01-05 10:00:00');
  });

  it('names the file after the year, the units and the department', () => {
    expect(templateFileName(input)).toBe('2025年_梨树县_卫生健康委员会_填报模板.xlsx');
    const many = { ...input, orgUnits: ['梨树县', '铁西区', '铁东区', '双辽市'].map((name, i) => ({ code: String(i), name })) };
    expect(templateFileName(many)).toBe('2025年_梨树县等4个单位_卫生健康委员会_填报模板.xlsx');
  });
});
