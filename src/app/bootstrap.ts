/** Making a database ready to serve: the plan and units, demo data if asked, and a first admin. */
import { randomBytes } from 'node:crypto';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getMeta } from '../db/repositories/meta.js';
import { loadStoredPlan } from '../db/repositories/plans.js';
import { countUsers } from '../db/repositories/users.js';
import { loadBuiltinPlan } from '../plans/siping/loadPlan.js';
import { generatePassword } from '../server/auth/passwords.js';
import { loadDemoData } from './demoLoader.js';
import { initialise } from './initialise.js';
import { createUser } from './users.js';

export interface Prepared {
  plan: Plan;
  demoRows: number | null;
  /** The first admin's password, when this call created the account; shown once. */
  adminPassword: string | null;
}

export const FIRST_ADMIN = 'admin';

export async function prepareDatabase(db: Db, options: { demo: boolean }): Promise<Prepared> {
  const now = new Date().toISOString();
  const region = (await getMeta(db, 'region')) ?? '2203';
  const plan = (await loadStoredPlan(db)) ?? (await initialise(db, loadBuiltinPlan(), region, now)).plan;
  let demoRows: number | null = null;
  if (options.demo) {
    const existing = await db.selectFrom('data_value').select('id').limit(1).execute();
    if (existing.length === 0) demoRows = (await loadDemoData(db, plan, now)).inserted;
  }
  let adminPassword: string | null = null;
  if ((await countUsers(db)) === 0) {
    const city = (await getMeta(db, 'region')) ?? plan.region;
    adminPassword = generatePassword((n) => randomBytes(n), FIRST_ADMIN);
    await createUser(
      db,
      {
        username: FIRST_ADMIN,
        displayName: '系统管理员',
        password: adminPassword,
        role: 'admin',
        orgUnitCode: city,
        departmentCode: null,
        mustChangePassword: true,
      },
      'system',
      now,
    );
  }
  return { plan, demoRows, adminPassword };
}
