/** The review state of each department × reporting unit × year, and every transition it went through. */
import { isSubmissionState, type SubmissionState } from '../../core/workflow/submission.js';
import type { Db } from '../dialect.js';

export interface SubmissionKey {
  department: string;
  orgUnit: string;
  year: number;
}

export interface SubmissionRecord extends SubmissionKey {
  state: SubmissionState;
  updatedBy: string | null;
  updatedAt: string | null;
  submittedAt: string | null;
}

export interface SubmissionEventRecord {
  action: string;
  from: string;
  to: string;
  by: string;
  at: string;
  reason: string;
}

/** The submission, or a draft nobody has touched yet. */
export async function getSubmission(db: Db, key: SubmissionKey): Promise<SubmissionRecord> {
  const row = await db
    .selectFrom('submission')
    .selectAll()
    .where('department_code', '=', key.department)
    .where('org_unit_code', '=', key.orgUnit)
    .where('year', '=', key.year)
    .executeTakeFirst();
  if (!row) return { ...key, state: 'draft', updatedBy: null, updatedAt: null, submittedAt: null };
  return {
    ...key,
    state: isSubmissionState(row.state) ? row.state : 'draft',
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

export async function listSubmissions(db: Db, year: number): Promise<SubmissionRecord[]> {
  const rows = await db.selectFrom('submission').selectAll().where('year', '=', year).execute();
  return rows.map((r) => ({
    department: r.department_code,
    orgUnit: r.org_unit_code,
    year: r.year,
    state: isSubmissionState(r.state) ? r.state : 'draft',
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
  }));
}

/**
 * Moves a submission to `to` if it is still in `from` (a concurrent transition loses), and records
 * the event. Returns false when the state had changed meanwhile.
 */
export async function recordTransition(
  db: Db,
  key: SubmissionKey,
  change: { action: string; from: SubmissionState; to: SubmissionState; by: string; at: string; reason: string },
): Promise<boolean> {
  const submittedAt = change.action === 'submit' ? change.at : undefined;
  const updated = await db
    .updateTable('submission')
    .set({ state: change.to, updated_by: change.by, updated_at: change.at, ...(submittedAt ? { submitted_at: submittedAt } : {}) })
    .where('department_code', '=', key.department)
    .where('org_unit_code', '=', key.orgUnit)
    .where('year', '=', key.year)
    .where('state', '=', change.from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    if (change.from !== 'draft') return false;
    const exists = await db
      .selectFrom('submission')
      .select('state')
      .where('department_code', '=', key.department)
      .where('org_unit_code', '=', key.orgUnit)
      .where('year', '=', key.year)
      .executeTakeFirst();
    if (exists) return false;
    await db
      .insertInto('submission')
      .values({
        department_code: key.department,
        org_unit_code: key.orgUnit,
        year: key.year,
        state: change.to,
        updated_by: change.by,
        updated_at: change.at,
        submitted_at: submittedAt ?? null,
      })
      .execute();
  }
  await db
    .insertInto('submission_event')
    .values({
      department_code: key.department,
      org_unit_code: key.orgUnit,
      year: key.year,
      action: change.action,
      from_state: change.from,
      to_state: change.to,
      by_user: change.by,
      at: change.at,
      reason: change.reason,
    })
    .execute();
  return true;
}

export async function getSubmissionEvents(db: Db, key: SubmissionKey): Promise<SubmissionEventRecord[]> {
  const rows = await db
    .selectFrom('submission_event')
    .selectAll()
    .where('department_code', '=', key.department)
    .where('org_unit_code', '=', key.orgUnit)
    .where('year', '=', key.year)
    .orderBy('id', 'asc')
    .execute();
  return rows.map((r) => ({ action: r.action, from: r.from_state, to: r.to_state, by: r.by_user, at: r.at, reason: r.reason }));
}
