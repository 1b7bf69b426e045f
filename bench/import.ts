/**
 * Import throughput against the raw bulk load of the same file (issue #2):
 *   childplan import into SQLite  vs  sqlite3 .import into a bare table with the same unique key
 *   childplan import into PostgreSQL  vs  psql \copy into such a table
 * Each import runs in a process of its own (bench/importOnce) so that its peak memory is its own.
 * Usage: node dist/bench/import.js [rows=1000000] [rounds=3] [postgres admin url]
 * Needs the sqlite3 and psql command-line clients.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCsv } from './generateCsv.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);
const adminUrl = process.argv[4] ?? process.env.CHILDPLAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

interface Side {
  name: string;
  raw: number[];
  fresh: Result[];
  same: Result;
  changed: Result;
}

/**
 * Rounds of (raw bulk load, fresh childplan import), each into a new database, one right after
 * the other: a shared machine's speed drifts over minutes, and the ratio is only fair between
 * runs made at the same time. Then, on the last database, the re-imports.
 */
function measure(name: string, rawLoad: () => number, freshDb: () => string): Side {
  const raw: number[] = [];
  const fresh: Result[] = [];
  let db = '';
  for (let round = 0; round < rounds; round++) {
    raw.push(rawLoad());
    db = freshDb();
    execFileSync('node', [cli, '--db', db, 'init'], { stdio: 'ignore' });
    fresh.push(importOnce(db, csv));
    console.log(`${name} round ${round + 1}: raw ${raw.at(-1)?.toFixed(1)} s, import ${fresh.at(-1)?.seconds.toFixed(1)} s`);
  }
  return { name, raw, fresh, same: importOnce(db, csv), changed: importOnce(db, changed) };
}

function importOnce(db: string, file: string): Result {
  return JSON.parse(execFileSync('node', [once, db, file], { encoding: 'utf8' })) as Result;
}

// SQLite
const sqliteDir = join(out, 'sqlite');
const sqlite = measure(
  'SQLite',
  () => {
    rmSync(sqliteDir, { recursive: true, force: true });
    mkdirSync(sqliteDir, { recursive: true });
    return seconds(() => {
      execFileSync('sqlite3', [join(sqliteDir, 'raw.sqlite')], { input: `${RAW_TABLE};\n.mode csv\n.import --skip 1 ${csv} raw\n` });
    });
  },
  () => `sqlite:${join(sqliteDir, 'childplan.sqlite')}`,
);

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
const recreate = (name: string): void => {
  psql(adminUrl, '-c', `drop database if exists ${name} with (force)`, '-c', `create database ${name}`);
};
const pg = measure(
  'PostgreSQL',
  () => {
    recreate('childplan_bench_raw');
    psql(dbUrl('childplan_bench_raw'), '-c', RAW_TABLE);
    return seconds(() => {
      psql(dbUrl('childplan_bench_raw'), '-c', `\\copy raw from '${csv}' with (format csv, header true)`);
    });
  },
  () => {
    recreate('childplan_bench');
    return dbUrl('childplan_bench');
  },
);
for (const name of ['childplan_bench_raw', 'childplan_bench']) psql(adminUrl, '-c', `drop database if exists ${name} with (force)`);

const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')} rows/s`;
const mb = (r: Result): string => `${Math.round(r.maxRssMb)} MB`;
console.log(`\nImport of ${rows.toLocaleString('en-US')} rows (${csv}), median of ${rounds} rounds\n`);
console.log(
  '| database | raw bulk load | childplan import | ratio | ratio per round | peak memory | re-import, unchanged | re-import, all changed |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const side of [sqlite, pg]) {
  const raw = median(side.raw);
  const fresh = median(side.fresh.map((r) => r.seconds));
  const perRound = side.raw.map((r, i) => (r / (side.fresh[i]?.seconds ?? Number.NaN)).toFixed(2)).join(', ');
  const peak = Math.max(...side.fresh.map((r) => r.maxRssMb));
  console.log(
    `| ${side.name} | ${raw.toFixed(1)} s, ${rate(rows, raw)} | ${fresh.toFixed(1)} s, ${rate(rows, fresh)} | ${(raw / fresh).toFixed(2)} | ${perRound} | ${Math.round(peak)} MB | ${side.same.seconds.toFixed(1)} s, ${mb(side.same)} | ${side.changed.seconds.toFixed(1)} s, ${mb(side.changed)} |`,
  );
}
