/**
 * Time to assess every indicator for every unit of Siping (issue #2), on the demo data set and
 * after a large import, on SQLite. Usage: node dist/bench/assess.js [csv to import first]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAssessment } from '../src/app/assessment.js';
import { openApp, requirePlan } from '../src/app/context.js';
import { loadDemoData } from '../src/app/demoLoader.js';
import { initialise } from '../src/app/initialise.js';
import { importValues } from '../src/io/valueImporter.js';
import { loadBuiltinPlan } from '../src/plans/siping/loadPlan.js';

async function time(label: string, db: string, year: number): Promise<void> {
  const app = await openApp(db);
  const plan = await requirePlan(app.db);
  const values = await app.db
    .selectFrom('data_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    count = (await runAssessment(app.db, plan, { year, orgUnits: null, indicators: null })).length;
    runs.push((performance.now() - started) / 1000);
  }
  await app.close();
  runs.sort((a, b) => a - b);
  console.log(
    `| ${label} | ${Number(values.n).toLocaleString('en-US')} | ${count.toLocaleString('en-US')} | ${runs[2]?.toFixed(2)} s | ${runs[0]?.toFixed(2)} s |`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'childplan-bench-'));
const now = new Date().toISOString();
console.log('| data | stored values | assessments | median of 5 | best |');
console.log('|---|---|---|---|---|');
const demoDb = `sqlite:${join(dir, 'demo.sqlite')}`;
{
  const app = await openApp(demoDb);
  const plan = loadBuiltinPlan();
  await initialise(app.db, plan, '2203', now);
  await loadDemoData(app.db, plan, now);
  await app.close();
}
await time('demo data 2018–2024', demoDb, 2024);
const csv = process.argv[2];
if (csv) {
  const bigDb = `sqlite:${join(dir, 'big.sqlite')}`;
  const app = await openApp(bigDb);
  const plan = loadBuiltinPlan();
  await initialise(app.db, plan, '2203', now);
  await importValues(app.db, plan, { path: csv, checkOnly: false, who: 'bench' });
  await app.close();
  await time(`after importing ${csv}`, bigDb, 2024);
}
rmSync(dir, { recursive: true, force: true });
