/**
 * An uploaded table of values read into rows of cells, each row with the place it came from
 * (sheet, row, column letter) so that errors can name the cell: an Excel workbook (the template
 * of xlsxTemplate.ts or any sheet with the import's header) or the long CSV format of the
 * command-line import. Checking the cells is left to the import's row rules.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkFileType, cleanFileName, extensionOf } from '../core/validate/fileType.js';
import { type Column, type HeaderMap, mapHeader } from '../core/validate/columns.js';
import type { Cells } from '../core/validate/rowRules.js';
import { columnLetter } from './cellAddress.js';
import { type CsvFileInfo, CsvFileError, readCsvRecords } from './csvRecords.js';
import { ENCODING_LABELS } from './textDecoding.js';
import { ENTRY_SHEET } from './xlsxTemplate.js';
import { checkZip } from './zipIntegrity.js';

/** More rows than a web upload takes: such files go through the command-line import. */
export const MAX_UPLOAD_ROWS = 20_000;
/** Unpacked, a workbook's parts may be at most this large (a 20 MB upload of values unpacks to far less). */
export const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
/** The header must be within the first rows of a sheet (a title row or two may come before it). */
const HEADER_SEARCH_ROWS = 10;

export interface TableRow {
  /** The row of the sheet, or the line of the CSV file, 1-based. */
  row: number;
  cells: Cells;
  /** Cells whose content is not what was typed: a formula without a result, an error value (#DIV/0!). */
  problems: { column: Column; message: string }[];
}

export interface UploadedTable {
  kind: 'xlsx' | 'csv';
  fileName: string;
  /** The sheet read; null for a CSV file. */
  sheet: string | null;
  /** The 1-based column of each column the header names. */
  columns: Partial<Record<Column, number>>;
  /** Header cells that name no column: ignored (names, units, last year's value). */
  ignored: string[];
  /** Rows with something in a column that is read, in file order. */
  rows: TableRow[];
  /** For a CSV file, the encoding it was read in (e.g. GBK/GB18030). */
  encoding: string | null;
}

/** The file cannot be read as a table of values; the message, in Chinese, names the file. */
export class UploadFileError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Where a column of a table is, as people say it: “K”. */
export function letterOf(table: UploadedTable, column: Column): string | null {
  const n = table.columns[column];
  return n === undefined ? null : columnLetter(n);
}

export async function readUploadedTable(rawName: string, bytes: Uint8Array, maxRows = MAX_UPLOAD_ROWS): Promise<UploadedTable> {
  const fileName = cleanFileName(rawName) || '(无文件名)';
  const ext = extensionOf(fileName);
  if (bytes.length === 0) throw new UploadFileError(`文件“${fileName}”是空文件`);
  if (ext === 'xlsx') {
    const check = checkFileType(fileName, bytes, ['xlsx']);
    if (!check.ok) throw new UploadFileError(check.reason);
    return readWorkbook(fileName, bytes, maxRows);
  }
  if (ext === 'csv') return readCsv(fileName, bytes, maxRows);
  if (ext === 'xls' || ext === 'et') {
    throw new UploadFileError(`文件“${fileName}”是旧版 Excel 格式(.${ext}),请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传`);
  }
  throw new UploadFileError(
    `文件“${fileName}”${ext ? `的类型(.${ext})` : '没有扩展名,'}不能导入:只接受 Excel 工作簿(.xlsx)或 CSV 文件(.csv)`,
  );
}

interface FoundHeader {
  map: HeaderMap;
  cells: string[];
}

/** The header of a row: its cells' text by 0-based column, when they name the import's columns. */
function headerOf(cells: string[]): FoundHeader | null {
  if (cells.every((c) => c === '')) return null;
  const { map, problems } = mapHeader(cells);
  return problems.length === 0 ? { map, cells } : null;
}

function tableColumns(map: HeaderMap): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  for (const [column, index] of Object.entries(map.index) as [Column, number][]) out[column] = index + 1;
  return out;
}

