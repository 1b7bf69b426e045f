/** `childplan init`: the schema, the plan and the organisation hierarchy of one city. */
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getMeta, setMeta } from '../db/repositories/meta.js';
import { countOrgUnitsByLevel, upsertOrgUnits } from '../db/repositories/orgUnits.js';
import { savePlan } from '../db/repositories/plans.js';
import { countDepartments, seedDepartments } from '../db/repositories/departments.js';
import { defaultAssignments } from '../core/plan/departments.js';
import { loadBuiltinDepartments } from '../plans/siping/loadDepartments.js';
import { loadDivisionFile, orgUnitsOfPrefecture } from '../plans/divisions.js';

export interface InitResult {
  region: string;
  regionName: string;
  plan: Plan;
  units: Record<string, number>;
}

export class RegionConflictError extends Error {}

/** @param who the user recorded when the stored plan is replaced */
export async function initialise(db: Db, plan: Plan, regionCode: string, now: string, who = 'init'): Promise<InitResult> {
  const units = orgUnitsOfPrefecture(loadDivisionFile(), regionCode);
  const city = units[0];
  if (!city) throw new Error(`行政区划 ${regionCode} 没有单位`);
  const current = await getMeta(db, 'region');
  if (current !== null && current !== city.code) {
    const values = await db.selectFrom('data_value').select('id').limit(1).execute();
    if (values.length > 0) {
      throw new RegionConflictError(`数据库已载入 ${current} 的单位和数据,不能改为 ${city.code};请使用新的数据库(--db)`);
    }
    await db.deleteFrom('org_unit').execute();
  }
  await upsertOrgUnits(db, units);
  await savePlan(db, plan, { who, at: now, reason: '初始化(childplan init)' });
  await setMeta(db, 'region', city.code);
  await setMeta(db, 'region_name', city.name);
  if ((await countDepartments(db)) === 0) {
    const file = loadBuiltinDepartments();
    const items = plan.domains.flatMap((d) => [...d.goals, ...d.measures].map((i) => ({ code: i.code, domain: d.code })));
    const assignments = defaultAssignments(
      file,
      plan.indicators.map((i) => i.code),
      items,
    );
    await seedDepartments(db, file.departments, assignments, who, now);
  }
  return { region: city.code, regionName: city.name, plan, units: await countOrgUnitsByLevel(db) };
}
