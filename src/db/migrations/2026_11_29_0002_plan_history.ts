/** Every replaced version of the plan, with who replaced it, when and why. Frozen. */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

type AnyDb = Kysely<unknown>;

function idColumn(db: AnyDb): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return postgres ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement();
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('plan_history')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('replaced_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('replaced_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('plan_history').ifExists().execute();
}
