/**
 * The Excel template a department fills in: one row per value of its form for each unit asked
 * for, pre-filled with the stored values, the code columns locked, the numbers checked by Excel
 * while typing, and a sheet of instructions. Read back by xlsxValues.ts.
 */
import ExcelJS from 'exceljs';
import type { Area, Sex } from '../core/plan/types.js';
import { AREA_LABELS, SEX_LABELS } from '../core/phrasing/labels.js';
import { chinaDateTime } from '../core/time/chinaTime.js';
import { columnLetter } from './cellAddress.js';

export const ENTRY_SHEET = '填报表';
export const GUIDE_SHEET = '说明';

/** The entry sheet's columns, in order; the header names are those the import reads (columns.ts). */
export const TEMPLATE_COLUMNS = [
  { header: '指标代码', width: 30 },
  { header: '指标名称', width: 36 },
  { header: '单位代码', width: 11 },
  { header: '单位名称', width: 14 },
  { header: '年份', width: 7 },
  { header: '性别', width: 7 },
  { header: '城乡', width: 7 },
  { header: '年龄组', width: 8 },
  { header: '计量单位', width: 9 },
  { header: '上年数值', width: 10 },
  { header: '数值', width: 12 },
  { header: '分子', width: 12 },
  { header: '分母', width: 12 },
  { header: '来源', width: 18 },
  { header: '备注', width: 24 },
] as const;

type Header = (typeof TEMPLATE_COLUMNS)[number]['header'];

/** 1-based column number of a header in the entry sheet. */
export function templateColumn(header: Header): number {
  return TEMPLATE_COLUMNS.findIndex((c) => c.header === header) + 1;
}

/** Blank rows after the form's lines, for values of another group (sex, urban/rural, age). */
export const EXTRA_ROWS = 10;

/**
 * The sheets are protected so that the code columns are not changed by accident; without a
 * password, so that a clerk who must can lift it (审阅 → 撤销工作表保护), as the instructions say.
 */
export const SHEET_PASSWORD = '';

/** The largest number Excel lets be typed into a count (numerator, denominator, value). */
const MAX_NUMBER = 1e12;

export interface TemplateIndicator {
  code: string;
  name: string;
  unit: string;
  /** A percentage that cannot exceed 100. */
  bounded: boolean;
  hasFormula: boolean;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  factor: number;
  targetText: string;
}

export interface TemplateLine {
  indicator: TemplateIndicator;
  orgUnit: { code: string; name: string };
  sex: Sex;
  area: Area;
  ageGroup: string;
  /** This unit reports the indicator as yes or no (是/否). */
  yesNo: boolean;
  lastYear: number | null;
  current: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    source: string | null;
    note: string | null;
  } | null;
}

export interface TemplateInput {
  planName: string;
  department: { code: string; name: string };
  year: number;
  orgUnits: { code: string; name: string }[];
  deadline: string | null;
  madeBy: string;
  /** ISO timestamp. */
  madeAt: string;
  lines: TemplateLine[];
}