function tooMany(fileName: string, maxRows: number): UploadFileError {
  return new UploadFileError(`文件“${fileName}”的数据超过 ${maxRows} 行,请分成几个文件上传,或由监测组使用命令行导入`);
}

function noHeader(fileName: string, where: string, details: string[]): UploadFileError {
  return new UploadFileError(
    `文件“${fileName}”${where}中没有找到可识别的表头:表头行应包含 指标代码、单位代码、年份,以及 数值(或 分子、分母)等列,中英文列名均可`,
    details,
  );
}

// ---------------------------------------------------------------- Excel

interface SheetRead {
  name: string;
  header: FoundHeader;
  rows: TableRow[];
}

const DAMAGED = (fileName: string): string =>
  `文件“${fileName}”无法作为 Excel 工作簿读取,文件可能已损坏或不是 .xlsx 格式;请用 Excel 或 WPS 打开后重新“另存为” .xlsx 再上传`;

async function readWorkbook(fileName: string, bytes: Uint8Array, maxRows: number): Promise<UploadedTable> {
  const verdict = checkZip(bytes, MAX_UNPACKED_BYTES);
  if (verdict === 'damaged') throw new UploadFileError(DAMAGED(fileName));
  if (verdict === 'too_large') {
    throw new UploadFileError(
      `文件“${fileName}”解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB,不像是一份填报表;请删除无关的工作表、图片后再上传`,
    );
  }
  // The streaming reader, not Workbook.load: load() expands every data-validation range cell by
  // cell and never finishes on a whole-column rule (K:K), which Excel users add all the time.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let chosen: SheetRead | null = null;
  const looked: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = sheetName(worksheet, looked.length + 1);
      looked.push(name);
      // Every row is consumed even when the sheet is not used: the zip is read as one stream.
      const read = await readSheet(worksheet, name, fileName, chosen === null || name === ENTRY_SHEET ? maxRows : 0);
      if (read && (chosen === null || (name === ENTRY_SHEET && chosen.name !== ENTRY_SHEET))) chosen = read;
    }
  } catch (error) {
    if (error instanceof UploadFileError) throw error;
    throw new UploadFileError(DAMAGED(fileName));
  }
  if (looked.length === 0) throw new UploadFileError(`文件“${fileName}”中没有工作表`);
  if (!chosen) throw noHeader(fileName, `的工作表(${looked.map((n) => `「${n}」`).join('、')})`, []);
  return {
    kind: 'xlsx',
    fileName,
    sheet: chosen.name,
    columns: tableColumns(chosen.header.map),
    ignored: chosen.header.map.ignored.map((i) => i.header),
    rows: chosen.rows,
    encoding: null,
  };
}

function sheetName(worksheet: unknown, position: number): string {
  const name = typeof worksheet === 'object' && worksheet !== null && 'name' in worksheet ? worksheet.name : undefined;
  return typeof name === 'string' && name !== '' ? name : `工作表${position}`;
}

/** The sheet's header and rows, or null when it has no header; keeps no rows when `maxRows` is 0. */
async function readSheet(
  worksheet: AsyncIterable<ExcelJS.Row>,
  name: string,
  fileName: string,
  maxRows: number,
): Promise<SheetRead | null> {
  let header: FoundHeader | null = null;
  let slots: [Column, number][] = [];
  const rows: TableRow[] = [];
  let seen = 0;
  for await (const row of worksheet) {
    seen++;
    if (!header) {
      if (seen > HEADER_SEARCH_ROWS) continue;
      header = headerOf(rowTexts(row));
      if (header) slots = Object.entries(header.map.index).map(([c, i]) => [c as Column, i + 1]);
      continue;
    }
    if (maxRows === 0) continue;
    const read = readRow(row, slots);
    if (!read) continue;
    if (rows.length >= maxRows) throw tooMany(fileName, maxRows);
    rows.push(read);
  }
  return header ? { name, header, rows } : null;
}

function rowTexts(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    out[column - 1] = cellContent(cell).text;
  });
  return Array.from(out, (t) => t ?? '');
}

