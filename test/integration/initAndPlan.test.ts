import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { openDb } from '../../src/db/dialect.js';
import { migrations } from '../../src/db/migrations/index.js';
import { parseDbUrl } from '../../src/db/url.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';
import { runCli } from '../support/cli.js';
import { csv, writeText } from '../support/files.js';
import { query, snapshot } from '../support/snapshot.js';

async function counts(db: string): Promise<Record<string, number>> {
  return query(db, async (app) => {
    const rows = await app.db
      .selectFrom('org_unit')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .execute();
    const indicators = await app.db
      .selectFrom('indicator')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const items = await app.db
      .selectFrom('plan_item')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    return {
      ...Object.fromEntries(rows.map((r) => [r.level, Number(r.n)])),
      indicators: Number(indicators.n),
      ...Object.fromEntries(items.map((r) => [r.kind, Number(r.n)])),
    };
  });
}

describe.each(DIALECTS)('initialising and replacing the plan on %s', (dialect) => {
  const database = useDatabase(dialect, { init: false });
  let db: string;
  beforeAll(() => {
    db = database.url;
  });

  it('loads the Siping plan and its 1 + 5 + 79 + 942 units', async () => {
    const result = await runCli(db, 'init');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('四平市 220300(市 1,县(市、区) 5,乡镇(街道) 79,村(居)委会 942)');
    expect(await counts(db)).toEqual({ city: 1, county: 5, township: 79, village: 942, indicators: 36, goal: 68, measure: 72 });
  });

  it('can be run again without changing anything or losing data', async () => {
    const file = writeText(
      csv([
        ['indicator', 'org_unit', 'year', 'value'],
        ['newborn_visit_rate', '220302', 2023, '95'],
      ]),
    );
    expect((await runCli(db, 'import', file)).code).toBe(0);
    const before = await snapshot(db);
    const again = await runCli(db, 'init');
    expect(again.code, again.stderr).toBe(0);
    expect(await counts(db)).toEqual({ city: 1, county: 5, township: 79, village: 942, indicators: 36, goal: 68, measure: 72 });
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses to switch to another city once the database has data', async () => {
    const result = await runCli(db, 'init', '--region', '2201');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('数据库已载入 220300 的单位和数据,不能改为 220100');
  });

  it('exports the plan as YAML that imports back unchanged', async () => {
    const file = writeText('', { name: 'exported-plan.yaml' });
    expect((await runCli(db, 'plan', 'export', file)).code).toBe(0);
    const before = await snapshot(db);
    const result = await runCli(db, 'plan', 'import', file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('7 个领域,36 项监测指标');
    expect(await snapshot(db)).toBe(before);
  });

  it('keeps the replaced plan with who replaced it and why', async () => {
    const exported = writeText('', { name: 'plan-renamed.json' });
    expect((await runCli(db, 'plan', 'export', exported)).code).toBe(0);
    const plan = JSON.parse(readFileSync(exported, 'utf8')) as { indicators: { code: string; name: string }[] };
    const first = plan.indicators[0];
    if (!first) throw new Error('no indicators');
    const oldName = first.name;
    first.name = `${oldName}(修订)`;
    writeFileSync(exported, JSON.stringify(plan));
    const result = await runCli(db, 'plan', 'import', exported, '--user', '王五', '--reason', '指标名称按省里口径修订');
    expect(result.code, result.stderr).toBe(0);
    const history = await query(db, (app) => app.db.selectFrom('plan_history').selectAll().execute());
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ replaced_by: '王五', reason: '指标名称按省里口径修订' });
    expect(history[0]?.document).toContain(`"name":"${oldName}"`);
    const stored = await query(db, (app) =>
      app.db.selectFrom('indicator').select('name').where('code', '=', first.code).executeTakeFirstOrThrow(),
    );
    expect(stored.name).toBe(`${oldName}(修订)`);
    // Loading the same plan again changes nothing and records nothing.
    expect((await runCli(db, 'plan', 'import', exported)).code).toBe(0);
    expect(await query(db, (app) => app.db.selectFrom('plan_history').selectAll().execute())).toHaveLength(1);
  });

  it('refuses a malformed plan file, naming the bad field, and changes nothing', async () => {
    const exported = writeText('', { name: 'plan-to-break.json' });
    expect((await runCli(db, 'plan', 'export', exported)).code).toBe(0);
    const plan = JSON.parse(readFileSync(exported, 'utf8')) as {
      indicators: { targets: { value: unknown }[] }[];
    };
    const target = plan.indicators[0]?.targets[0];
    if (target) target.value = 'three';
    writeFileSync(exported, JSON.stringify(plan));
    const before = await snapshot(db);
    const planBefore = await query(db, (app) => app.db.selectFrom('plan').select('document').executeTakeFirstOrThrow());
    const result = await runCli(db, 'plan', 'import', exported);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('indicators[0].targets[0].value');
    expect(await snapshot(db)).toBe(before);
    const planAfter = await query(db, (app) => app.db.selectFrom('plan').select('document').executeTakeFirstOrThrow());
    expect(planAfter.document).toBe(planBefore.document);
  });

  it('refuses a plan that drops an indicator which already has data', async () => {
    const exported = writeText('', { name: 'plan-without-indicator.json' });
    expect((await runCli(db, 'plan', 'export', exported)).code).toBe(0);
    const plan = JSON.parse(readFileSync(exported, 'utf8')) as { indicators: { code: string }[] };
    plan.indicators = plan.indicators.filter((i) => i.code !== 'newborn_visit_rate');
    writeFileSync(exported, JSON.stringify(plan));
    const result = await runCli(db, 'plan', 'import', exported);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('newborn_visit_rate');
    expect(await counts(db)).toMatchObject({ indicators: 36 });
  });
});

