/** The division of work (任务分工) in force for a year, one row per plan item. */
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getAssignments, listDepartments } from '../db/repositories/departments.js';
import { planItems, type PlanItemInfo } from './planItems.js';

export interface DepartmentRef {
  code: string;
  name: string;
}

export interface AssignmentRow extends Omit<PlanItemInfo, 'code'> {
  itemCode: string;
  lead: DepartmentRef | null;
  cooperate: DepartmentRef[];
  /** The year whose rows are in force for the item (0: the default); null when it has none. */
  fromYear: number | null;
}

/** @param department only the items this department leads or cooperates on */
export async function assignmentTable(db: Db, plan: Plan, year: number, department?: string): Promise<AssignmentRow[]> {
  const [assignments, departments] = await Promise.all([getAssignments(db, year), listDepartments(db)]);
  const names = new Map(departments.map((d) => [d.code, d.name]));
  const ref = (code: string): DepartmentRef => ({ code, name: names.get(code) ?? code });
  const byItem = new Map<string, { lead: DepartmentRef | null; cooperate: DepartmentRef[]; fromYear: number }>();
  for (const a of assignments) {
    const row = byItem.get(a.itemCode) ?? { lead: null, cooperate: [], fromYear: a.year };
    if (a.role === 'lead') row.lead = ref(a.departmentCode);
    else row.cooperate.push(ref(a.departmentCode));
    byItem.set(a.itemCode, row);
  }
  const order = new Map(departments.map((d, i) => [d.code, i]));
  const rows: AssignmentRow[] = planItems(plan).map(({ code, ...item }) => {
    const found = byItem.get(code);
    const cooperate = [...(found?.cooperate ?? [])].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
    return { itemCode: code, ...item, lead: found?.lead ?? null, cooperate, fromYear: found?.fromYear ?? null };
  });
  if (department === undefined) return rows;
  return rows.filter((r) => r.lead?.code === department || r.cooperate.some((c) => c.code === department));
}