function readRow(row: ExcelJS.Row, slots: [Column, number][]): TableRow | null {
  const cells: Cells = {};
  const problems: TableRow['problems'] = [];
  let filled = false;
  for (const [column, index] of slots) {
    const content = cellContent(row.getCell(index));
    cells[column] = content.text;
    if (content.text !== '') filled = true;
    if (content.problem) {
      filled = true;
      problems.push({ column, message: content.problem });
    }
  }
  return filled ? { row: row.number, cells, problems } : null;
}

interface CellContent {
  text: string;
  problem?: string;
}

/** A cell as the text a clerk would have typed: numbers in full, a formula's cached result, rich text joined. */
export function cellContent(cell: Pick<ExcelJS.Cell, 'value' | 'numFmt'>): CellContent {
  return contentOf(cell.value, cell.numFmt);
}

function contentOf(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): CellContent {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: numberText(value, numFmt) };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { text: '', problem: `单元格是错误值 ${value.error},请改正公式或直接填写数字` };
  if ('richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) {
      return { text: '', problem: '单元格是公式但没有计算结果,请在 Excel 中打开、重新计算并保存后再上传(或直接填写数字)' };
    }
    if (typeof result === 'object' && 'error' in result) {
      return { text: '', problem: `公式的结果是错误值 ${String(result.error)},请改正公式或直接填写数字` };
    }
    return contentOf(result as ExcelJS.CellValue, numFmt);
  }
  if ('text' in value) return contentOf(value.text, numFmt);
  return { text: '' };
}

/**
 * A number as the digits people read. A clerk who types “95%” gets 0.95 in a percent-formatted
 * cell: it is read back as “95%”, which the row rules take for 95 in a % indicator and refuse elsewhere.
 */
function numberText(n: number, numFmt: string | undefined): string {
  const text = (x: number): string => String(Number(x.toPrecision(15)));
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''))) return `${text(n * 100)}%`;
  return text(n);
}

// ---------------------------------------------------------------- CSV

async function readCsv(fileName: string, bytes: Uint8Array, maxRows: number): Promise<UploadedTable> {
  let header: FoundHeader | null = null;
  let slots: [Column, number][] = [];
  let firstLine: string[] | null = null;
  const rows: TableRow[] = [];
  const info: CsvFileInfo = { encoding: null, delimiter: ',' };
  try {
    await readCsvRecords(
      bytes,
      (cells, line) => {
        if (!header) {
          // The long format's header is its first line, as for the command-line import.
          if (firstLine) return;
          firstLine = cells;
          header = headerOf(cells);
          if (header) slots = Object.entries(header.map.index).map(([c, i]) => [c as Column, i + 1]);
          return;
        }
        const row: Cells = {};
        let filled = false;
        for (const [column, index] of slots) {
          const text = cells[index - 1] ?? '';
          row[column] = text;
          if (text !== '') filled = true;
        }
        if (!filled) return;
        if (rows.length >= maxRows) throw tooMany(fileName, maxRows);
        rows.push({ row: line, cells: row, problems: [] });
      },
      info,
    );
  } catch (error) {
    if (error instanceof UploadFileError) throw error;
    if (error instanceof CsvFileError) {
      throw new UploadFileError(`文件“${fileName}”${error.line === null ? '' : `第 ${error.line} 行`}无法读取:${error.message}`);
    }
    throw error;
  }
  if (!firstLine) throw new UploadFileError(`文件“${fileName}”是空文件`);
  if (!header) {
    const problems = mapHeader(firstLine).problems.map((p) => p.message);
    throw noHeader(fileName, '的第一行', problems);
  }
  const found: FoundHeader = header;
  return {
    kind: 'csv',
    fileName,
    sheet: null,
    columns: tableColumns(found.map),
    ignored: found.map.ignored.map((i) => i.header),
    rows,
    encoding: info.encoding ? ENCODING_LABELS[info.encoding] : null,
  };
}
