/**
 * Web server under load (issue #3): 50 users saving their forms and 50 reading the assessment
 * (the dashboard's data) at once, against `childplan serve` on loopback, on SQLite and PostgreSQL.
 * Usage: node dist/bench/server.js [sqlite|postgres|both] [seconds] [requests per second] [staggered|lockstep|both]
 * PostgreSQL: CHILDPLAN_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres) is used to
 * create and drop a scratch database.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Client, type Result } from 'autocannon';
import pg from 'pg';
import { prepareDatabase } from '../src/app/bootstrap.js';
import { openApp } from '../src/app/context.js';
import { createUser } from '../src/app/users.js';
import { insertSession } from '../src/db/repositories/sessions.js';
import { findUserByName } from '../src/db/repositories/users.js';
import { newToken, tokenHash } from '../src/server/auth/tokens.js';
import { percentile, startServer } from './serverProcess.js';

const ADMIN_PG = process.env.CHILDPLAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const UNITS = ['220300', '220302', '220303', '220322', '220323', '220382'];
const DEPARTMENTS = [
  'health',
  'education',
  'civil_affairs',
  'womens_federation',
  'market_regulation',
  'water_resources',
  'agriculture',
  'medical_security',
  'public_security',
];
const PASSWORD = 'Bench-Passw0rd!';
const YEAR = 2025;

interface Identity {
  username: string;
  org: string;
  cookie: string;
  csrf: string;
}

interface FormLine {
  yesNo: boolean;
  indicator: { code: string; unit: string };
  orgUnit: { code: string };
  sex: string;
  area: string;
  previous: { year: number; value: number | null }[];
}

async function scratchDatabase(kind: 'sqlite' | 'postgres'): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'childplan-bench-server-'));
    return { url: `sqlite:${join(dir, 'bench.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `childplan_bench_${process.pid}`;
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: ADMIN_PG });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_PG);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Users and their sessions, made directly in the database (logging 100 users in would hit the login rate limit). */
async function makeUsers(url: string): Promise<{ writers: Identity[]; readers: Identity[] }> {
  const app = await openApp(url);
  try {
    await prepareDatabase(app.db, { demo: true });
    const now = new Date().toISOString();
    const make = async (username: string, role: string, org: string, dept: string | null): Promise<Identity> => {
      await createUser(
        app.db,
        { username, displayName: username, password: PASSWORD, role, orgUnitCode: org, departmentCode: dept, mustChangePassword: false },
        'bench',
        now,
      );
      const user = await findUserByName(app.db, username);
      if (!user) throw new Error(username);
      const token = newToken();
      const csrf = newToken();
      await insertSession(app.db, { tokenHash: tokenHash(token), userId: user.id, csrfToken: csrf, at: now, ip: '127.0.0.1' });
      return { username, org, cookie: `childplan_session=${token}`, csrf };
    };
    const writers: Identity[] = [];
    for (let i = 0; i < 50; i++) {
      const org = UNITS[i % UNITS.length] ?? '220300';
      const dept = DEPARTMENTS[Math.floor(i / UNITS.length) % DEPARTMENTS.length] ?? 'health';
      writers.push(await make(`writer${i}`, 'department', org, dept));
    }
    const readers: Identity[] = [];
    for (let i = 0; i < 50; i++) {
      const org = UNITS[i % UNITS.length] ?? '220300';
      readers.push(await make(`reader${i}`, i % 2 === 0 ? 'viewer' : 'monitor', org, null));
    }
    return { writers, readers };
  } finally {
    await app.close();
  }
}

/** Two bodies per writer, alternated, so that every save really changes values and writes history. */
async function saveBodies(base: string, w: Identity): Promise<[string, string]> {
  const res = await fetch(`${base}/api/forms?org=${w.org}&year=${YEAR}`, { headers: { cookie: w.cookie } });
  if (!res.ok) throw new Error(`form for ${w.username}: ${res.status} ${await res.text()}`);
  const form = (await res.json()) as { department: { code: string }; lines: FormLine[] };
  const body = (factor: number): string => {
    const entries = form.lines.map((l) => {
      if (l.yesNo) return { indicator: l.indicator.code, orgUnit: l.orgUnit.code, sex: l.sex, area: l.area, value: factor > 1 ? '1' : '0' };
      const last = [...l.previous].reverse().find((p) => p.value !== null)?.value ?? 50;
      let value = last * factor;
      if (l.indicator.unit === '%' && last <= 100) value = Math.min(value, 100);
      return { indicator: l.indicator.code, orgUnit: l.orgUnit.code, sex: l.sex, area: l.area, value: value.toFixed(3) };
    });
    return JSON.stringify({ year: YEAR, department: form.department.code, entries });
  };
  return [body(0.999), body(1.001)];
}

