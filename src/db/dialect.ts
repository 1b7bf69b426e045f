/** Opens the database named by a DbTarget. Every difference between SQLite and PostgreSQL lives here. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, type RawBuilder, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { copyingPool } from './postgresCopy.js';
import type { Database } from './schema.js';
import type { DbTarget } from './url.js';

export type Db = Kysely<Database>;

// pg returns int8 (COUNT, SUM of integers) as strings; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (text) => Number(text));

export interface OpenedDb {
  db: Db;
  kind: DbTarget['kind'];
  /** Largest number of bound parameters one statement may carry. */
  maxParameters: number;
}

export function openDb(target: DbTarget): OpenedDb {
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const database = new SQLite(target.path);
    // Larger pages make bulk inserts into the value indexes ~15 % faster; only a new file takes them.
    database.pragma('page_size = 16384');
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('cache_size = -65536');
    // ANALYZE samples instead of reading whole indexes: quick enough to run after every import.
    database.pragma('analysis_limit = 1000');
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), kind: 'sqlite', maxParameters: 32_000 };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle connection closed by the server (restart, DROP DATABASE … FORCE) is dropped from the
  // pool and reopened on the next query; unhandled, the event would end the whole process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL 空闲连接已断开,将在下次查询时重新连接:${error.message}`);
  });
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) }),
    kind: 'postgres',
    maxParameters: 65_000,
  };
}

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export type JsonColumnType = 'text' | 'integer' | 'real';

/**
 * A row source reading a JSON array of arrays passed as ONE parameter: many rows per statement
 * without thousands of placeholders (SQLite's statement compile time grows with them).
 * Column i of the source is element i of each inner array, named as given. The result is a
 * parenthesised subquery, to be aliased (`.as('k')`) as a derived table.
 */
export function rowsFromJson<Row = unknown>(
  db: Db,
  json: string | Uint8Array,
  columns: readonly { name: string; type: JsonColumnType }[],
): RawBuilder<Row> {
  if (isPostgres(db)) {
    const text = typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
    const pgType: Record<JsonColumnType, string> = { text: 'text', integer: 'integer', real: 'double precision' };
    const list = columns.map((c, i) => sql`(e->>${sql.lit(i)})::${sql.raw(pgType[c.type])} as ${sql.ref(c.name)}`);
    return sql<Row>`(select ${sql.join(list)} from jsonb_array_elements(${text}::jsonb) as e)`;
  }
  const list = columns.map((c, i) => sql`value->>${sql.lit(i)} as ${sql.ref(c.name)}`);
  // UTF-8 bytes are bound as a blob and read as the text they are, without a conversion in between.
  const source = typeof json === 'string' ? sql`${json}` : sql`cast(${Buffer.from(json.buffer, json.byteOffset, json.byteLength)} as text)`;
  // jsonb_each hands each inner array over in SQLite's binary JSON, which ->> reads without parsing
  // it again as json_each's text would be: a fifth off the time of a million-row import's inserts.
  return sql<Row>`(select ${sql.join(list)} from jsonb_each(${source}))`;
}

/**
 * Appends rows given in PostgreSQL's COPY text format (see valueRowsCopy), on the connection and
 * in the transaction of `db`. PostgreSQL only.
 */
export async function copyInto(db: Db, table: string, columns: readonly string[], data: string | Uint8Array): Promise<void> {
  if (!isPostgres(db)) throw new Error('copyInto is for PostgreSQL');
  const list = columns.map((c) => `"${c}"`).join(', ');
  await db.executeQuery(CompiledQuery.raw(`copy "${table}" (${list}) from stdin`, [data]));
}
