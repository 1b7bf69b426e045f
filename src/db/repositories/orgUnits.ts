/** The organisation hierarchy: the city, its counties, townships and villages. */
import type { OrgLevel } from '../../core/plan/types.js';
import type { Db } from '../dialect.js';
import type { OrgUnitRow } from '../schema.js';

export interface OrgUnitInput {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
  area: 'urban' | 'rural' | null;
  sortOrder: number;
}

/** Adds or updates units (parents first, as given). Units with data are never deleted here. */
export async function upsertOrgUnits(db: Db, units: OrgUnitInput[]): Promise<void> {
  const chunk = 500;
  for (let i = 0; i < units.length; i += chunk) {
    await db
      .insertInto('org_unit')
      .values(
        units.slice(i, i + chunk).map((u) => ({
          code: u.code,
          name: u.name,
          level: u.level,
          parent_code: u.parentCode,
          area: u.area,
          sort_order: u.sortOrder,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          area: eb.ref('excluded.area'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      )
      .execute();
  }
}

export async function listOrgUnits(db: Db): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().orderBy('sort_order').execute();
}

export async function countOrgUnitsByLevel(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}
