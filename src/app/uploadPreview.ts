/**
 * An uploaded Excel or CSV file of values, checked before anything is written: every row by the
 * import's rules, the user's right to write it and its submission's lock, each error pinned to
 * its cell; and compared with the stored values (new, changed, unchanged). A clean preview is
 * kept for a while under a token, for the user who made it to confirm; the write is all or nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../core/access/roles.js';
import type { Column } from '../core/validate/columns.js';
import { isNoData } from '../core/validate/cells.js';
import type { CleanRow } from '../core/validate/rowRules.js';
import { MAX_YEAR, MIN_YEAR } from '../core/validate/rowRules.js';
import type { WriteCounts } from '../db/repositories/dataValueWriter.js';
import { letterOf, UploadFileError, type TableRow, type UploadedTable } from '../io/xlsxValues.js';
import { lineLabel, submissionKeyOf } from './forms.js';
import { checkEntries, type Entry, type EntryContext, entryWarnings, lockRefusal, saveRows, writeRefusal } from './valueEntry.js';

export interface UploadIssue {
  /** The sheet of an Excel file; null for CSV. */
  sheet: string | null;
  /** The row of the sheet (the line of a CSV file). */
  row: number;
  /** The column letter, e.g. “K”; null when the file has no such column. */
  column: string | null;
  /** The cell, e.g. “K12”. */
  cell: string | null;
  /** Where, as people say it: 「填报表」第 12 行 K 列. */
  location: string;
  message: string;
}

export type ChangeKind = 'insert' | 'update' | 'unchanged';

export interface UploadChange {
  row: number;
  indicator: string;
  indicatorName: string;
  orgUnit: string;
  orgUnitName: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
  /** 合计, 男, 城镇·女 … */
  label: string;
  old: number | null;
  new: number;
  kind: ChangeKind;
}

export interface UploadPreview {
  fileName: string;
  sheet: string | null;
  department: string;
  year: number | null;
  counts: { rows: number; inserted: number; updated: number; unchanged: number; skipped: number; errors: number };
  changes: UploadChange[];
  errors: UploadIssue[];
  warnings: UploadIssue[];
  /** Header cells that name no column (names, units, last year's values): not read. */
  ignoredColumns: string[];
}

/** Errors listed in a preview; more are counted only. */
export const LISTED_ERRORS = 1000;

const YEAR = /^\d{4}年?$/;

/** Something in a number column: a row that gives a value (“—” and “/” say there is none). */
function hasNumbers(r: TableRow): boolean {
  return (['value', 'numerator', 'denominator'] as const).some((c) => {
    const t = r.cells[c] ?? '';
    return t !== '' && !isNoData(t);
  });
}

function entryOf(r: TableRow): Entry {
  const c = r.cells;
  return {
    indicator: c.indicator ?? '',
    orgUnit: c.org_unit ?? '',
    sex: c.sex ?? '',
    area: c.area ?? '',
    ageGroup: c.age_group ?? '',
    value: c.value ?? '',
    numerator: c.numerator ?? '',
    denominator: c.denominator ?? '',
    source: c.source ?? '',
    note: c.note ?? '',
  };
}

/** The year of the file: that of its first row with a number and a readable year. */
export function uploadYear(rows: TableRow[]): number | null {
  for (const r of rows) {
    const t = r.cells.year ?? '';
    if (hasNumbers(r) && YEAR.test(t)) return Number(t.slice(0, 4));
  }
  return null;
}

/**
 * Checks an uploaded table for the department; nothing is written. The clean rows come back only
 * when there is no error at all.
 */
