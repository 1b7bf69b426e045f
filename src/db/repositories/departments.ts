/** Member departments and the division of work per year (year 0: the default for every year). */
import type { Assignment, Department } from '../../core/plan/departments.js';
import type { Db } from '../dialect.js';

export async function countDepartments(db: Db): Promise<number> {
  const row = await db
    .selectFrom('department')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Loads departments and the default assignment into a database that has none. */
export async function seedDepartments(
  db: Db,
  departments: Department[],
  assignments: Assignment[],
  who: string,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (departments.length > 0) {
      await trx
        .insertInto('department')
        .values(
          departments.map((d, i) => ({
            code: d.code,
            name: d.name,
            short_name: d.short,
            sort_order: i + 1,
            active: 1,
            updated_by: who,
            updated_at: at,
          })),
        )
        .execute();
    }
    for (let i = 0; i < assignments.length; i += 500) {
      await trx
        .insertInto('assignment')
        .values(
          assignments.slice(i, i + 500).map((a) => ({
            year: 0,
            item_code: a.itemCode,
            department_code: a.departmentCode,
            role: a.role,
            updated_by: who,
            updated_at: at,
          })),
        )
        .execute();
    }
  });
}

/**
 * The assignment in force for `year`: for each item, the rows of the latest year ≤ `year` that has
 * rows for it (year 0 being the default).
 */
export async function getAssignments(db: Db, year: number): Promise<(Assignment & { year: number })[]> {
  const rows = await db
    .selectFrom('assignment')
    .select(['year', 'item_code', 'department_code', 'role'])
    .where('year', '<=', year)
    .orderBy('item_code')
    .orderBy('year', 'desc')
    .execute();
  const chosenYear = new Map<string, number>();
  const out: (Assignment & { year: number })[] = [];
  for (const r of rows) {
    const chosen = chosenYear.get(r.item_code);
    if (chosen === undefined) chosenYear.set(r.item_code, r.year);
    else if (chosen !== r.year) continue;
    out.push({ year: r.year, itemCode: r.item_code, departmentCode: r.department_code, role: r.role });
  }
  return out;
}
