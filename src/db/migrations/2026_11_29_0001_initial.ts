/** The first schema. Frozen: later changes go in new migrations. */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Migrations are frozen in time, so they see the database as untyped.
type AnyDb = Kysely<unknown>;

/** An auto-numbered primary key: an identity column in PostgreSQL, AUTOINCREMENT in SQLite. */
function idColumn(db: AnyDb): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return postgres ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement();
}

export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('meta')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('code', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'varchar(12)', (c) => c.notNull())
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer', (c) => c.notNull())
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_domain')
    .addColumn('plan_code', 'varchar(100)', (c) => c.notNull().references('plan.code').onDelete('cascade'))
    .addColumn('code', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_domain_pk', ['plan_code', 'code'])
    .execute();

  await db.schema
    .createTable('plan_item')
    .addColumn('plan_code', 'varchar(100)', (c) => c.notNull().references('plan.code').onDelete('cascade'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull())
    .addColumn('domain_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_item_pk', ['plan_code', 'code'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('code', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('plan_code', 'varchar(100)', (c) => c.notNull().references('plan.code').onDelete('cascade'))
    .addColumn('domain_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('plan_ref', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'varchar(40)', (c) => c.notNull())
    .addColumn('direction', 'varchar(10)', (c) => c.notNull())
    .addColumn('bounded', 'integer', (c) => c.notNull())
    .addColumn('yes_no', 'integer', (c) => c.notNull())
    .addColumn('numerator', 'text')
    .addColumn('denominator', 'text')
    .addColumn('factor', 'double precision', (c) => c.notNull())
    .addColumn('aggregation', 'varchar(20)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_target')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_code', 'varchar(100)', (c) => c.notNull().references('indicator.code').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('milestones', 'text')
    .addColumn('coverage', 'text')
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'varchar(10)', (c) => c.notNull())
    .addColumn('area', 'varchar(10)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_unit')
    .addColumn('code', 'varchar(12)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(12)', (c) => c.references('org_unit.code'))
    .addColumn('area', 'varchar(10)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').column('parent_code').execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', id)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('imported_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();

  // No foreign keys on data_value: every writer checks indicator and unit codes in its own
  // transaction, and per-row key checks made a million-row import three times slower in
  // PostgreSQL (16.0 s against 5.4 s). Plans and units with values are never deleted.
  await db.schema
    .createTable('data_value')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'varchar(10)', (c) => c.notNull())
    .addColumn('area', 'varchar(10)', (c) => c.notNull())
    .addColumn('age_group', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('data_value_key', ['indicator_code', 'org_unit_code', 'year', 'sex', 'area', 'age_group'])
    .execute();
  await db.schema.createIndex('data_value_import_idx').on('data_value').column('import_id').execute();

  await db.schema
    .createTable('data_value_history')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'varchar(10)', (c) => c.notNull())
    .addColumn('area', 'varchar(10)', (c) => c.notNull())
    .addColumn('age_group', 'varchar(40)', (c) => c.notNull())
    .addColumn('old_value', 'double precision')
    .addColumn('old_numerator', 'double precision')
    .addColumn('old_denominator', 'double precision')
    .addColumn('old_source', 'text')
    .addColumn('old_note', 'text')
    .addColumn('old_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('old_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('new_value', 'double precision')
    .addColumn('new_numerator', 'double precision')
    .addColumn('new_denominator', 'double precision')
    .addColumn('new_source', 'text')
    .addColumn('new_note', 'text')
    .addColumn('changed_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .execute();
  await db.schema
    .createIndex('data_value_history_key_idx')
    .on('data_value_history')
    .columns(['indicator_code', 'org_unit_code', 'year'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'data_value_history',
    'data_value',
    'import_batch',
    'org_unit',
    'indicator_target',
    'indicator',
    'plan_item',
    'plan_domain',
    'plan',
    'meta',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