export async function previewUpload(
  c: EntryContext,
  p: Principal,
  department: string,
  table: UploadedTable,
): Promise<{ preview: UploadPreview; rows: CleanRow[] | null }> {
  // Rows naming nothing and giving no number are spare lines of the template (year and 合计 only).
  const used = table.rows.filter((r) => hasNumbers(r) || (r.cells.indicator ?? '') !== '' || (r.cells.org_unit ?? '') !== '');
  const filled = used.filter(hasNumbers);
  if (filled.length === 0) {
    throw new UploadFileError(`文件“${table.fileName}”中没有填写任何数值(数值、分子、分母列均为空),未导入任何数据`);
  }
  const year = uploadYear(used);
  const issues: { index: number; column: Column | null; message: string }[] = [];
  const fail = (index: number, column: Column | null, message: string): void => {
    issues.push({ index, column, message });
  };

  used.forEach((r, index) => {
    for (const problem of r.problems) fail(index, problem.column, problem.message);
    if (!hasNumbers(r)) return;
    const t = r.cells.year ?? '';
    if (t === '') fail(index, 'year', '年份为空');
    else if (!YEAR.test(t)) fail(index, 'year', `年份“${t}”不是四位数的年份`);
    else if (year !== null && Number(t.slice(0, 4)) !== year) {
      fail(index, 'year', `本文件是 ${year} 年的数据,这一行却是 ${t.slice(0, 4)} 年:一次只能上传一个年度的数据`);
    }
  });

  let clean: { index: number; row: CleanRow }[] = [];
  if (year !== null && year >= MIN_YEAR && year <= MAX_YEAR) {
    const checked = checkEntries(c, used.map(entryOf), year);
    for (const e of checked.errors) {
      // The rule counts entries; the file's rows are what the user sees.
      const message = e.message.replace(/第 (\d+) 项/, (_, n: string) => `第 ${used[Number(n) - 1]?.row ?? n} 行`);
      fail(e.index, e.column, message);
    }
    clean = checked.rows;
  } else if (year !== null) {
    used.forEach((r, index) => {
      if (hasNumbers(r)) fail(index, 'year', `年份 ${year} 超出范围(${MIN_YEAR}–${MAX_YEAR})`);
    });
  }

  const failed = (): Set<number> => new Set(issues.map((i) => i.index));
  let bad = failed();
  clean = clean.filter((r) => !bad.has(r.index));
  for (const { index, row } of clean) {
    const refusal = writeRefusal(c, p, department, row);
    if (!refusal) continue;
    const lead = c.responsibilities.get(row.indicator)?.lead ?? null;
    fail(index, lead === department ? 'org_unit' : 'indicator', refusal);
  }
  bad = failed();
  clean = clean.filter((r) => !bad.has(r.index));
  if (year !== null) {
    const locks = new Map<string, string | null>();
    for (const { index, row } of clean) {
      const unit = submissionKeyOf(c.scope, department, row.orgUnit, year)?.orgUnit;
      if (!unit) continue;
      if (!locks.has(unit)) locks.set(unit, await lockRefusal(c, department, unit, year));
      const refusal = locks.get(unit);
      if (refusal) fail(index, 'org_unit', refusal);
    }
  }
  bad = failed();
  clean = clean.filter((r) => !bad.has(r.index));

  const changes = year === null ? [] : await compareWithStored(c, clean, used, year);
  const warnings = year === null ? [] : await entryWarnings(c, clean, year);
  const count = (kind: ChangeKind): number => changes.filter((ch) => ch.kind === kind).length;
  issues.sort((a, b) => (used[a.index]?.row ?? 0) - (used[b.index]?.row ?? 0));
  const preview: UploadPreview = {
    fileName: table.fileName,
    sheet: table.sheet,
    department,
    year,
    counts: {
      rows: used.length,
      inserted: count('insert'),
      updated: count('update'),
      unchanged: count('unchanged'),
      skipped: used.length - filled.length,
      errors: issues.length,
    },
    changes,
    errors: issues.slice(0, LISTED_ERRORS).map((i) => issueAt(table, used, i.index, i.column, i.message)),
    warnings: warnings.map((w) => issueAt(table, used, w.index, 'value', w.message)),
    ignoredColumns: table.ignored,
  };
  return { preview, rows: issues.length === 0 ? clean.map((r) => r.row) : null };
}

function issueAt(table: UploadedTable, used: TableRow[], index: number, column: Column | null, message: string): UploadIssue {
  const row = used[index]?.row ?? 0;
  // A whole-row problem (a duplicate) is shown at the row's indicator code.
  const letter = letterOf(table, column ?? 'indicator');
  const sheet = table.sheet === null ? '' : `「${table.sheet}」`;
  return {
    sheet: table.sheet,
    row,
    column: letter,
    cell: letter === null ? null : `${letter}${row}`,
    location: `${sheet}第 ${row} 行${letter === null ? '' : ` ${letter} 列`}`,
    message,
  };
}