/** One request of every kind first: a refused request would make the figures meaningless. */
async function smokeTest(base: string, writers: Identity[], bodies: [string, string][], readers: Identity[]): Promise<void> {
  for (const [i, w] of writers.entries()) {
    const started = performance.now();
    const res = await fetch(`${base}/api/values`, {
      method: 'PUT',
      headers: { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' },
      body: bodies[i]?.[1],
    });
    if (!res.ok) throw new Error(`${w.username} (${w.org}) save: ${res.status} ${await res.text()}`);
    if (i === 0) console.error(`first save ${(performance.now() - started).toFixed(0)} ms`);
  }
  for (const r of readers.slice(0, 6)) {
    const started = performance.now();
    const res = await fetch(`${base}/api/assessment?year=2024&org=${r.org}`, { headers: { cookie: r.cookie } });
    if (!res.ok) throw new Error(`${r.username} read: ${res.status} ${await res.text()}`);
    console.error(`first read of ${r.org}: ${(performance.now() - started).toFixed(0)} ms`);
  }
}

/**
 * How the 50 users of a group send: `staggered` (default) — each user is its own autocannon client
 * sending at its own steady pace, started at a random moment, as independent people do;
 * `lockstep` — one autocannon with 50 connections, whose per-connection timers fire together, so
 * all 50 requests arrive at once twice a second (a worst case, reported beside).
 */
type Pacing = 'staggered' | 'lockstep';

/** Responses in the first seconds are not counted: starting 100 load clients takes the machine a moment. */
const WARM_UP_MS = 2000;

interface Outcome {
  /** Responses are counted from this moment (performance.now()). */
  from: number;
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  statuses: Record<string, number>;
}

function runInstance(options: autocannon.Options, outcome: Outcome): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client: Client, statusCode: number, _bytes: number, responseTime: number) => {
      if (performance.now() < outcome.from) return;
      outcome.requests++;
      outcome.latencies.push(responseTime);
      if (process.env.CHILDPLAN_BENCH_TRACE && responseTime > 100)
        console.error(`slow ${responseTime.toFixed(0)} ms at ${(performance.now() / 1000).toFixed(2)} s`);
      outcome.statuses[statusCode] = (outcome.statuses[statusCode] ?? 0) + 1;
      if (statusCode >= 400) outcome.errors++;
    });
  });
}

async function load(
  pacing: Pacing,
  base: string,
  rate: number,
  seconds: number,
  users: number,
  setup: (client: Client, user: number) => void,
  method: 'GET' | 'PUT',
  path: string,
): Promise<Outcome> {
  const outcome: Outcome = {
    from: performance.now() + WARM_UP_MS,
    requests: 0,
    seconds: seconds - WARM_UP_MS / 1000,
    latencies: [],
    errors: 0,
    statuses: {},
  };
  const common = { url: `${base}${path}`, method, duration: seconds };
  if (pacing === 'lockstep') {
    let next = 0;
    const result = await runInstance({ ...common, connections: users, overallRate: rate, setupClient: (c) => setup(c, next++) }, outcome);
    outcome.errors += result.errors + result.timeouts;
    return outcome;
  }
  const perUser = rate / users;
  const runs = Array.from({ length: users }, async (_, user) => {
    await new Promise((r) => setTimeout(r, Math.random() * (1000 / perUser)));
    const result = await runInstance({ ...common, connections: 1, overallRate: perUser, setupClient: (c) => setup(c, user) }, outcome);
    outcome.errors += result.errors + result.timeouts;
  });
  await Promise.all(runs);
  return outcome;
}

function row(dialect: string, pacing: Pacing, group: string, o: Outcome): string {
  if (o.errors > 0) console.error(group, 'errors', o.errors, 'status codes', JSON.stringify(o.statuses));
  const sorted = [...o.latencies].sort((a, b) => a - b);
  return `| ${dialect} | ${pacing} | ${group} | ${o.requests.toLocaleString('en-US')} | ${(o.requests / o.seconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${o.errors} |`;
}

async function run(kind: 'sqlite' | 'postgres', pacing: Pacing, seconds: number, rate: number, port: number): Promise<string[]> {
  const database = await scratchDatabase(kind);
  let server: ChildProcess | null = null;
  try {
    const { writers, readers } = await makeUsers(database.url);
    server = await startServer(database.url, port);
    const base = `http://127.0.0.1:${port}`;
    const bodies = await Promise.all(writers.map((w) => saveBodies(base, w)));
    await smokeTest(base, writers, bodies, readers);
    const [saving, reading] = await Promise.all([
      load(
        pacing,
        base,
        rate / 2,
        seconds,
        writers.length,
        (client, i) => {
          const w = writers[i % writers.length];
          const pair = bodies[i % bodies.length];
          if (!w || !pair) return;
          let turn = 0;
          client.setHeaders({ cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' });
          client.setBody(pair[0]);
          client.on('response', () => {
            turn = 1 - turn;
            client.setBody(pair[turn] ?? pair[0]);
          });
        },
        'PUT',
        '/api/values',
      ),
      load(
        pacing,
        base,
        rate / 2,
        seconds,
        readers.length,
        (client, i) => {
          const r = readers[i % readers.length];
          if (!r) return;
          // Each reader reads the dashboard of its own unit (the city or a county).
          client.setRequests([{ method: 'GET', path: `/api/assessment?year=2024&org=${r.org}`, headers: { cookie: r.cookie } }]);
        },
        'GET',
        '/api/assessment?year=2024&org=220300',
      ),
    ]);
    return [
      row(kind, pacing, '50 users saving forms (PUT /api/values)', saving),
      row(kind, pacing, '50 users reading the dashboard (GET /api/assessment)', reading),
    ];
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
  }
}

const which = process.argv[2] ?? 'both';
const seconds = Number(process.argv[3] ?? 20);
const rate = Number(process.argv[4] ?? 200);
const pacings: Pacing[] =
  process.argv[5] === 'lockstep' ? ['lockstep'] : process.argv[5] === 'staggered' ? ['staggered'] : ['staggered', 'lockstep'];
const kinds: ('sqlite' | 'postgres')[] = which === 'both' ? ['sqlite', 'postgres'] : [which === 'postgres' ? 'postgres' : 'sqlite'];
const lines = ['| database | pacing | load | requests | requests/s | p50 | p99 | errors |', '|---|---|---|---|---|---|---|---|'];
let port = 3900;
for (const kind of kinds) for (const pacing of pacings) lines.push(...(await run(kind, pacing, seconds, rate, port++)));
console.log(
  `${rate} requests/s offered in all (half saving, half reading), ${seconds} s per run, the first ${WARM_UP_MS / 1000} s not counted:`,
);
console.log(lines.join('\n'));