/** The file name the browser saves, e.g. 2025年_梨树县_卫生健康委员会_填报模板.xlsx. */
export function templateFileName(input: Pick<TemplateInput, 'year' | 'orgUnits' | 'department'>): string {
  const units =
    input.orgUnits.length <= 3
      ? input.orgUnits.map((o) => o.name).join('、')
      : `${input.orgUnits[0]?.name ?? ''}等${input.orgUnits.length}个单位`;
  return `${input.year}年_${units}_${input.department.name}_填报模板.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFDE7' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  diagonal: {},
};

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: true,
  insertRows: false,
  deleteRows: false,
};

const SEX_CHOICES = ['合计', '男', '女'];
const AREA_CHOICES = ['合计', '城镇', '农村'];
const YES_NO_CHOICES = ['是', '否'];

const list = (choices: string[], title: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${choices.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: title,
  error: `请从下拉列表中选择:${choices.join('、')}`,
});

const nonNegative = (title: string, max: number): ExcelJS.DataValidation => ({
  type: 'decimal',
  operator: 'between',
  allowBlank: true,
  formulae: [0, max],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: title,
  error: max === 100 ? '请填写 0 到 100 之间的数字(百分比不超过 100,不要输入 % 号)' : '请填写不小于 0 的数字',
});

/** The workbook as bytes. */
export async function writeTemplate(input: TemplateInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = input.madeBy;
  book.created = new Date(input.madeAt);
  book.title = `${input.year}年 ${input.department.name} 填报模板`;
  await writeEntrySheet(book, input);
  await writeGuideSheet(book, input);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function writeEntrySheet(book: ExcelJS.Workbook, input: TemplateInput): Promise<void> {
  const sheet = book.addWorksheet(ENTRY_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: `${columnLetter(templateColumn('数值'))}2` }],
    properties: { defaultRowHeight: 18 },
  });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });

  for (const line of input.lines) writeLine(sheet, input.year, line);
  for (let i = 0; i < EXTRA_ROWS; i++) writeExtraRow(sheet, input.year);

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rowCount, column: TEMPLATE_COLUMNS.length } };
  await sheet.protect(SHEET_PASSWORD, PROTECTION);
}

const INPUT_HEADERS: Header[] = ['数值', '分子', '分母', '来源', '备注'];

function writeLine(sheet: ExcelJS.Worksheet, year: number, line: TemplateLine): void {
  const i = line.indicator;
  const cur = line.current;
  const yesNoText = (v: number | null): string | null => (v === null ? null : v > 0 ? '是' : '否');
  const row = sheet.addRow([
    i.code,
    i.name,
    line.orgUnit.code,
    line.orgUnit.name,
    year,
    SEX_LABELS[line.sex],
    AREA_LABELS[line.area],
    line.ageGroup === 'total' ? '合计' : line.ageGroup,
    i.unit,
    line.yesNo ? yesNoText(line.lastYear) : line.lastYear,
    line.yesNo ? yesNoText(cur?.value ?? null) : (cur?.value ?? null),
    line.yesNo ? null : (cur?.numerator ?? null),
    line.yesNo ? null : (cur?.denominator ?? null),
    cur?.source ?? null,
    cur?.note ?? null,
  ]);
  // A yes/no unit gives no ratio, and an indicator without a formula has none to give.
  const ratio = !line.yesNo && i.hasFormula;
  for (let column = 1; column <= TEMPLATE_COLUMNS.length; column++) {
    const cell = row.getCell(column);
    const name = TEMPLATE_COLUMNS[column - 1]?.header;
    const open = name !== undefined && INPUT_HEADERS.includes(name) && (ratio || (name !== '分子' && name !== '分母'));
    cell.border = THIN;
    cell.fill = open ? INPUT_FILL : LOCKED_FILL;
    cell.protection = { locked: !open };
    if (name === '性别') cell.dataValidation = list(SEX_CHOICES, '性别');
    else if (name === '城乡') cell.dataValidation = list(AREA_CHOICES, '城乡');
    else if (name === '数值') {
      cell.dataValidation = line.yesNo ? list(YES_NO_CHOICES, '是/否') : nonNegative('数值', i.bounded ? 100 : MAX_NUMBER);
    } else if (open && (name === '分子' || name === '分母')) cell.dataValidation = nonNegative(name, MAX_NUMBER);
  }
}

function writeExtraRow(sheet: ExcelJS.Worksheet, year: number): void {
  const row = sheet.addRow([null, null, null, null, year, '合计', '合计', '合计']);
  for (let column = 1; column <= TEMPLATE_COLUMNS.length; column++) {
    const cell = row.getCell(column);
    const name = TEMPLATE_COLUMNS[column - 1]?.header;
    // The names, the unit and last year are looked up from the codes: nothing to type there.
    const open = !(name === '指标名称' || name === '单位名称' || name === '计量单位' || name === '上年数值');
    cell.border = THIN;
    cell.fill = open ? INPUT_FILL : LOCKED_FILL;
    cell.protection = { locked: !open };
    if (name === '性别') cell.dataValidation = list(SEX_CHOICES, '性别');
    else if (name === '城乡') cell.dataValidation = list(AREA_CHOICES, '城乡');
    else if (name === '数值' || name === '分子' || name === '分母') cell.dataValidation = nonNegative(name, MAX_NUMBER);
  }
}

async function writeGuideSheet(book: ExcelJS.Workbook, input: TemplateInput): Promise<void> {
  const sheet = book.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 30 }, { width: 36 }, { width: 10 }, { width: 16 }, { width: 30 }, { width: 30 }, { width: 8 }];
  const title = sheet.addRow([`${input.planName}监测数据填报模板`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const facts: [string, string][] = [
    ['填报单位(成员单位)', `${input.department.name}(${input.department.code})`],
    ['年度', `${input.year}年`],
    ['填报地区', input.orgUnits.map((o) => `${o.name}(${o.code})`).join('、')],
    ['填报截止日期', input.deadline ?? '未设定'],
    ['模板生成时间', `${chinaDateTime(input.madeAt)}(北京时间)`],
    ['模板生成人', input.madeBy],
  ];
  for (const [k, v] of facts) {
    const row = sheet.addRow([k, v]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['填写说明']).font = { bold: true, size: 12 };
  const steps = [
    `在「${ENTRY_SHEET}」中,每一行是一个需要填报的数值(一个指标 × 一个单位 × 性别/城乡分组)。只在黄色单元格(数值、分子、分母、来源、备注)中填写。`,
    '「数值」按「计量单位」列的单位填写数字:单位为 % 的填 95.5,不要填 0.955,也不要输入 % 号;单位为 ‰、1/10万 的同样只填数字。百分比类指标不能超过 100。',
    '有计算公式的指标(见下表)可同时填写「分子」「分母」:系统按 分子 ÷ 分母 × 系数 核对「数值」(允许误差 0.5%);只填分子和分母、不填数值时,由系统计算数值。分子和分母须同时填写,分母不能为 0。',
    '由村(居)或乡镇一级报告“是/否”的指标,在「数值」列下拉选择“是”或“否”。',
    '没有数据的行请留空(或填“—”“/”):这样的行不导入,也不会删除系统中已有的数据。',
    '「上年数值」是系统中上一年度的数据,仅供参考,不会导入。表中已填的数值、分子、分母、来源、备注是系统中本年度的现有数据,修改后上传即更正。',
    '请勿修改指标代码、单位代码、年份、性别、城乡、年龄组列(灰色,已锁定),也不要插入或删除行:系统按代码识别每一个数值,名称只供阅读。',
    `表末的 ${EXTRA_ROWS} 个空白行可补充表中没有的分组(如其他年龄组):须填写指标代码、单位代码、年份,性别和城乡从下拉列表选择。`,
    `工作表保护没有密码${SHEET_PASSWORD === '' ? '' : `(密码:${SHEET_PASSWORD})`},可以使用筛选和调整格式;如确需撤销保护(审阅 → 撤销工作表保护),请不要改动代码列。`,
    '填好后保存为 .xlsx 格式(不要另存为 .xls),在系统的“Excel 导入”页面上传:系统先显示将新增、修改和不变的数据,以及每一处错误所在的单元格(如「填报表」第 12 行 K 列);确认后一次保存全部数据,有任何错误时不保存任何数据。每次修改都保留历史记录。',
    `请在截止日期${input.deadline ? `(${input.deadline})` : ''}前填报并提交。数据提交后(已提交、已审核、已批准)即锁定,不能再上传修改,须先由审核人退回。`,
  ];
  steps.forEach((text, n) => {
    const row = sheet.addRow([`${n + 1}. ${text}`]);
    sheet.mergeCells(row.number, 1, row.number, 7);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(18, Math.ceil(text.length / 70) * 16);
  });
  sheet.addRow([]);
  sheet.addRow(['指标说明']).font = { bold: true, size: 12 };
  const head = sheet.addRow(['指标代码', '指标名称', '计量单位', '目标', '分子(含义)', '分母(含义)', '系数']);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  const seen = new Set<string>();
  for (const { indicator: i } of input.lines) {
    if (seen.has(i.code)) continue;
    seen.add(i.code);
    const row = sheet.addRow([
      i.code,
      i.name,
      i.unit,
      i.targetText,
      i.hasFormula ? (i.numeratorLabel ?? '') : '—(直接填写数值)',
      i.hasFormula ? (i.denominatorLabel ?? '') : '—',
      i.hasFormula ? i.factor : null,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
    });
  }
  await sheet.protect(SHEET_PASSWORD, PROTECTION);
}
