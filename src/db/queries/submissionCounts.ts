/** How many submissions each year has in each review state (the publishing page's reminder). */
import type { Db } from '../dialect.js';

export interface YearSubmissionCount {
  year: number;
  state: string;
  count: number;
}

export async function submissionCountsByYear(db: Db): Promise<YearSubmissionCount[]> {
  const rows = await db
    .selectFrom('submission')
    .select(['year', 'state', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['year', 'state'])
    .execute();
  // PostgreSQL returns counts as strings.
  return rows.map((r) => ({ year: Number(r.year), state: r.state, count: Number(r.n) }));
}
