/**
 * A server on a fresh, initialised database with one user of every kind, and signed-in clients
 * that carry the session cookie and CSRF token like the browser does. Requests go through
 * Fastify's inject (no port), so tests are quick and can run in parallel.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { openApp, type AppContext } from '../../src/app/context.js';
import { loadDemoData } from '../../src/app/demoLoader.js';
import { initialise } from '../../src/app/initialise.js';
import { createUser } from '../../src/app/users.js';
import { buildServer } from '../../src/server/app.js';
import { createServerContext, type ServerConfig, type ServerContext } from '../../src/server/context.js';
import { loadBuiltinPlan } from '../../src/plans/siping/loadPlan.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.js';

export const PASSWORD = 'Test-Passw0rd!';

export const CITY = '220300';
export const TIEXI = '220302';
export const LISHU = '220322';

/** username → role, unit, department */
export const TEST_USERS = {
  admin: { role: 'admin', org: CITY, dept: null },
  city_monitor: { role: 'monitor', org: CITY, dept: null },
  lishu_monitor: { role: 'monitor', org: LISHU, dept: null },
  office: { role: 'evaluator', org: CITY, dept: null },
  city_health: { role: 'department', org: CITY, dept: 'health' },
  lishu_health: { role: 'department', org: LISHU, dept: 'health' },
  lishu_education: { role: 'department', org: LISHU, dept: 'education' },
  tiexi_health: { role: 'department', org: TIEXI, dept: 'health' },
  viewer: { role: 'viewer', org: CITY, dept: null },
} as const;
export type TestUser = keyof typeof TEST_USERS;

export interface Client {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly ctx: ServerContext;
  readonly url: string;
  /** http://127.0.0.1:PORT when listening. */
  readonly baseUrl: string;
  login(user: TestUser | string, password?: string): Promise<Client>;
  /** A client with no session at all. */
  anonymous(): Client;
  /** Moves the server's clock forward (session expiry, lockout). */
  advanceClock(ms: number): void;
}

export interface TestServerOptions {
  demo?: boolean;
  config?: Partial<ServerConfig>;
  /** Listen on a free loopback port (for a browser); otherwise requests are injected. */
  listen?: boolean;
}

/** A server for the enclosing describe block, built before it and closed after it. */
export function useServer(dialect: Dialect, options: TestServerOptions = {}): TestServer {
  let database: TestDatabase | null = null;
  let appContext: AppContext | null = null;
  let app: FastifyInstance | null = null;
  let ctx: ServerContext | null = null;
  let offset = 0;
  let baseUrl = '';

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    appContext = await openApp(database.url);
    const now = new Date().toISOString();
    const plan = loadBuiltinPlan();
    await initialise(appContext.db, plan, '2203', now);
    if (options.demo) await loadDemoData(appContext.db, plan, now);
    for (const [username, u] of Object.entries(TEST_USERS)) {
      await createUser(
        appContext.db,
        {
          username,
          displayName: username,
          password: PASSWORD,
          role: u.role,
          orgUnitCode: u.org,
          departmentCode: u.dept,
          mustChangePassword: false,
        },
        'test',
        now,
      );
    }
    ctx = await createServerContext(appContext, options.config ?? {}, () => new Date(Date.now() + offset));
    app = await buildServer(ctx);
    await app.ready();
    if (options.listen) {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (address && typeof address === 'object') baseUrl = `http://127.0.0.1:${address.port}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await appContext?.close();
    await database?.drop();
  });

  const need = <T>(x: T | null): T => {
    if (x === null) throw new Error('the test server is built in beforeAll');
    return x;
  };
  const client = (cookie: string, csrfToken: string): Client => {
    const request = (o: InjectOptions): Promise<LightMyRequestResponse> =>
      need(app).inject({
        ...o,
        headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...o.headers },
      });
    const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
      request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
    return {
      csrfToken,
      cookie,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: withBody('POST'),
      put: withBody('PUT'),
      patch: withBody('PATCH'),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    get app() {
      return need(app);
    },
    get ctx() {
      return need(ctx);
    },
    get url() {
      return need(database).url;
    },
    get baseUrl() {
      if (!baseUrl) throw new Error('the server was not asked to listen');
      return baseUrl;
    },
    async login(user, password = PASSWORD) {
      const res = await need(app).inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password } });
      if (res.statusCode !== 200) throw new Error(`login ${user}: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'childplan_session');
      if (!setCookie) throw new Error('no session cookie');
      return client(`childplan_session=${setCookie.value}`, (res.json() as { csrfToken: string }).csrfToken);
    },
    anonymous: () => client('', ''),
    advanceClock(ms) {
      offset += ms;
    },
  };
}
