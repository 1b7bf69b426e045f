/** Join conditions on a value's identity between two aliased sources of value rows. */
import { type Expression, type SqlBool, sql } from 'kysely';

const IDENTITY = ['indicator_code', 'org_unit_code', 'year', 'sex', 'area', 'age_group'] as const;
type IdentityColumn = (typeof IDENTITY)[number];

/** `a` and `b` name the same value: equal on every identity column but those left out. */
export function sameValue(a: string, b: string, except: readonly IdentityColumn[] = []): Expression<SqlBool> {
  const columns = IDENTITY.filter((c) => !except.includes(c));
  return sql<SqlBool>`${sql.join(
    columns.map((c) => sql`${sql.ref(`${a}.${c}`)} = ${sql.ref(`${b}.${c}`)}`),
    sql` and `,
  )}`;
}
