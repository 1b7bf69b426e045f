/**
 * `COPY … FROM STDIN` through Kysely. PostgreSQL loads rows by COPY several times faster than by
 * INSERT … SELECT (one WAL record per page instead of per row, no executor per row), and a
 * million-row import spends most of its time there. Kysely has no COPY, so the pool handed to
 * its PostgreSQL dialect runs a statement `COPY … FROM STDIN` with its one parameter as the data
 * (PostgreSQL's text format): callers stay on Kysely's connection, inside its transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const COPY_FROM_STDIN = /^\s*copy\s[\s\S]*\sfrom\s+stdin\s*$/i;

export function copyingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, CopyingClient>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) clients.set(client, (wrapped = new CopyingClient(client)));
      return wrapped;
    },
    end: () => pool.end(),
  };
}

class CopyingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    statement: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof statement !== 'string') return this.client.query(statement as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    if (COPY_FROM_STDIN.test(statement)) return this.copyIn<R>(statement, parameters?.[0]);
    return this.client.query(statement, parameters ? [...parameters] : []) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }

  private async copyIn<R>(statement: string, data: unknown): Promise<PostgresQueryResult<R>> {
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data)
        : data instanceof Uint8Array
          ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
          : null;
    if (!bytes) throw new Error('COPY FROM STDIN takes its data as one parameter, text or bytes');
    const stream = this.client.query(copyFrom(statement));
    await pipeline(Readable.from([bytes]), stream);
    // Reported as an INSERT: Kysely gives the affected rows of INSERTs only.
    return { command: 'INSERT', rowCount: stream.rowCount, rows: [] };
  }
}
