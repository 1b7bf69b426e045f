/**
 * Reads and checks an import file without touching the database: header, every row's rules,
 * duplicates, and batches of clean rows ready to write. Runs in the import worker.
 */
import type { Indicator, OrgLevel } from '../core/plan/types.js';
import { type Column, COLUMN_LABELS, COLUMNS, type HeaderMap, mapHeader } from '../core/validate/columns.js';
import { allBlank, type CleanRow, type Cells, type RowContext, validateRow } from '../core/validate/rowRules.js';
import { encodeRows, type PreparedBatch, type RowEncoding } from '../db/preparedBatch.js';
import { CsvFileError, readCsvRecords } from './csvRecords.js';
import { FileValues } from './fileValues.js';
import type { ImportIssue } from './importReport.js';
import type { Delimiter } from './csvRecords.js';
import type { TextEncodingName } from './textDecoding.js';
import { RowKeys } from './rowKeys.js';

export const LISTED = 200;
const CANDIDATE_BATCH = 2000;

export interface ReaderInput {
  path: string;
  file: string;
  indicators: Indicator[];
  /** Units in hierarchy order: code, level and parent code. */
  orgs: { code: string; level: OrgLevel; parent: string | null }[];
  /** `indicator|year` pairs that had values before the import. */
  storedPairs: string[];
  batchSize: number;
  /** How the writer wants new rows encoded. */
  encoding: RowEncoding;
}

export interface ReaderSummary {
  encoding: TextEncodingName | null;
  delimiter: Delimiter;
  rows: number;
  unfilled: number;
  errors: ImportIssue[];
  moreErrors: number;
  /** Header warnings (columns not recognised). */
  warnings: ImportIssue[];
  /** The years of each indicator in the file. */
  years: [string, number[]][];
}

/** Where batches go; the promise holds the reader back while the writer is behind. */
export type BatchSink = (batch: PreparedBatch) => Promise<void> | undefined;

class StopReading extends Error {}

interface Header {
  map: HeaderMap;
  cells: string[];
  /** The position of each column, −1 when the file lacks it. */
  at: Record<Column, number>;
}

const cellAt = (cells: string[], i: number): string | undefined => (i < 0 ? undefined : (cells[i] ?? ''));

/** A row's cells by column, all columns in one order: objects of one shape, which V8 builds and reads fastest. */
function cellsOf(cells: string[], at: Record<Column, number>): Cells {
  return {
    indicator: cellAt(cells, at.indicator),
    org_unit: cellAt(cells, at.org_unit),
    year: cellAt(cells, at.year),
    value: cellAt(cells, at.value),
    numerator: cellAt(cells, at.numerator),
    denominator: cellAt(cells, at.denominator),
    sex: cellAt(cells, at.sex),
    area: cellAt(cells, at.area),
    age_group: cellAt(cells, at.age_group),
    source: cellAt(cells, at.source),
    note: cellAt(cells, at.note),
  };
}

