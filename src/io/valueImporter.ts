/**
 * Imports a long-format CSV of data values: one transaction for the whole file, every error
 * listed with line and column, nothing written unless the whole file is clean.
 */
import { basename } from 'node:path';
import type { OrgLevel, Plan } from '../core/plan/types.js';
import { type Column, COLUMN_LABELS, type HeaderMap, mapHeader } from '../core/validate/columns.js';
import { type Cells, type RowContext, validateRow } from '../core/validate/rowRules.js';
import type { Db } from '../db/dialect.js';
import { DataValueWriter } from '../db/repositories/dataValueWriter.js';
import { CsvFileError, readCsvRecords } from './csvRecords.js';
import type { Hierarchy } from './fileChecks.js';
import { FileValues } from './fileValues.js';
import type { ImportIssue, ImportReport } from './importReport.js';
import { type OrgInfo, reportWarnings } from './importWarnings.js';
import { RowKeys } from './rowKeys.js';

export interface ImportOptions {
  path: string;
  /** The name shown in messages (the uploaded file's name); the path's base name by default. */
  displayName?: string;
  checkOnly: boolean;
  who: string;
  reason?: string;
  now?: string;
  /** Rows written per statement. */
  batchSize?: number;
  /** Told how long each phase took (for benchmarks). */
  onPhase?: (phase: string, milliseconds: number) => void;
}

const LISTED = 200;

class Rollback extends Error {}

interface Header {
  map: HeaderMap;
  cells: string[];
  slots: [Column, number][];
}

