/** The date by which departments report a year's figures (报送截止日期). */
import type { Db } from '../dialect.js';

export interface Deadline {
  year: number;
  /** A Beijing date, YYYY-MM-DD. */
  deadline: string;
  updatedBy: string;
  updatedAt: string;
}

export async function listDeadlines(db: Db): Promise<Deadline[]> {
  const rows = await db.selectFrom('reporting_deadline').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: Number(r.year), deadline: r.deadline, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}

export async function getDeadline(db: Db, year: number): Promise<string | null> {
  const row = await db.selectFrom('reporting_deadline').select('deadline').where('year', '=', year).executeTakeFirst();
  return row?.deadline ?? null;
}

export async function setDeadline(db: Db, d: Deadline): Promise<void> {
  await db
    .insertInto('reporting_deadline')
    .values({ year: d.year, deadline: d.deadline, updated_by: d.updatedBy, updated_at: d.updatedAt })
    .onConflict((oc) => oc.column('year').doUpdateSet({ deadline: d.deadline, updated_by: d.updatedBy, updated_at: d.updatedAt }))
    .execute();
}
