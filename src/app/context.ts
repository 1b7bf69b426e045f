/** Opening the database a command works on, brought to the latest schema. */
import { type Db, type OpenedDb, openDb } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadStoredPlan } from '../db/repositories/plans.js';
import { type DbTarget, parseDbUrl } from '../db/url.js';
import type { Plan } from '../core/plan/types.js';

export interface AppContext extends OpenedDb {
  target: DbTarget;
  close(): Promise<void>;
}

export async function openApp(dbOption: string | undefined): Promise<AppContext> {
  const target = parseDbUrl(dbOption ?? process.env.CHILDPLAN_DB);
  const opened = openDb(target);
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return { ...opened, target, close: () => opened.db.destroy() };
}

export class NotInitialisedError extends Error {
  constructor() {
    super('数据库中还没有规划和单位:请先运行 childplan init');
  }
}

/** The plan stored by `init`; commands that need data refuse to run without it. */
export async function requirePlan(db: Db): Promise<Plan> {
  const plan = await loadStoredPlan(db);
  if (!plan) throw new NotInitialisedError();
  return plan;
}
