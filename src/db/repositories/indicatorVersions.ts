/**
 * Per-indicator version tokens, changed in the transaction of every write that changes an
 * indicator's figures: `data` when its stored values change, `approved` when what counts as
 * approved of it changes (a workflow step of its lead department, the demo set). The figure store
 * compares them with the tokens its figures were computed from.
 */
import type { Db } from '../dialect.js';
import { newToken } from './meta.js';

export type IndicatorTokenKind = 'data' | 'approved';

export interface IndicatorTokens {
  data: string;
  approved: string;
}

export async function touchIndicators(db: Db, codes: Iterable<string>, kind: IndicatorTokenKind): Promise<void> {
  const unique = [...new Set(codes)].sort();
  if (unique.length === 0) return;
  const token = newToken();
  const column = kind === 'data' ? 'data_token' : 'approved_token';
  await db
    .insertInto('indicator_version')
    .values(unique.map((code) => ({ indicator_code: code, [column]: token })))
    .onConflict((oc) => oc.column('indicator_code').doUpdateSet({ [column]: token }))
    .execute();
}

/** Tokens of the indicators; '0' for one never written. */
export async function readIndicatorTokens(db: Db, codes: readonly string[]): Promise<Map<string, IndicatorTokens>> {
  const rows =
    codes.length === 0
      ? []
      : await db
          .selectFrom('indicator_version')
          .select(['indicator_code', 'data_token', 'approved_token'])
          .where('indicator_code', 'in', codes)
          .execute();
  const found = new Map(rows.map((r) => [r.indicator_code, { data: r.data_token, approved: r.approved_token }]));
  return new Map(codes.map((c) => [c, found.get(c) ?? { data: '0', approved: '0' }]));
}