export async function importValues(db: Db, plan: Plan, options: ImportOptions): Promise<ImportReport> {
  const file = options.displayName ?? basename(options.path);
  const now = options.now ?? new Date().toISOString();
  const reason = options.reason ?? `导入 ${file}`;
  const indicators = new Map(plan.indicators.map((i) => [i.code, i]));
  const { orgs, hierarchy, orgCodes } = await loadOrgs(db);
  const context: RowContext = {
    indicator: (code) => indicators.get(code),
    orgLevel: (code) => orgs.get(code)?.level,
  };

  const report: ImportReport = {
    file,
    encoding: null,
    delimiter: ',',
    rows: 0,
    unfilled: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    warnings: [],
    moreErrors: 0,
    moreWarnings: 0,
    checkOnly: options.checkOnly,
    committed: false,
    importId: null,
  };
  const error = (issue: Omit<ImportIssue, 'file'>): void => {
    if (report.errors.length < LISTED) report.errors.push({ file, ...issue });
    else report.moreErrors++;
  };
  const warn = Object.assign(
    (issue: Omit<ImportIssue, 'file'>): void => {
      if (report.warnings.length < LISTED) report.warnings.push({ file, ...issue });
      else report.moreWarnings++;
    },
    { listing: () => report.warnings.length < LISTED },
  );
  const errorCount = (): number => report.errors.length + report.moreErrors;
  let phaseStart = performance.now();
  const phase = (name: string): void => {
    const at = performance.now();
    options.onPhase?.(name, at - phaseStart);
    phaseStart = at;
  };

  try {
    await db.transaction().execute(async (trx) => {
      const batch = await trx
        .insertInto('import_batch')
        .values({ file_name: file, rows: 0, inserted: 0, updated: 0, unchanged: 0, imported_by: options.who, imported_at: now, reason })
        .returning('id')
        .executeTakeFirstOrThrow();
      const importId = Number(batch.id);
      const storedPairs = await DataValueWriter.storedIndicatorYears(trx);
      const fileYears = new Map<string, Set<number>>();
      const writer = new DataValueWriter(trx, { who: options.who, at: now, reason, importId }, options.batchSize ?? 5000, storedPairs);
      const values = new FileValues(new RowKeys([...indicators.keys()], orgCodes));
      let header: Header | null = null;

      const onRecord = (cells: string[], line: number): Promise<void> | undefined => {
        if (!header) {
          header = readHeader(cells, line, error, warn);
          return;
        }
        report.rows++;
        if (cells.length > header.cells.length && cells.slice(header.cells.length).some((c) => c !== '')) {
          error({ line, column: header.cells.length + 1, header: null, message: `本行有 ${cells.length} 列,多于表头的 ${header.cells.length} 列(可能是数值中含有未加引号的逗号)` });
          return;
        }
        const rowCells: Cells = {};
        for (const [column, index] of header.slots) rowCells[column] = cells[index] ?? '';
        const result = validateRow(rowCells, context);
        if (result.kind === 'empty') {
          if (Object.values(rowCells).some((c) => c !== '')) report.unfilled++;
          return;
        }
        if (result.kind === 'errors') {
          for (const e of result.errors) {
            const index = e.column === null ? undefined : header.map.index[e.column];
            const name = index === undefined ? null : (header.cells[index] ?? (e.column ? COLUMN_LABELS[e.column] : null));
            error({ line, column: index === undefined ? null : index + 1, header: name, message: e.message });
          }
          return;
        }
        const row = result.row;
        const first = values.add(row, line, row.value, row.numerator, row.denominator);
        if (first !== null) {
          error({ line, column: null, header: null, message: `与第${first}行重复(同一指标、单位、年份、性别、城乡、年龄组出现两次)` });
          return;
        }
        let years = fileYears.get(row.indicator);
        if (!years) fileYears.set(row.indicator, (years = new Set()));
        years.add(row.year);
        return errorCount() === 0 ? writer.add(row) : undefined;
      };

      try {
        await readCsvRecords(options.path, onRecord, report);
      } catch (e) {
        if (!(e instanceof CsvFileError)) throw e;
        // A problem with the whole file is always listed, however many cell errors came before it.
        report.errors.push({ file, line: e.line, column: null, header: null, message: e.message });
      }
      if (errorCount() === 0 && !header) error({ line: null, column: null, header: null, message: '文件为空(没有表头,也没有数据)' });
      else if (errorCount() === 0 && report.rows === 0) error({ line: null, column: null, header: null, message: '文件只有表头,没有数据行' });
      if (errorCount() > 0) throw new Rollback();

      await writer.flush();
      phase('read-validate-write');
      Object.assign(report, writer.counts);
      report.importId = importId;
      await reportWarnings({
        db: trx,
        importId,
        indicators,
        indicatorOrder: [...indicators.values()],
        orgs,
        hierarchy,
        file: values,
        meetsStoredValues: meetsStored(fileYears, storedPairs),
        warn,
      });
      phase('checks');
      await trx
        .updateTable('import_batch')
        .set({ rows: report.rows, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged })
        .where('id', '=', importId)
        .execute();
      if (options.checkOnly) throw new Rollback();
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    // Nothing was written: the counts tell what would have been.
    report.importId = null;
  }
  return report;
}

function readHeader(
  cells: string[],
  line: number,
  error: (issue: Omit<ImportIssue, 'file'>) => void,
  warn: (issue: Omit<ImportIssue, 'file'>) => void,
): Header {
  const { map, problems } = mapHeader(cells);
  for (const p of problems) error({ line, column: p.position, header: p.position ? (cells[p.position - 1] ?? null) : null, message: p.message });
  for (const ignored of map.ignored) {
    warn({ line, column: ignored.position, header: ignored.header, message: `无法识别的列“${ignored.header}”,已忽略` });
  }
  if (problems.length > 0) throw new Rollback();
  return { map, cells, slots: Object.entries(map.index) as [Column, number][] };
}

/** Whether any indicator-year of the file, or the year on either side of it, already had values. */
function meetsStored(fileYears: Map<string, Set<number>>, storedPairs: Set<string>): boolean {
  if (storedPairs.size === 0) return false;
  for (const [indicator, years] of fileYears) {
    for (const y of years) {
      if (storedPairs.has(`${indicator}|${y}`) || storedPairs.has(`${indicator}|${y - 1}`) || storedPairs.has(`${indicator}|${y + 1}`)) return true;
    }
  }
  return false;
}

async function loadOrgs(db: Db): Promise<{ orgs: OrgInfo; hierarchy: Hierarchy; orgCodes: string[] }> {
  const rows = await db.selectFrom('org_unit').select(['code', 'name', 'level', 'parent_code']).orderBy('sort_order').execute();
  const orgs: OrgInfo = new Map(rows.map((o) => [o.code, { name: o.name, level: o.level as OrgLevel, parent: o.parent_code }]));
  const orgCodes = rows.map((r) => r.code);
  const index = new Map(orgCodes.map((c, i) => [c, i]));
  const parentOf = new Int32Array(rows.length).fill(-1);
  const childCount = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    const parent = r.parent_code === null ? undefined : index.get(r.parent_code);
    if (parent === undefined) return;
    parentOf[i] = parent;
    childCount[parent] = (childCount[parent] ?? 0) + 1;
  });
  return { orgs, hierarchy: { parentOf, childCount }, orgCodes };
}

