/** Member departments and the division of work per year (year 0: the default for every year). */
import type { Assignment, AssignmentRole, Department } from '../../core/plan/departments.js';
import type { Db } from '../dialect.js';
import { bumpVersion } from './meta.js';

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
    await bumpVersion(trx, 'assignment_version');
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
  return assignmentsInForce(await assignmentRowsUpTo(db, year), year);
}

export interface AssignmentRow {
  year: number;
  item_code: string;
  department_code: string;
  role: AssignmentRole;
}

/** Every assignment row up to a year, by item and latest year first (what assignmentsInForce expects). */
export async function assignmentRowsUpTo(db: Db, year: number): Promise<AssignmentRow[]> {
  const rows = await db
    .selectFrom('assignment')
    .select(['year', 'item_code', 'department_code', 'role'])
    .where('year', '<=', year)
    .orderBy('item_code')
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, year: Number(r.year) }));
}

/** The rows in force in a year: per item, those of the latest year at or before it (year 0 is the default). */
export function assignmentsInForce(rows: readonly AssignmentRow[], year: number): (Assignment & { year: number })[] {
  const chosenYear = new Map<string, number>();
  const out: (Assignment & { year: number })[] = [];
  for (const r of rows) {
    if (r.year > year) continue;
    const chosen = chosenYear.get(r.item_code);
    if (chosen === undefined) chosenYear.set(r.item_code, r.year);
    else if (chosen !== r.year) continue;
    out.push({ year: r.year, itemCode: r.item_code, departmentCode: r.department_code, role: r.role });
  }
  return out;
}

export interface DepartmentRecord {
  code: string;
  name: string;
  shortName: string;
  sortOrder: number;
  active: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** Every department, active or not, in display order. */
export async function listDepartments(db: Db): Promise<DepartmentRecord[]> {
  const rows = await db.selectFrom('department').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    sortOrder: r.sort_order,
    active: r.active === 1,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

export async function insertDepartment(db: Db, d: Omit<DepartmentRecord, 'active'>): Promise<void> {
  await db
    .insertInto('department')
    .values({
      code: d.code,
      name: d.name,
      short_name: d.shortName,
      sort_order: d.sortOrder,
      active: 1,
      updated_by: d.updatedBy,
      updated_at: d.updatedAt,
    })
    .execute();
}

export async function updateDepartment(
  db: Db,
  code: string,
  d: Pick<DepartmentRecord, 'name' | 'shortName' | 'sortOrder' | 'active' | 'updatedBy' | 'updatedAt'>,
): Promise<void> {
  await db
    .updateTable('department')
    .set({
      name: d.name,
      short_name: d.shortName,
      sort_order: d.sortOrder,
      active: d.active ? 1 : 0,
      updated_by: d.updatedBy,
      updated_at: d.updatedAt,
    })
    .where('code', '=', code)
    .execute();
}

/** The items a department leads in the assignment in force for `year` or in rows of later years. */
export async function itemsLedFrom(db: Db, departmentCode: string, year: number): Promise<string[]> {
  const inForce = (await getAssignments(db, year)).filter((a) => a.role === 'lead' && a.departmentCode === departmentCode);
  const later = await db
    .selectFrom('assignment')
    .select('item_code')
    .where('department_code', '=', departmentCode)
    .where('role', '=', 'lead')
    .where('year', '>', year)
    .execute();
  return [...new Set([...inForce.map((a) => a.itemCode), ...later.map((r) => r.item_code)])].sort();
}

/** Replaces the rows of one item in one year (year 0: the default). */
export async function replaceAssignment(
  db: Db,
  year: number,
  itemCode: string,
  rows: { departmentCode: string; role: 'lead' | 'cooperate' }[],
  who: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('assignment').where('year', '=', year).where('item_code', '=', itemCode).execute();
  await bumpVersion(db, 'assignment_version');
  if (rows.length === 0) return;
  await db
    .insertInto('assignment')
    .values(
      rows.map((r) => ({ year, item_code: itemCode, department_code: r.departmentCode, role: r.role, updated_by: who, updated_at: at })),
    )
    .execute();
}
