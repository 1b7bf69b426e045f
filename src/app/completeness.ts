/**
 * Completeness and timeliness of reporting (报送完整性与及时性): for every department that leads
 * indicators and every reporting unit, how many values are due and filled, where the submission
 * stands, and whether it is late.
 */
import type { OrgScope } from '../core/access/scope.js';
import type { Plan } from '../core/plan/types.js';
import { chinaDate, daysBetween } from '../core/time/chinaTime.js';
import { isSubmissionState, STATE_LABELS, type SubmissionState } from '../core/workflow/submission.js';
import type { Db } from '../db/dialect.js';
import type { OrgDirectory } from '../db/queries/getOrgTree.js';
import { getDeadline } from '../db/repositories/deadlines.js';
import { getAssignments, listDepartments } from '../db/repositories/departments.js';
import { reportingUnitsUnder } from './reportingUnits.js';

export interface CompletenessRow {
  orgUnitCode: string;
  orgUnitName: string;
  departmentCode: string;
  departmentName: string;
  /** Indicators the department leads: one total value each is due at the unit. */
  expected: number;
  filled: number;
  state: SubmissionState;
  stateLabel: string;
  submittedAt: string | null;
  approved: boolean;
  /** The deadline has passed and the department has not submitted. */
  late: boolean;
  daysLate: number;
}

export interface CompletenessTotals {
  rows: number;
  expected: number;
  filled: number;
  submitted: number;
  approved: number;
  late: number;
}

export interface Completeness {
  year: number;
  deadline: string | null;
  rows: CompletenessRow[];
  totals: CompletenessTotals;
}

export interface CompletenessQuery {
  year: number;
  /** The reporting units at or below this unit. */
  root: string;
  department?: string;
  now: Date;
}

export async function completeness(db: Db, plan: Plan, org: OrgDirectory, scope: OrgScope, q: CompletenessQuery): Promise<Completeness> {
  const units = reportingUnitsUnder(org, scope, q.root);
  // Coverage indicators are derived from other indicators, never reported.
  const reported = new Set(plan.indicators.filter((i) => i.aggregation !== 'coverage').map((i) => i.code));
  const led = new Map<string, string[]>();
  for (const a of await getAssignments(db, q.year)) {
    if (a.role !== 'lead' || !reported.has(a.itemCode)) continue;
    if (q.department !== undefined && a.departmentCode !== q.department) continue;
    led.set(a.departmentCode, [...(led.get(a.departmentCode) ?? []), a.itemCode]);
  }
  const deadline = await getDeadline(db, q.year);
  if (units.length === 0 || led.size === 0) return { year: q.year, deadline, rows: [], totals: totalsOf([]) };

  const unitCodes = units.map((u) => u.code);
  const indicatorCodes = [...led.values()].flat();
  const [values, submissions, departments] = await Promise.all([
    db
      .selectFrom('data_value')
      .select(['indicator_code', 'org_unit_code'])
      .where('year', '=', q.year)
      .where('sex', '=', 'total')
      .where('area', '=', 'total')
      .where('age_group', '=', 'total')
      .where('org_unit_code', 'in', unitCodes)
      .where('indicator_code', 'in', indicatorCodes)
      .execute(),
    db
      .selectFrom('submission')
      .select(['department_code', 'org_unit_code', 'state', 'submitted_at'])
      .where('year', '=', q.year)
      .where('org_unit_code', 'in', unitCodes)
      .execute(),
    listDepartments(db),
  ]);
  const filled = new Set(values.map((v) => `${v.indicator_code}\t${v.org_unit_code}`));
  const submission = new Map(submissions.map((s) => [`${s.department_code}\t${s.org_unit_code}`, s]));
  const today = chinaDate(q.now);
  const overdue = deadline !== null && today > deadline ? daysBetween(deadline, today) : 0;

  const rows: CompletenessRow[] = [];
  const leaders = departments.filter((d) => led.has(d.code));
  for (const u of units) {
    for (const d of leaders) {
      const indicators = led.get(d.code) ?? [];
      const s = submission.get(`${d.code}\t${u.code}`);
      const state: SubmissionState = s && isSubmissionState(s.state) ? s.state : 'draft';
      const late = overdue > 0 && state === 'draft';
      rows.push({
        orgUnitCode: u.code,
        orgUnitName: u.name,
        departmentCode: d.code,
        departmentName: d.name,
        expected: indicators.length,
        filled: indicators.filter((i) => filled.has(`${i}\t${u.code}`)).length,
        state,
        stateLabel: STATE_LABELS[state],
        submittedAt: s?.submitted_at ?? null,
        approved: state === 'approved',
        late,
        daysLate: late ? overdue : 0,
      });
    }
  }
  return { year: q.year, deadline, rows, totals: totalsOf(rows) };
}

function totalsOf(rows: CompletenessRow[]): CompletenessTotals {
  return {
    rows: rows.length,
    expected: rows.reduce((n, r) => n + r.expected, 0),
    filled: rows.reduce((n, r) => n + r.filled, 0),
    submitted: rows.filter((r) => r.state !== 'draft').length,
    approved: rows.filter((r) => r.approved).length,
    late: rows.filter((r) => r.late).length,
  };
}
