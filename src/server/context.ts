/** What every route is handed: the database, the plan and org tree (cached), the clock, the config. */
import type { OrgScope } from '../core/access/scope.js';
import { scopeOf } from '../core/access/treeScope.js';
import type { Plan } from '../core/plan/types.js';
import type { AppContext } from '../app/context.js';
import { requirePlan } from '../app/context.js';
import type { Db } from '../db/dialect.js';
import { getOrgTree, type OrgDirectory } from '../db/queries/getOrgTree.js';

export interface ServerConfig {
  /** Mark cookies Secure (behind HTTPS). Off on plain http://localhost. */
  secureCookies: boolean;
  /** Sessions end after this many idle minutes (等保2.0: 30). */
  idleMinutes: number;
  /** Sessions end this many hours after sign-in, however active. */
  sessionHours: number;
  /** Sessions one user may hold at once; a new sign-in beyond them ends the oldest. */
  maxSessionsPerUser: number;
  maxSessionsPerAdministrator: number;
  /** Days a password is valid before it must be changed; 0: never expires. */
  passwordMaxAgeDays: number;
  /** Wrong passwords in a row that lock an account, and for how long. */
  maxLoginFailures: number;
  lockMinutes: number;
  /** Login attempts allowed per IP address per minute. */
  loginRatePerMinute: number;
  /** Folder of the built web app; null serves the API only. */
  webRoot: string | null;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: false,
  idleMinutes: 30,
  sessionHours: 12,
  maxSessionsPerUser: 3,
  maxSessionsPerAdministrator: 1,
  passwordMaxAgeDays: 90,
  maxLoginFailures: 5,
  lockMinutes: 15,
  loginRatePerMinute: 20,
  webRoot: null,
  maxUploadBytes: 20 * 1024 * 1024,
};

export interface ServerContext {
  app: AppContext;
  db: Db;
  config: ServerConfig;
  plan(): Plan;
  org(): OrgDirectory;
  scope(): OrgScope;
  /** Reads the plan and org tree again after they changed (plan import). */
  reload(): Promise<void>;
  now(): Date;
}

export async function createServerContext(
  app: AppContext,
  config: Partial<ServerConfig> = {},
  clock: () => Date = () => new Date(),
): Promise<ServerContext> {
  let plan = await requirePlan(app.db);
  let org = await getOrgTree(app.db);
  let scope = scopeOf(org.tree);
  return {
    app,
    db: app.db,
    config: { ...DEFAULT_CONFIG, ...config },
    plan: () => plan,
    org: () => org,
    scope: () => scope,
    async reload() {
      plan = await requirePlan(app.db);
      org = await getOrgTree(app.db);
      scope = scopeOf(org.tree);
    },
    now: clock,
  };
}
