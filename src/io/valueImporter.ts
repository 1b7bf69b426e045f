/**
 * Imports a long-format CSV of data values: one transaction for the whole file, every error
 * listed with line and column, nothing written unless the whole file is clean.
 */
import { basename } from 'node:path';
import type { Indicator, OrgLevel, Plan } from '../core/plan/types.js';
import { type Column, COLUMN_LABELS, type HeaderMap, mapHeader } from '../core/validate/columns.js';
import { type Cells, type RowContext, validateRow } from '../core/validate/rowRules.js';
import type { Db } from '../db/dialect.js';
import { DataValueWriter, valueKey } from '../db/repositories/dataValueWriter.js';
import {
  childCounts,
  childrenAggregates,
  findYearOnYearJumps,
  PARENT_TOLERANCE,
  type ValueRef,
} from '../db/repositories/importChecks.js';
import { CsvFileError, readCsvRecords } from './csvRecords.js';
import type { ImportIssue, ImportReport } from './importReport.js';

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
}

const LISTED = 200;

class Rollback extends Error {}

export async function importValues(db: Db, plan: Plan, options: ImportOptions): Promise<ImportReport> {
  const file = options.displayName ?? basename(options.path);
  const now = options.now ?? new Date().toISOString();
  const indicators = new Map(plan.indicators.map((i) => [i.code, i]));
  const orgRows = await db.selectFrom('org_unit').select(['code', 'name', 'level']).execute();
  const orgs = new Map(orgRows.map((o) => [o.code, { name: o.name, level: o.level as OrgLevel }]));
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
  const warn = (issue: Omit<ImportIssue, 'file'>): void => {
    if (report.warnings.length < LISTED) report.warnings.push({ file, ...issue });
    else report.moreWarnings++;
  };
  const errorCount = (): number => report.errors.length + report.moreErrors;

  try {
    await db.transaction().execute(async (trx) => {
      const batch = await trx
        .insertInto('import_batch')
        .values({
          file_name: file,
          rows: 0,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          imported_by: options.who,
          imported_at: now,
          reason: options.reason ?? `导入 ${file}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const importId = Number(batch.id);
      const writer = new DataValueWriter(
        trx,
        { who: options.who, at: now, reason: options.reason ?? `导入 ${file}`, importId },
        options.batchSize ?? 1000,
      );
      let header: { map: HeaderMap; cells: string[] } | null = null;
      const seen = new Map<string, number>();

      try {
        await readCsvRecords(options.path, async (cells, line) => {
          if (!header) {
            const { map, problems } = mapHeader(cells);
            for (const p of problems) error({ line, column: p.position, header: p.position ? (cells[p.position - 1] ?? null) : null, message: p.message });
            for (const ignored of map.ignored) {
              warn({ line, column: ignored.position, header: ignored.header, message: `无法识别的列“${ignored.header}”,已忽略` });
            }
            if (problems.length > 0) throw new Rollback();
            header = { map, cells };
            return;
          }
          report.rows++;
          const { map } = header;
          if (cells.length > header.cells.length && cells.slice(header.cells.length).some((c) => c !== '')) {
            error({ line, column: header.cells.length + 1, header: null, message: `本行有 ${cells.length} 列,多于表头的 ${header.cells.length} 列(可能是数值中含有未加引号的逗号)` });
            return;
          }
          const rowCells: Cells = {};
          for (const [column, index] of Object.entries(map.index) as [Column, number][]) rowCells[column] = cells[index] ?? '';
          const result = validateRow(rowCells, context);
          if (result.kind === 'empty') {
            if (Object.values(rowCells).some((c) => c !== '')) report.unfilled++;
            return;
          }
          if (result.kind === 'errors') {
            for (const e of result.errors) {
              const index = e.column === null ? undefined : map.index[e.column];
              error({
                line,
                column: index === undefined ? null : index + 1,
                header: index === undefined ? null : (header.cells[index] ?? (e.column ? COLUMN_LABELS[e.column] : null)),
                message: e.message,
              });
            }
            return;
          }
          const key = valueKey(result.row);
          const first = seen.get(key);
          if (first !== undefined) {
            error({ line, column: null, header: null, message: `与第${first}行重复(同一指标、单位、年份、性别、城乡、年龄组出现两次)` });
            return;
          }
          seen.set(key, line);
          if (errorCount() === 0) await writer.add(result.row);
        }, report);
      } catch (e) {
        if (!(e instanceof CsvFileError)) throw e;
        // A problem with the whole file is always listed, however many cell errors came before it.
        report.errors.push({ file, line: e.line, column: null, header: null, message: e.message });
      }

      if (errorCount() === 0 && !header) error({ line: null, column: null, header: null, message: '文件为空(没有表头,也没有数据)' });
      else if (errorCount() === 0 && report.rows === 0) error({ line: null, column: null, header: null, message: '文件只有表头,没有数据行' });
      if (errorCount() > 0) throw new Rollback();

      await writer.flush();
      Object.assign(report, writer.counts);
      report.importId = importId;
      const lineOf = (ref: ValueRef): number | null => seen.get(valueKey(ref)) ?? null;
      await checkYearOnYear(trx, importId, indicators, orgs, lineOf, warn);
      await checkParents(trx, importId, indicators, orgs, lineOf, warn);
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
    if (report.errors.length > 0 || options.checkOnly) report.importId = null;
  }
  if (!report.committed) {
    // Nothing was written: the counts tell what would have been.
    report.importId = null;
  }
  return report;
}

type Warn = (issue: Omit<ImportIssue, 'file'>) => void;
type OrgNames = Map<string, { name: string; level: OrgLevel }>;

function describe(ref: ValueRef, indicator: Indicator | undefined, orgs: OrgNames): string {
  const parts = [`${ref.orgUnit} ${orgs.get(ref.orgUnit)?.name ?? ''}`.trim(), `${ref.year}年`, `“${indicator?.name ?? ref.indicator}”`];
  const dis = [ref.sex !== 'total' ? { male: '男', female: '女' }[ref.sex] : null, ref.area !== 'total' ? { urban: '城镇', rural: '农村' }[ref.area] : null, ref.ageGroup !== 'total' ? `${ref.ageGroup}岁` : null].filter(Boolean);
  return `${parts.join(' ')}${dis.length > 0 ? `(${dis.join('、')})` : ''}`;
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function pct(n: number): string {
  return `${(Math.round(n * 10) / 10).toFixed(1)}%`;
}

async function checkYearOnYear(
  db: Db,
  importId: number,
  indicators: Map<string, Indicator>,
  orgs: OrgNames,
  lineOf: (ref: ValueRef) => number | null,
  warn: Warn,
): Promise<void> {
  for (const jump of await findYearOnYearJumps(db, importId)) {
    const change = (jump.value / jump.previousValue - 1) * 100;
    const previousRef = { ...jump, year: jump.previousYear };
    warn({
      line: lineOf(jump) ?? lineOf(previousRef),
      column: null,
      header: null,
      message: `${describe(jump, indicators.get(jump.indicator), orgs)} 数值 ${fmt(jump.value)} 比 ${jump.previousYear}年(${fmt(jump.previousValue)})${change > 0 ? '上升' : '下降'} ${pct(Math.abs(change))},变化超过 50%,请核实`,
    });
  }
}

async function checkParents(
  db: Db,
  importId: number,
  indicators: Map<string, Indicator>,
  orgs: OrgNames,
  lineOf: (ref: ValueRef) => number | null,
  warn: Warn,
): Promise<void> {
  const counts = await childCounts(db);
  for (const agg of await childrenAggregates(db, importId)) {
    const indicator = indicators.get(agg.indicator);
    const complete = counts.get(agg.orgUnit) ?? 0;
    if (!indicator || agg.children < complete) continue;
    let aggregate: number | null = null;
    if (indicator.aggregation === 'ratio' && agg.withRatio === complete && agg.sumDenominator) {
      aggregate = ((agg.sumNumerator ?? 0) / agg.sumDenominator) * indicator.formula.factor;
    } else if (indicator.aggregation === 'min') {
      aggregate = agg.minValue;
    }
    if (aggregate === null) continue;
    const gap = aggregate === 0 ? (agg.value === 0 ? 0 : Infinity) : Math.abs(agg.value - aggregate) / Math.abs(aggregate);
    if (gap <= PARENT_TOLERANCE) continue;
    warn({
      line: lineOf(agg),
      column: null,
      header: null,
      message: `${describe(agg, indicator, orgs)} 本级填报 ${fmt(agg.value)},${complete} 个下级单位汇总为 ${fmt(aggregate)},相差 ${Number.isFinite(gap) ? pct(gap * 100) : '较大'},超过 5%,请核实`,
    });
  }
}
