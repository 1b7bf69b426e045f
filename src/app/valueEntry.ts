/**
 * Values typed into a form: checked with the same rules as a file import, refused as a whole if
 * any is wrong, the user may not write one, or its submission is locked; written with history.
 */
import { canEnterValues } from '../core/access/permissions.js';
import type { Principal } from '../core/access/roles.js';
import type { OrgScope } from '../core/access/scope.js';
import type { Plan } from '../core/plan/types.js';
import type { Column } from '../core/validate/columns.js';
import { type Cells, type CleanRow, validateRow } from '../core/validate/rowRules.js';
import { YEAR_ON_YEAR_LIMIT } from '../core/validate/warningLimits.js';
import { isEditable, STATE_LABELS } from '../core/workflow/submission.js';
import type { Db } from '../db/dialect.js';
import type { OrgDirectory } from '../db/queries/getOrgTree.js';
import { DataValueWriter, type WriteCounts } from '../db/repositories/dataValueWriter.js';
import { getSubmission } from '../db/repositories/submissions.js';
import { submissionKeyOf } from './forms.js';
import type { Responsibilities } from './responsibilities.js';

type Cell = string | number | null | undefined;

export interface Entry {
  indicator: string;
  orgUnit: string;
  sex?: string | null;
  area?: string | null;
  ageGroup?: string | null;
  value?: Cell;
  numerator?: Cell;
  denominator?: Cell;
  source?: string | null;
  note?: string | null;
}

export interface EntryError {
  index: number;
  column: Column | null;
  message: string;
}

export interface EntryWarning {
  index: number;
  message: string;
}

export interface EntryContext {
  db: Db;
  plan: Plan;
  org: OrgDirectory;
  scope: OrgScope;
  responsibilities: Responsibilities;
}

export class EntryRefused extends Error {
  constructor(
    readonly kind: 'forbidden' | 'locked',
    message: string,
  ) {
    super(message);
  }
}

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c).trim());

function cellsOf(e: Entry, year: number): Cells {
  return {
    indicator: text(e.indicator),
    org_unit: text(e.orgUnit),
    year: String(year),
    sex: text(e.sex),
    area: text(e.area),
    age_group: text(e.ageGroup),
    value: text(e.value),
    numerator: text(e.numerator),
    denominator: text(e.denominator),
    source: text(e.source),
    note: text(e.note),
  };
}

export interface CheckedEntries {
  rows: { index: number; row: CleanRow }[];
  errors: EntryError[];
}