describe.each(DIALECTS)('upgrading an older database on %s', (dialect) => {
  const database = useDatabase(dialect, { init: false });

  it('brings a database made by the first schema version to the latest one, keeping its data', async () => {
    const names = Object.keys(migrations);
    const first = names[0];
    if (!first) throw new Error('no migrations');
    const { db } = openDb(parseDbUrl(database.url));
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: 'schema_migration',
      migrationLockTableName: 'schema_migration_lock',
    });
    const partial = await migrator.migrateTo(first);
    expect(partial.error).toBeUndefined();
    await db.destroy();
    const init = await runCli(database.url, 'init');
    expect(init.code, init.stderr).toBe(0);
    const applied = await query(database.url, (app) =>
      sql<{ name: string }>`select name from schema_migration order by name`.execute(app.db),
    );
    expect(applied.rows.map((r) => r.name)).toEqual(names);
  });
});

describe('loading another prefecture', () => {
  const database = useDatabase('sqlite', { init: false });

  it('loads Changchun, which includes 公主岭市, when asked for 2201', async () => {
    const result = await runCli(database.url, 'init', '--region', '2201');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('长春市 220100');
    const gongzhuling = await query(database.url, (app) =>
      app.db.selectFrom('org_unit').select('name').where('code', '=', '220184').executeTakeFirst(),
    );
    expect(gongzhuling?.name).toBe('公主岭市');
  });

  it('refuses an unknown prefecture code with a Chinese message', async () => {
    const other = await createTestDatabase('sqlite');
    const result = await runCli(other.url, 'init', '--region', '9999');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未知的地级行政区划代码: 9999');
    await other.drop();
  });
});

describe('a database that cannot be reached', () => {
  it('is explained in Chinese', async () => {
    const result = await runCli('postgres://postgres@127.0.0.1:1/nothing', 'init');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法连接 PostgreSQL 服务器');
  });

  it('refuses an address that is neither SQLite nor PostgreSQL', async () => {
    const result = await runCli('mysql://root@127.0.0.1/x', 'init');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不支持的数据库地址');
  });
});
