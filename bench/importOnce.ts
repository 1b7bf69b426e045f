/** One import in a process of its own, so that its peak memory is its own: prints JSON. */
import { openApp, requirePlan } from '../src/app/context.js';
import { importValues } from '../src/io/valueImporter.js';

const [db, file] = process.argv.slice(2);
if (!db || !file) throw new Error('usage: importOnce DB FILE');
const app = await openApp(db);
const plan = await requirePlan(app.db);
const started = performance.now();
const phases: Record<string, number> = {};
const report = await importValues(app.db, plan, {
  path: file,
  checkOnly: false,
  who: 'bench',
  onPhase: (name, ms) => (phases[name] = ms / 1000),
});
const seconds = (performance.now() - started) / 1000;
await app.close();
console.log(
  JSON.stringify({
    seconds,
    rows: report.rows,
    inserted: report.inserted,
    errors: report.errors.length,
    warnings: report.warnings.length + report.moreWarnings,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    phases,
  }),
);