async function compareWithStored(
  c: EntryContext,
  rows: { index: number; row: CleanRow }[],
  used: TableRow[],
  year: number,
): Promise<UploadChange[]> {
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.map((r) => r.row.indicator))];
  const units = [...new Set(rows.map((r) => r.row.orgUnit))];
  const stored = await c.db
    .selectFrom('data_value')
    .select(['indicator_code', 'org_unit_code', 'sex', 'area', 'age_group', 'value', 'numerator', 'denominator', 'source', 'note'])
    .where('year', '=', year)
    .where('indicator_code', 'in', codes)
    .where('org_unit_code', 'in', units)
    .execute();
  const byKey = new Map(stored.map((s) => [`${s.indicator_code}|${s.org_unit_code}|${s.sex}|${s.area}|${s.age_group}`, s]));
  const names = new Map(c.plan.indicators.map((i) => [i.code, i.name]));
  return rows.map(({ index, row }) => {
    const old = byKey.get(`${row.indicator}|${row.orgUnit}|${row.sex}|${row.area}|${row.ageGroup}`);
    // The same comparison as the writer's (DataValueWriter), so that the counts come out equal.
    const same =
      old !== undefined &&
      old.value === row.value &&
      old.numerator === row.numerator &&
      old.denominator === row.denominator &&
      (old.source ?? null) === row.source &&
      (old.note ?? null) === row.note;
    return {
      row: used[index]?.row ?? 0,
      indicator: row.indicator,
      indicatorName: names.get(row.indicator) ?? row.indicator,
      orgUnit: row.orgUnit,
      orgUnitName: c.org.names.get(row.orgUnit) ?? row.orgUnit,
      year,
      sex: row.sex,
      area: row.area,
      ageGroup: row.ageGroup,
      label: lineLabel(row.sex, row.area) + (row.ageGroup === 'total' ? '' : `·${row.ageGroup}`),
      old: old?.value ?? null,
      new: row.value,
      kind: old === undefined ? 'insert' : same ? 'unchanged' : 'update',
    };
  });
}

// ---------------------------------------------------------------- kept previews

export interface PendingUpload {
  owner: number;
  department: string;
  year: number;
  fileName: string;
  rows: CleanRow[];
  expiresAt: number;
}

export interface PendingLimits {
  /** How long a preview may be confirmed, in milliseconds. */
  ttlMs: number;
  /** Previews kept at most, all users together (the oldest go first). */
  maxUploads: number;
  /** Previews kept at most per user. */
  maxPerUser: number;
  /** Rows kept at most, all previews together: memory is bounded whatever is uploaded. */
  maxRows: number;
}

export const PENDING_LIMITS: PendingLimits = { ttlMs: 30 * 60_000, maxUploads: 100, maxPerUser: 5, maxRows: 200_000 };

/** Clean previews waiting for confirmation, in memory, each under a random token. */
export class PendingUploads {
  private readonly kept = new Map<string, PendingUpload>();

  constructor(private readonly limits: PendingLimits = PENDING_LIMITS) {}

  /** Keeps the rows for their owner; returns the token that confirms them. */
  put(upload: Omit<PendingUpload, 'expiresAt'>, now: number): string {
    this.expire(now);
    const token = randomBytes(24).toString('base64url');
    this.kept.set(token, { ...upload, expiresAt: now + this.limits.ttlMs });
    const mine = [...this.kept].filter(([, u]) => u.owner === upload.owner);
    for (const [t] of mine.slice(0, Math.max(0, mine.length - this.limits.maxPerUser))) this.kept.delete(t);
    let rows = 0;
    for (const u of this.kept.values()) rows += u.rows.length;
    // Map order is insertion order: the oldest previews are dropped first, never the new one.
    for (const [t, u] of this.kept) {
      if (this.kept.size <= this.limits.maxUploads && rows <= this.limits.maxRows) break;
      if (t === token) continue;
      this.kept.delete(t);
      rows -= u.rows.length;
    }
    return token;
  }

  /** Takes the preview out (a token is used once); null when unknown, expired or another user's. */
  take(owner: number, token: string, now: number): PendingUpload | null {
    this.expire(now);
    const upload = this.kept.get(token);
    if (!upload || upload.owner !== owner) return null;
    this.kept.delete(token);
    return upload;
  }

  get size(): number {
    return this.kept.size;
  }

  private expire(now: number): void {
    for (const [t, u] of this.kept) if (u.expiresAt <= now) this.kept.delete(t);
  }
}

/** Writes a confirmed preview with the form's checks again (permission, lock) in one transaction. */
export function confirmUpload(c: EntryContext, p: Principal, upload: PendingUpload, at: string, reason: string): Promise<WriteCounts> {
  return saveRows(c, p, upload.department, upload.rows, upload.year, at, reason.trim() || `上传文件“${upload.fileName}”`);
}
