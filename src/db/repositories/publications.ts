/**
 * The years published to the public portal. Publishing or withdrawing a year changes what the
 * public sees, so it bumps approved_version (caches of public pages) and publication_version (the figure
 * store's public figures) in the same transaction.
 */
import type { Db } from '../dialect.js';
import { bumpVersion } from './meta.js';

export interface Publication {
  year: number;
  publishedBy: string;
  publishedAt: string;
}

export async function listPublications(db: Db): Promise<Publication[]> {
  const rows = await db.selectFrom('publication').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: Number(r.year), publishedBy: r.published_by, publishedAt: r.published_at }));
}

export async function publishedYears(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('publication').select('year').execute();
  return new Set(rows.map((r) => Number(r.year)));
}

export async function publishYear(db: Db, year: number, by: string, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('publication')
      .values({ year, published_by: by, published_at: at })
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
    await bumpVersion(trx, 'approved_version');
    await bumpVersion(trx, 'publication_version');
  });
}

export async function withdrawYear(db: Db, year: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('publication').where('year', '=', year).execute();
    await bumpVersion(trx, 'approved_version');
    await bumpVersion(trx, 'publication_version');
  });
}
