/**
 * Imports a long-format CSV of data values: one transaction for the whole file, every error
 * listed with line and column, nothing written unless the whole file is clean. A worker thread
 * reads and checks the file (importFileReader) while this thread writes its batches.
 */
import { basename } from 'node:path';
import type { OrgLevel, Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { DataValueWriter } from '../db/repositories/dataValueWriter.js';
import { bumpVersion } from '../db/repositories/meta.js';
import type { ImportIssue, ImportReport } from './importReport.js';
import { LISTED } from './importFileReader.js';
import { type OrgInfo, reportWarnings, type Warn } from './importWarnings.js';
import { ImportWorker } from './importWorkerClient.js';

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

class Rollback extends Error {}

export async function importValues(db: Db, plan: Plan, options: ImportOptions): Promise<ImportReport> {
  const file = options.displayName ?? basename(options.path);
  const now = options.now ?? new Date().toISOString();
  const reason = options.reason ?? `导入 ${file}`;
  const indicators = new Map(plan.indicators.map((i) => [i.code, i]));
  const orgRows = await db.selectFrom('org_unit').select(['code', 'name', 'level', 'parent_code']).orderBy('sort_order').execute();
  const orgs: OrgInfo = new Map(orgRows.map((o) => [o.code, { name: o.name, level: o.level as OrgLevel, parent: o.parent_code }]));

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
  const warn: Warn = Object.assign(
    (issue: Omit<ImportIssue, 'file'>): void => {
      if (report.warnings.length < LISTED) report.warnings.push({ file, ...issue });
      else report.moreWarnings++;
    },
    {
      listing: () => report.warnings.length < LISTED,
      more: (count: number) => {
        report.moreWarnings += count;
      },
    },
  );
  let phaseStart = performance.now();
  const phase = (name: string): void => {
    const at = performance.now();
    options.onPhase?.(name, at - phaseStart);
    phaseStart = at;
  };

  let worker: ImportWorker | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      const batch = await trx
        .insertInto('import_batch')
        .values({ file_name: file, rows: 0, inserted: 0, updated: 0, unchanged: 0, imported_by: options.who, imported_at: now, reason })
        .returning('id')
        .executeTakeFirstOrThrow();
      const importId = Number(batch.id);
      const storedPairs = await DataValueWriter.storedIndicatorYears(trx);
      const writer = new DataValueWriter(trx, { who: options.who, at: now, reason, importId }, options.batchSize ?? 20_000, storedPairs);
      worker = new ImportWorker({
        path: options.path,
        file,
        indicators: plan.indicators,
        orgs: orgRows.map((o) => ({ code: o.code, level: o.level as OrgLevel, parent: o.parent_code })),
        storedPairs: [...storedPairs],
        batchSize: options.batchSize ?? 20_000,
        encoding: writer.rowEncoding(),
      });

      try {
        for (;;) {
          const message = await worker.next();
          if (message.type === 'batch') {
            await writer.addPrepared(message.batch);
            worker.ack();
            continue;
          }
          const { summary, checks } = message;
          Object.assign(report, {
            encoding: summary.encoding,
            delimiter: summary.delimiter,
            rows: summary.rows,
            unfilled: summary.unfilled,
            errors: summary.errors,
            moreErrors: summary.moreErrors,
          });
          summary.warnings.forEach((w) => warn(w));
          if (summary.errors.length > 0 || !checks) throw new Rollback();

          await writer.flush();
          phase('read-check-write');
          Object.assign(report, writer.counts);
          report.importId = importId;
          const reader = worker;
          await reportWarnings({
            db: trx,
            importId,
            indicators,
            orgs,
            inFile: checks,
            meetsStoredValues: meetsStored(summary.years, storedPairs),
            linesOf: (parts) => reader.lines(parts),
            warn,
          });
          phase('stored-value-checks');
          break;
        }
      } finally {
        await writer.settle();
      }
      await bumpVersion(trx, 'approved_version');
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
  } finally {
    await (worker as ImportWorker | null)?.close();
  }
  return report;
}

/** Whether any indicator-year of the file, or the year on either side of it, already had values. */
function meetsStored(fileYears: [string, number[]][], storedPairs: Set<string>): boolean {
  if (storedPairs.size === 0) return false;
  return fileYears.some(([indicator, years]) =>
    years.some(
      (y) => storedPairs.has(`${indicator}|${y}`) || storedPairs.has(`${indicator}|${y - 1}`) || storedPairs.has(`${indicator}|${y + 1}`),
    ),
  );
}
