/**
 * The figure store: values rolled up the hierarchy (or derived by a coverage rule), kept per data
 * kind, indicator and year so that a page of one unit reads a few rows instead of rolling up the
 * whole country. figure_state says which version of the indicator's data of a year each kind was
 * computed from; indicator_version holds those versions (year 0: every year), changed in the
 * transaction of every write. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('figure_rollup')
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('indicator_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'varchar(10)', (c) => c.notNull())
    .addColumn('area', 'varchar(10)', (c) => c.notNull())
    .addColumn('age_group', 'varchar(100)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('origin', 'varchar(10)', (c) => c.notNull())
    .addColumn('contributors', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('figure_rollup_pk', ['kind', 'org_unit_code', 'indicator_code', 'year', 'sex', 'area', 'age_group'])
    .execute();
  // Recomputing an indicator's year replaces all of its rows of a kind and year.
  await db.schema.createIndex('figure_rollup_indicator_idx').on('figure_rollup').columns(['kind', 'indicator_code', 'year']).execute();

  await db.schema
    .createTable('figure_state')
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('indicator_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('figure_state_pk', ['kind', 'indicator_code', 'year'])
    .execute();

  // A page of one unit asks which of its submissions are approved.
  await db.schema.createIndex('submission_unit_idx').on('submission').columns(['org_unit_code', 'year']).execute();

  await db.schema
    .createTable('indicator_version')
    .addColumn('indicator_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('data_token', 'varchar(40)', (c) => c.notNull().defaultTo('0'))
    .addColumn('approved_token', 'varchar(40)', (c) => c.notNull().defaultTo('0'))
    .addPrimaryKeyConstraint('indicator_version_pk', ['indicator_code', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('indicator_version').execute();
  await db.schema.dropIndex('submission_unit_idx').execute();
  await db.schema.dropTable('figure_state').execute();
  await db.schema.dropTable('figure_rollup').execute();
}
