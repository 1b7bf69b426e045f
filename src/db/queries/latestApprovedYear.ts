/** The latest year, within a range, for which some submission has been approved: the year a dashboard opens on. */
import type { Db } from '../dialect.js';

export async function latestApprovedYear(db: Db, from: number, to: number): Promise<number | null> {
  const row = await db
    .selectFrom('submission')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('state', '=', 'approved')
    .where('year', '>=', from)
    .where('year', '<=', to)
    .executeTakeFirst();
  // PostgreSQL returns the aggregate as it stores the column; SQLite as a number; null without rows.
  return row?.year == null ? null : Number(row.year);
}
