/** Brings a database to the latest schema; safe to run on every start. */
import { type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './dialect.js';
import { migrations } from './migrations/index.js';

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    // No migration ran: the database could not be reached at all; the caller explains that.
    if (!failed) throw result.error;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`数据库升级失败(迁移 ${failed}): ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
