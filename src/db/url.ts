/** Where the database is: an embedded SQLite file or a PostgreSQL server. */
export type DbTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export const DEFAULT_DB = 'sqlite:./data/childplan.sqlite';

/** Parses `--db` / CHILDPLAN_DB: `sqlite:PATH`, a bare path, or `postgres://…`. */
export function parseDbUrl(input: string | undefined): DbTarget {
  const text = (input ?? '').trim() || DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(text)) return { kind: 'postgres', url: text };
  if (/^sqlite:/i.test(text)) {
    const path = text.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new Error(`数据库地址无效: ${text}(应为 sqlite:路径 或 postgres://用户@主机:端口/库名)`);
    return { kind: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new Error(`不支持的数据库地址: ${text}(应为 sqlite:路径 或 postgres://用户@主机:端口/库名)`);
  }
  return { kind: 'sqlite', path: text };
}

/** The address with any password masked, for messages. */
export function describeDb(target: DbTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.path}`;
  return `PostgreSQL ${target.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
}
