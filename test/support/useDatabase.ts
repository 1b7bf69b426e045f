/** A fresh database for the enclosing describe block: created (and `childplan init`-ed) before it, dropped after it. */
import { afterAll, beforeAll } from 'vitest';
import { runCli } from './cli.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.js';

export function useDatabase(dialect: Dialect, options: { init?: boolean } = {}): { readonly url: string } {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    if (options.init === false) return;
    const init = await runCli(database.url, 'init');
    if (init.code !== 0) throw new Error(`childplan init failed: ${init.stderr}`);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get url(): string {
      if (!database) throw new Error('the test database is made in beforeAll');
      return database.url;
    },
  };
}
