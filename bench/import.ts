/**
 * Import throughput against the raw bulk load of the same file (issue #2):
 *   childplan import into SQLite  vs  sqlite3 .import into a bare table with the same unique key
 *   childplan import into PostgreSQL  vs  psql \copy into such a table
 * Each import runs in a process of its own (bench/importOnce) so that its peak memory is its own.
 * Usage: node dist/bench/import.js [rows=1000000] [postgres admin url]
 * Needs the sqlite3 and psql command-line clients.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCsv } from './generateCsv.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const adminUrl = process.argv[3] ?? process.env.CHILDPLAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const out = resolve('bench/out');
mkdirSync(out, { recursive: true });
const csv = join(out, `siping-${rows}.csv`);
// The same values with other figures: importing it replaces every value and keeps the old ones.
const changed = join(out, `siping-${rows}-changed.csv`);
for (const [path, seed] of [
  [csv, 20240101],
  [changed, 20250101],
] as const) {
  if (existsSync(path)) continue;
  console.log(`generating ${path} …`);
  await generateCsv(path, rows, seed);
}
const cli = resolve('bin/childplan.js');
const once = resolve('dist/bench/importOnce.js');

const RAW_TABLE = `create table raw(indicator text, org_unit text, year integer, value double precision, numerator double precision,
  denominator double precision, sex text, area text, source text, unique(indicator, org_unit, year, sex, area))`;

function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

interface Result {
  seconds: number;
  rows: number;
  maxRssMb: number;
  phases: Record<string, number>;
}

/** A fresh import, a re-import of the same file (nothing changes), an import of changed figures (everything is replaced). */
function childplanImports(db: string): { fresh: Result; same: Result; changed: Result } {
  execFileSync('node', [cli, '--db', db, 'init'], { stdio: 'ignore' });
  const run = (file: string): Result => JSON.parse(execFileSync('node', [once, db, file], { encoding: 'utf8' })) as Result;
  return { fresh: run(csv), same: run(csv), changed: run(changed) };
}

// SQLite
const sqliteDir = join(out, 'sqlite');
rmSync(sqliteDir, { recursive: true, force: true });
mkdirSync(sqliteDir, { recursive: true });
const sqliteRaw = seconds(() => {
  execFileSync('sqlite3', [join(sqliteDir, 'raw.sqlite')], { input: `${RAW_TABLE};\n.mode csv\n.import --skip 1 ${csv} raw\n` });
});
const sqlite = childplanImports(`sqlite:${join(sqliteDir, 'childplan.sqlite')}`);

// PostgreSQL
const psql = (url: string, ...args: string[]): string =>
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  });
const dbUrl = (name: string): string => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
for (const name of ['childplan_bench_raw', 'childplan_bench']) {
  psql(adminUrl, '-c', `drop database if exists ${name} with (force)`, '-c', `create database ${name}`);
}
psql(dbUrl('childplan_bench_raw'), '-c', RAW_TABLE);
const pgRaw = seconds(() => {
  psql(dbUrl('childplan_bench_raw'), '-c', `\\copy raw from '${csv}' with (format csv, header true)`);
});
const pg = childplanImports(dbUrl('childplan_bench'));
for (const name of ['childplan_bench_raw', 'childplan_bench']) psql(adminUrl, '-c', `drop database if exists ${name} with (force)`);

const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')} rows/s`;
const mb = (r: Result): string => `${Math.round(r.maxRssMb)} MB`;
console.log(`\nImport of ${rows.toLocaleString('en-US')} rows (${csv})\n`);
console.log('| database | raw bulk load | childplan import | ratio | peak memory | re-import, unchanged | re-import, all changed |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, raw, r] of [
  ['SQLite', sqliteRaw, sqlite],
  ['PostgreSQL', pgRaw, pg],
] as const) {
  console.log(
    `| ${name} | ${raw.toFixed(1)} s, ${rate(rows, raw)} | ${r.fresh.seconds.toFixed(1)} s, ${rate(r.fresh.rows, r.fresh.seconds)} | ${(raw / r.fresh.seconds).toFixed(2)} | ${mb(r.fresh)} | ${r.same.seconds.toFixed(1)} s, ${mb(r.same)} | ${r.changed.seconds.toFixed(1)} s, ${mb(r.changed)} |`,
  );
}
