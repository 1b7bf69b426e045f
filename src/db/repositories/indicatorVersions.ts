/**
 * Version tokens per indicator and year, changed in the transaction of every write that changes
 * figures: `data` when stored values of the year change, `approved` when what counts as approved
 * of it changes (a workflow step of its lead department). Year 0 stands for every year (the demo
 * set). The figure store compares them with the tokens its figures were computed from.
 */
import type { Db } from '../dialect.js';
import { newToken } from './meta.js';

export type IndicatorTokenKind = 'data' | 'approved';

/** Every year's tokens. */
export const ALL_YEARS = 0;

export interface IndicatorTokens {
  data: string;
  approved: string;
}

export async function touchIndicators(db: Db, codes: Iterable<string>, kind: IndicatorTokenKind, year = ALL_YEARS): Promise<void> {
  await touchIndicatorYears(
    db,
    [...codes].map((code) => ({ code, year })),
    kind,
  );
}

export async function touchIndicatorYears(
  db: Db,
  pairs: Iterable<{ code: string; year: number }>,
  kind: IndicatorTokenKind,
): Promise<void> {
  const unique = new Map<string, { code: string; year: number }>();
  for (const p of pairs) unique.set(`${p.code}|${p.year}`, p);
  if (unique.size === 0) return;
  const token = newToken();
  const column = kind === 'data' ? 'data_token' : 'approved_token';
  const rows = [...unique.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year));
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('indicator_version')
      .values(rows.slice(i, i + 2000).map((r) => ({ indicator_code: r.code, year: r.year, [column]: token })))
      .onConflict((oc) => oc.columns(['indicator_code', 'year']).doUpdateSet({ [column]: token }))
      .execute();
  }
}

/** Per indicator, the tokens of the years that have them (year 0 included); none for an indicator never written. */
export async function readIndicatorTokens(db: Db, codes: readonly string[]): Promise<Map<string, Map<number, IndicatorTokens>>> {
  const rows =
    codes.length === 0
      ? []
      : await db
          .selectFrom('indicator_version')
          .select(['indicator_code', 'year', 'data_token', 'approved_token'])
          .where('indicator_code', 'in', codes)
          .execute();
  const out = new Map<string, Map<number, IndicatorTokens>>(codes.map((c) => [c, new Map()]));
  for (const r of rows) out.get(r.indicator_code)?.set(Number(r.year), { data: r.data_token, approved: r.approved_token });
  return out;
}
