import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readUploadedTable, UploadFileError, type UploadedTable } from './xlsxValues.js';
import { ENTRY_SHEET, type TemplateInput, writeTemplate } from './xlsxTemplate.js';

const HEADER = ['指标代码', '单位代码', '年份', '性别', '数值', '分子', '分母', '备注'];

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await readUploadedTable(name, bytes);
  } catch (error) {
    if (error instanceof UploadFileError) return error.message;
    throw error;
  }
  throw new Error('not refused');
}

const byRow = (table: UploadedTable, row: number) => table.rows.find((r) => r.row === row);

describe('readUploadedTable (Excel)', () => {
  it('reads a filled template back with the row of each value and the letters of its columns', async () => {
    const input: TemplateInput = {
      planName: '规划',
      department: { code: 'health', name: '卫生健康委员会' },
      year: 2025,
      orgUnits: [{ code: '220322', name: '梨树县' }],
      deadline: null,
      madeBy: 'lishu_health',
      madeAt: '2026-01-05T02:00:00.000Z',
      lines: [
        {
          indicator: {
            code: 'newborn_visit_rate',
            name: '新生儿访视率',
            unit: '%',
            bounded: true,
            hasFormula: true,
            numeratorLabel: '访视数',
            denominatorLabel: '活产数',
            factor: 100,
            targetText: '≥90%',
          },
          orgUnit: { code: '220322', name: '梨树县' },
          sex: 'female',
          area: 'urban',
          ageGroup: 'total',
          yesNo: false,
          lastYear: 95,
          current: null,
        },
      ],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeTemplate(input)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(ENTRY_SHEET);
    if (!sheet) throw new Error('no entry sheet');
    sheet.getCell('K2').value = 96.5;
    const table = await readUploadedTable('模板.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(table).toMatchObject({ kind: 'xlsx', sheet: ENTRY_SHEET, fileName: '模板.xlsx' });
    expect(table.columns).toMatchObject({ indicator: 1, org_unit: 3, year: 5, value: 11, numerator: 12, source: 14 });
    expect(table.ignored).toEqual(['指标名称', '单位名称', '计量单位', '上年数值']);
    expect(table.rows[0]).toEqual({
      row: 2,
      problems: [],
      cells: {
        indicator: 'newborn_visit_rate',
        org_unit: '220322',
        year: '2025',
        sex: '女',
        area: '城镇',
        age_group: '合计',
        value: '96.5',
        numerator: '',
        denominator: '',
        source: '',
        note: '',
      },
    });
    // The spare rows carry the year and 合计 only: read, left for the preview to pass over.
    expect(table.rows).toHaveLength(11);
  });

  it('reads numbers typed as text, cached formula results, “95%” typed into a cell, “—” and skips empty rows', async () => {
    const bytes = await workbook((book) => {
      const s = book.addWorksheet('数据');
      s.addRow(HEADER);
      s.addRow(['a', 220322, 2025, '合计', ' 96.5 ', null, null, null]);
      s.addRow([]);
      s.addRow([
        'b',
        '220322',
        '2025年',
        '男',
        { formula: 'F5/G5*100', result: 97.5 },
        195,
        200,
        { richText: [{ text: '核对' }, { text: '后' }] },
      ]);
      s.addRow(['c', '220322', 2025, '女', 0.955, null, null, null]);
      s.getCell('E5').numFmt = '0.0%';
      s.addRow(['d', '220322', 2025, '女', '—', '/', null, null]);
    });
    const table = await readUploadedTable('数据.xlsx', bytes);
    expect(table.rows.map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect(byRow(table, 2)?.cells).toMatchObject({ org_unit: '220322', year: '2025', value: '96.5' });
    expect(byRow(table, 4)?.cells).toMatchObject({ year: '2025年', value: '97.5', numerator: '195', note: '核对后' });
    expect(byRow(table, 5)?.cells.value).toBe('95.5%');
    expect(byRow(table, 6)?.cells).toMatchObject({ value: '—', numerator: '/' });
  });

  it('reports a formula without a result and an error value at their cells instead of reading them as empty', async () => {
    const bytes = await workbook((book) => {
      const s = book.addWorksheet('数据');
      s.addRow(HEADER);
      s.addRow(['a', '220322', 2025, '合计', { formula: 'F2/G2' }, null, null, null]);
      s.addRow(['b', '220322', 2025, '合计', { error: '#DIV/0!' }, null, null, null]);
    });
    const table = await readUploadedTable('数据.xlsx', bytes);
    expect(byRow(table, 2)?.problems).toEqual([{ column: 'value', message: expect.stringContaining('没有计算结果') }]);
    expect(byRow(table, 3)?.problems).toEqual([{ column: 'value', message: expect.stringContaining('#DIV/0!') }]);
  });

  it('finds the header under a title row, in English, on the sheet that has one', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('封面').addRow(['2025年数据']);
      const s = book.addWorksheet('Sheet2');
      s.addRow(['梨树县卫生健康委员会 2025 年数据']);
      s.addRow(['indicator', 'org_unit', 'year', 'value']);
      s.addRow(['a', '220322', 2025, 1]);
    });
    const table = await readUploadedTable('data.xlsx', bytes);
    expect(table.sheet).toBe('Sheet2');
    expect(table.rows).toEqual([
      expect.objectContaining({ row: 3, cells: { indicator: 'a', org_unit: '220322', year: '2025', value: '1' } }),
    ]);
  });

  it('reads a sheet with whole-column validation rules, which exceljs’s full reader never finishes', async () => {
    const bytes = await workbook((book) => {
      const s = book.addWorksheet('数据');
      s.addRow(HEADER);
      s.addRow(['a', '220322', 2025, '合计', 1, null, null, null]);
      // A whole column's rule, as Excel writes it when a column is selected; exceljs does not declare dataValidations.
      const rules = (s as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
      rules.add('E1:E1048576', { type: 'decimal', operator: 'greaterThan', formulae: [0] });
    });
    const started = Date.now();
    const table = await readUploadedTable('数据.xlsx', bytes);
    expect(table.rows).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a workbook without a recognisable header, naming the file and its sheets', async () => {
    const bytes = await workbook((book) => book.addWorksheet('汇总').addRow(['地区', '数量']));
    expect(await refusal('汇总.xlsx', bytes)).toBe(
      '文件“汇总.xlsx”的工作表(「汇总」)中没有找到可识别的表头:表头行应包含 指标代码、单位代码、年份,以及 数值(或 分子、分母)等列,中英文列名均可',
    );
  });

  it('refuses a text file renamed to .xlsx, a damaged workbook, an old .xls, a .txt and an empty file', async () => {
    expect(await refusal('数据.xlsx', Buffer.from('指标代码,单位代码\r\n'))).toContain('文件“数据.xlsx”的内容不是Excel 表格');
    const good = await workbook((book) => book.addWorksheet('数据').addRow(HEADER));
    const damaged = Buffer.from(good);
    damaged.fill(0x41, 100, 700);
    expect(await refusal('数据.xlsx', damaged)).toBe(
      '文件“数据.xlsx”无法作为 Excel 工作簿读取,文件可能已损坏或不是 .xlsx 格式;请用 Excel 或 WPS 打开后重新“另存为” .xlsx 再上传',
    );
    expect(await refusal('数据.xlsx', good.subarray(0, good.length - 200))).toContain('数据.xlsx');
    expect(await refusal('旧表.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toContain('旧版 Excel 格式(.xls)');
    expect(await refusal('数据.txt', Buffer.from('a,b'))).toBe(
      '文件“数据.txt”的类型(.txt)不能导入:只接受 Excel 工作簿(.xlsx)或 CSV 文件(.csv)',
    );
    expect(await refusal('数据.xlsx', Buffer.alloc(0))).toBe('文件“数据.xlsx”是空文件');
  });

  it('refuses more rows than a web upload takes', async () => {
    const bytes = await workbook((book) => {
      const s = book.addWorksheet('数据');
      s.addRow(HEADER);
      for (let i = 0; i < 6; i++) s.addRow(['a', '220322', 2025, '合计', i]);
    });
    await expect(readUploadedTable('数据.xlsx', bytes, 5)).rejects.toThrow('文件“数据.xlsx”的数据超过 5 行');
  });
});

describe('readUploadedTable (CSV)', () => {
  it('reads the long format in GBK with Chinese headers, with its line numbers', async () => {
    const text =
      '指标代码,单位代码,年份,性别,数值\r\nnewborn_visit_rate,220322,2025,男,96.1\r\n\r\nnewborn_visit_rate,220322,2025,女,97\r\n';
    const table = await readUploadedTable('梨树县.csv', iconv.encode(text, 'gbk'));
    expect(table).toMatchObject({ kind: 'csv', sheet: null, encoding: 'GBK/GB18030', columns: { indicator: 1, value: 5 } });
    expect(table.rows.map((r) => [r.row, r.cells.sex, r.cells.value])).toEqual([
      [2, '男', '96.1'],
      [4, '女', '97'],
    ]);
  });

  it('reads UTF-16 text saved by Excel (tab-separated) and English headers', async () => {
    const text = 'indicator\torg_unit\tyear\tvalue\r\na\t220322\t2025\t1\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const table = await readUploadedTable('data.csv', bytes);
    expect(table.rows[0]?.cells).toEqual({ indicator: 'a', org_unit: '220322', year: '2025', value: '1' });
  });

  it('refuses a CSV without the import’s header, or that is a workbook, naming the file', async () => {
    const noHeader = await refusal('名单.csv', Buffer.from('姓名,电话\r\n张三,123\r\n'));
    expect(noHeader).toContain('文件“名单.csv”的第一行中没有找到可识别的表头');
    const workbookBytes = await workbook((book) => book.addWorksheet('数据').addRow(HEADER));
    expect(await refusal('数据.csv', workbookBytes)).toContain('文件“数据.csv”');
    expect(await refusal('数据.csv', workbookBytes)).toContain('Excel 工作簿');
  });
});