export async function readImportFile(input: ReaderInput, sink: BatchSink): Promise<{ summary: ReaderSummary; values: FileValues }> {
  const indicators = new Map(input.indicators.map((i) => [i.code, i]));
  const orgs = new Map(input.orgs.map((o) => [o.code, o.level]));
  const context: RowContext = { indicator: (code) => indicators.get(code), orgLevel: (code) => orgs.get(code) };
  const stored = new Set(input.storedPairs);
  const values = new FileValues(
    new RowKeys(
      [...indicators.keys()],
      input.orgs.map((o) => o.code),
    ),
  );
  const summary: ReaderSummary = {
    encoding: null,
    delimiter: ',',
    rows: 0,
    unfilled: 0,
    errors: [],
    moreErrors: 0,
    warnings: [],
    years: [],
  };
  const error = (issue: Omit<ImportIssue, 'file'>): void => {
    if (summary.errors.length < LISTED) summary.errors.push({ file: input.file, ...issue });
    else summary.moreErrors++;
  };
  const failed = (): boolean => summary.errors.length > 0;
  let fresh: CleanRow[] = [];
  let candidates: CleanRow[] = [];
  const handOver = (): Promise<void> | undefined => {
    const batch: PreparedBatch = {
      rows: encodeRows(fresh, input.encoding),
      count: fresh.length,
      candidates,
      indicatorYears: [...new Set(fresh.map((r) => `${r.indicator}|${r.year}`))],
    };
    fresh = [];
    candidates = [];
    return sink(batch);
  };
  let header: Header | null = null;

  const onRecord = (cells: string[], line: number): Promise<void> | undefined => {
    if (!header) {
      header = readHeader(cells, line, input.file, summary, error);
      return undefined;
    }
    summary.rows++;
    if (cells.length > header.cells.length && cells.slice(header.cells.length).some((c) => c !== '')) {
      error({
        line,
        column: header.cells.length + 1,
        header: null,
        message: `本行有 ${cells.length} 列,多于表头的 ${header.cells.length} 列(可能是数值中含有未加引号的逗号)`,
      });
      return undefined;
    }
    const rowCells = cellsOf(cells, header.at);
    const result = validateRow(rowCells, context);
    if (result.kind === 'empty') {
      if (!allBlank(rowCells)) summary.unfilled++;
      return undefined;
    }
    if (result.kind === 'errors') {
      for (const e of result.errors) {
        const index = e.column === null ? undefined : header.map.index[e.column];
        const name = index === undefined ? null : (header.cells[index] ?? (e.column ? COLUMN_LABELS[e.column] : null));
        error({ line, column: index === undefined ? null : index + 1, header: name, message: e.message });
      }
      return undefined;
    }
    const row = result.row;
    const first = values.add(row, line, row.value, row.numerator, row.denominator);
    if (first !== null) {
      error({ line, column: null, header: null, message: `与第${first}行重复(同一指标、单位、年份、性别、城乡、年龄组出现两次)` });
      return undefined;
    }
    // After the first error nothing more is written: the import will be rolled back anyway.
    if (failed()) return undefined;
    if (stored.size > 0 && stored.has(`${row.indicator}|${row.year}`)) candidates.push(row);
    else fresh.push(row);
    // Rows that may replace stored values are looked up and compared one batch at a time: smaller
    // batches keep that memory low (a re-import of a million rows peaks at 300 MB instead of 490).
    return fresh.length >= input.batchSize || candidates.length >= Math.min(CANDIDATE_BATCH, input.batchSize) ? handOver() : undefined;
  };

  try {
    await readCsvRecords(input.path, onRecord, summary);
  } catch (e) {
    if (e instanceof CsvFileError) summary.errors.push({ file: input.file, line: e.line, column: null, header: null, message: e.message });
    else if (!(e instanceof StopReading)) throw e;
  }
  if (!failed() && !header) error({ line: null, column: null, header: null, message: '文件为空(没有表头,也没有数据)' });
  else if (!failed() && summary.rows === 0) error({ line: null, column: null, header: null, message: '文件只有表头,没有数据行' });
  if (!failed() && fresh.length + candidates.length > 0) await handOver();
  summary.years = values.indicatorYears();
  return { summary, values };
}

function readHeader(
  cells: string[],
  line: number,
  file: string,
  summary: ReaderSummary,
  error: (issue: Omit<ImportIssue, 'file'>) => void,
): Header {
  const { map, problems } = mapHeader(cells);
  for (const p of problems)
    error({ line, column: p.position, header: p.position ? (cells[p.position - 1] ?? null) : null, message: p.message });
  for (const ignored of map.ignored) {
    summary.warnings.push({
      file,
      line,
      column: ignored.position,
      header: ignored.header,
      message: `无法识别的列“${ignored.header}”,已忽略`,
    });
  }
  if (problems.length > 0) throw new StopReading();
  const at = Object.fromEntries(COLUMNS.map((c) => [c, map.index[c] ?? -1])) as Record<Column, number>;
  return { map, cells, at };
}