/** The import's row rules applied to each entry; entries with no number at all are skipped. */
export function checkEntries(c: EntryContext, entries: Entry[], year: number): CheckedEntries {
  const indicators = new Map(c.plan.indicators.map((i) => [i.code, i]));
  const ctx = { indicator: (code: string) => indicators.get(code), orgLevel: (code: string) => c.org.tree.get(code)?.level };
  const rows: { index: number; row: CleanRow }[] = [];
  const errors: EntryError[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const result = validateRow(cellsOf(entry, year), ctx);
    if (result.kind === 'errors') errors.push(...result.errors.map((e) => ({ index, ...e })));
    if (result.kind !== 'row') return;
    const r = result.row;
    const key = `${r.indicator}|${r.orgUnit}|${r.sex}|${r.area}|${r.ageGroup}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ index, column: null, message: `与第 ${earlier + 1} 项重复(同一指标、单位、性别、城乡、年龄组)` });
      return;
    }
    seen.set(key, index);
    rows.push({ index, row: r });
  });
  return { rows, errors };
}

/** Refuses (EntryRefused) rows this user may not write, or whose submission is not a draft. */
export async function authorizeRows(
  c: EntryContext,
  p: Principal,
  department: string,
  rows: { row: CleanRow }[],
  year: number,
): Promise<void> {
  const reportingUnits = new Set<string>();
  for (const { row } of rows) {
    const refusal = writeRefusal(c, p, department, row);
    if (refusal) throw new EntryRefused('forbidden', refusal);
    const key = submissionKeyOf(c.scope, department, row.orgUnit, year);
    if (key) reportingUnits.add(key.orgUnit);
  }
  for (const unit of reportingUnits) {
    const refusal = await lockRefusal(c, department, unit, year);
    if (refusal) throw new EntryRefused('locked', refusal);
  }
}

/** Why this user may not write the row for the department, or null when it may. */
export function writeRefusal(c: EntryContext, p: Principal, department: string, row: CleanRow): string | null {
  const lead = c.responsibilities.get(row.indicator)?.lead ?? null;
  if (p.departmentCode === department && canEnterValues(p, lead, row.orgUnit, c.scope)) return null;
  const name = c.plan.indicators.find((i) => i.code === row.indicator)?.name ?? row.indicator;
  return `无权填报“${name}”在“${c.org.names.get(row.orgUnit) ?? row.orgUnit}”的数据`;
}

/** Why the department's values of a reporting unit and year are locked (its submission is not a draft), or null. */
export async function lockRefusal(c: EntryContext, department: string, reportingUnit: string, year: number): Promise<string | null> {
  const submission = await getSubmission(c.db, { department, orgUnit: reportingUnit, year });
  if (isEditable(submission.state)) return null;
  return `${c.org.names.get(reportingUnit) ?? reportingUnit} ${year} 年的数据${STATE_LABELS[submission.state]},已锁定,不能修改${submission.state === 'approved' ? '(须由批准人重新打开)' : '(须先退回)'}`;
}

/** Changes of more than 50 % against the year before, to be confirmed rather than refused. */
export async function entryWarnings(c: EntryContext, rows: { index: number; row: CleanRow }[], year: number): Promise<EntryWarning[]> {
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.map((r) => r.row.indicator))];
  const units = [...new Set(rows.map((r) => r.row.orgUnit))];
  const before = await c.db
    .selectFrom('data_value')
    .select(['indicator_code', 'org_unit_code', 'sex', 'area', 'age_group', 'value'])
    .where('year', '=', year - 1)
    .where('indicator_code', 'in', codes)
    .where('org_unit_code', 'in', units)
    .execute();
  const previous = new Map(before.map((b) => [`${b.indicator_code}|${b.org_unit_code}|${b.sex}|${b.area}|${b.age_group}`, b.value]));
  const warnings: EntryWarning[] = [];
  for (const { index, row } of rows) {
    const last = previous.get(`${row.indicator}|${row.orgUnit}|${row.sex}|${row.area}|${row.ageGroup}`);
    if (last === undefined || last === null || last === 0) continue;
    const change = (row.value - last) / Math.abs(last);
    if (Math.abs(change) > YEAR_ON_YEAR_LIMIT) {
      warnings.push({
        index,
        message: `与 ${year - 1} 年(${formatFigure(last)})相比${change > 0 ? '上升' : '下降'} ${Math.round(Math.abs(change) * 100)}%,请核实`,
      });
    }
  }
  return warnings;
}

/**
 * Writes checked rows in one transaction, keeping every replaced version with who, when and why.
 * The permission and lock checks run again inside it, so a submission made meanwhile wins.
 */
export async function saveRows(
  c: EntryContext,
  p: Principal,
  department: string,
  rows: CleanRow[],
  year: number,
  at: string,
  reason: string,
): Promise<WriteCounts> {
  const who = p.username;
  return c.db.transaction().execute(async (trx) => {
    await authorizeRows(
      { ...c, db: trx },
      p,
      department,
      rows.map((row) => ({ row })),
      year,
    );
    const pairs = new Set(rows.map((r) => `${r.indicator}|${r.year}`));
    const writer = new DataValueWriter(trx, { who, at, reason, importId: null }, 1000, pairs);
    try {
      for (const row of rows) await writer.add(row);
      await writer.flush();
    } finally {
      await writer.settle();
    }
    return writer.counts;
  });
}

/** A stored figure as a person would write it: at most four decimals, no trailing zeros. */
export function formatFigure(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}
