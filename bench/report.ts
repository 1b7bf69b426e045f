/**
 * Time to generate the city's annual monitoring report for the demo data (issue #5: under 5 s),
 * in each format, and the statistical tables, on SQLite: one warm-up, then the median of 5.
 * Usage: node dist/bench/report.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, requirePlan } from '../src/app/context.js';
import { loadDemoData } from '../src/app/demoLoader.js';
import { initialise } from '../src/app/initialise.js';
import { generateReport, type ReportFormat, type ReportRequestKind } from '../src/app/reportFiles.js';
import { loadBuiltinPlan } from '../src/plans/siping/loadPlan.js';
import { buildAnnualReport } from '../src/reports/annualModel.js';

const CITY = '220300';
const YEAR = 2024;
const RUNS = 5;

const CASES: { label: string; kind: ReportRequestKind; format: ReportFormat | null }[] = [
  { label: 'annual report, the model alone (data read, no file)', kind: 'annual', format: null },
  { label: 'annual report, Word (.docx)', kind: 'annual', format: 'docx' },
  { label: 'annual report, HTML', kind: 'annual', format: 'html' },
  { label: 'annual report, Excel (.xlsx)', kind: 'annual', format: 'xlsx' },
  { label: 'statistical tables, Excel (.xlsx)', kind: 'tables', format: 'xlsx' },
];

const dir = mkdtempSync(join(tmpdir(), 'childplan-bench-'));
const app = await openApp(`sqlite:${join(dir, 'demo.sqlite')}`);
try {
  const now = new Date().toISOString();
  await initialise(app.db, loadBuiltinPlan(), '2203', now);
  await loadDemoData(app.db, loadBuiltinPlan(), now);
  const plan = await requirePlan(app.db);
  console.log('| report | size | median of 5 | best | worst |');
  console.log('|---|---|---|---|---|');
  for (const c of CASES) {
    const options = { year: YEAR, orgUnit: CITY, data: 'all' as const };
    const format = c.format;
    const once = async (): Promise<number> =>
      format === null
        ? JSON.stringify(await buildAnnualReport(app.db, plan, options)).length
        : (await generateReport(app.db, plan, { ...options, kind: c.kind, format })).content.length;
    // The warm-up loads the modules, fonts and chart renderer a long-running server has loaded already.
    let size = await once();
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      size = await once();
      runs.push((performance.now() - started) / 1000);
    }
    runs.sort((a, b) => a - b);
    const s = (x: number | undefined) => `${(x ?? 0).toFixed(2)} s`;
    console.log(`| ${c.label} | ${Math.round(size / 1024)} KB | ${s(runs[2])} | ${s(runs[0])} | ${s(runs[RUNS - 1])} |`);
  }
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
