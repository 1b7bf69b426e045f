import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type OpenedDb } from '../../src/db/dialect.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const ADMIN_URL = process.env.CHILDPLAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('a PostgreSQL connection closed by the server', () => {
  let database: TestDatabase;
  let opened: OpenedDb;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    opened = openDb({ kind: 'postgres', url: database.url });
  });
  afterAll(async () => {
    await opened.db.destroy();
    await database.drop();
  });

  it('does not end the process and the next query opens a new connection', async () => {
    const before = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(opened.db);
    const pid = before.rows[0]?.pid;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      const killed = await admin.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [pid]);
      expect(killed.rows[0]?.done).toBe(true);
    } finally {
      await admin.end();
    }
    // Give the pool the moment it needs to see the idle connection end.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(opened.db);
    expect(after.rows[0]?.pid).not.toBe(pid);
  });
});
