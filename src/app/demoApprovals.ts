/**
 * The demo set's review states: every report of the demo years approved, except a few of the
 * latest year left at each earlier step, so that the workflow pages have something to show.
 */
import type { Plan } from '../core/plan/types.js';
import type { SubmissionState } from '../core/workflow/submission.js';
import type { Db } from '../db/dialect.js';
import { formIndicators } from './forms.js';
import { getResponsibilities } from './responsibilities.js';

/** department@unit → state for the last demo year; everything else is approved. */
const LAST_YEAR_STATES: Record<string, SubmissionState> = {
  'health@220323': 'submitted',
  'education@220382': 'reviewed',
  'civil_affairs@220303': 'draft',
};

export async function approveDemoSubmissions(
  db: Db,
  plan: Plan,
  years: { first: number; last: number },
  who: string,
  at: string,
): Promise<void> {
  const units = await db
    .selectFrom('org_unit')
    .select(['code', 'level'])
    .where('level', 'in', ['city', 'county'])
    .orderBy('sort_order')
    .execute();
  const departments = await db.selectFrom('department').select('code').execute();
  const rows: {
    department_code: string;
    org_unit_code: string;
    year: number;
    state: string;
    updated_by: string;
    updated_at: string;
    submitted_at: string;
  }[] = [];
  for (let year = years.first; year <= years.last; year++) {
    const responsibilities = await getResponsibilities(db, year);
    for (const unit of units) {
      for (const d of departments) {
        if (formIndicators(plan, responsibilities, d.code, unit.level).length === 0) continue;
        const state = year === years.last ? (LAST_YEAR_STATES[`${d.code}@${unit.code}`] ?? 'approved') : 'approved';
        if (state === 'draft') continue;
        rows.push({ department_code: d.code, org_unit_code: unit.code, year, state, updated_by: who, updated_at: at, submitted_at: at });
      }
    }
  }
  await db.deleteFrom('submission').where('year', '>=', years.first).where('year', '<=', years.last).execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('submission')
      .values(rows.slice(i, i + 200))
      .execute();
}
