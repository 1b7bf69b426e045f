/**
 * The web application's tables: departments and their assignments, users, sessions, the
 * security log, the review workflow, deadlines, qualitative reports and ratings, files. Frozen.
 */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

type AnyDb = Kysely<unknown>;

function isPg(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function idColumn(db: AnyDb): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPg(db) ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement();
}

export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('department')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  // Year 0 holds the default that applies to every year without its own rows for the item.
  await db.schema
    .createTable('assignment')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_pk', ['year', 'item_code', 'department_code'])
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(40)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(40)')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('password_changed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  // The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
  await db.schema
    .createTable('app_session')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('security_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('event', 'varchar(40)', (c) => c.notNull())
    .addColumn('username', 'varchar(100)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_log_at').on('security_log').columns(['at']).execute();

  await db.schema
    .createTable('submission')
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(40)')
    .addPrimaryKeyConstraint('submission_pk', ['department_code', 'org_unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('submission_event')
    .addColumn('id', 'integer', id)
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('to_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('by_user', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_event_key')
    .on('submission_event')
    .columns(['department_code', 'org_unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('reporting_deadline')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  // Implementation plans (实施方案) and evidence for qualitative reports; the bytes live in the database
  // so that a backup of the database is a backup of everything.
  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'varchar(100)')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', isPg(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('deleted_at', 'varchar(40)')
    .addColumn('deleted_by', 'varchar(100)')
    .execute();
  await db.schema
    .createIndex('stored_file_owner')
    .on('stored_file')
    .columns(['kind', 'department_code', 'org_unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('qualitative_report')
    .addColumn('item_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('qualitative_report_pk', ['item_code', 'department_code', 'org_unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('qualitative_rating')
    .addColumn('item_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rating', 'varchar(30)', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('rated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('rated_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('qualitative_rating_pk', ['item_code', 'org_unit_code', 'year'])
    .execute();

  // Every earlier text and rating, as data_value_history keeps every earlier value.
  await db.schema
    .createTable('qualitative_history')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('item_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(40)')
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('old_text', 'text')
    .addColumn('new_text', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'qualitative_history',
    'qualitative_rating',
    'qualitative_report',
    'stored_file',
    'reporting_deadline',
    'submission_event',
    'submission',
    'security_log',
    'app_session',
    'app_user',
    'assignment',
    'department',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
