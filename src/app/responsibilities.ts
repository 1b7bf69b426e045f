/** Who leads and who cooperates on each plan item in a year, from the assignment in force. */
import type { Db } from '../db/dialect.js';
import type { Assignment } from '../core/plan/departments.js';
import { assignmentRowsUpTo, assignmentsInForce, getAssignments } from '../db/repositories/departments.js';

export interface Responsibility {
  lead: string | null;
  cooperate: string[];
}

export type Responsibilities = Map<string, Responsibility>;

export async function getResponsibilities(db: Db, year: number): Promise<Responsibilities> {
  return responsibilitiesOf(await getAssignments(db, year));
}

/** The responsibilities of each year of a range, read in one query. */
export async function getResponsibilitiesByYear(db: Db, years: { from: number; to: number }): Promise<Map<number, Responsibilities>> {
  const rows = await assignmentRowsUpTo(db, years.to);
  const out = new Map<number, Responsibilities>();
  for (let y = years.from; y <= years.to; y++) out.set(y, responsibilitiesOf(assignmentsInForce(rows, y)));
  return out;
}

function responsibilitiesOf(assignments: readonly Assignment[]): Responsibilities {
  const out: Responsibilities = new Map();
  for (const a of assignments) {
    const r = out.get(a.itemCode) ?? { lead: null, cooperate: [] };
    if (a.role === 'lead') r.lead = a.departmentCode;
    else r.cooperate.push(a.departmentCode);
    out.set(a.itemCode, r);
  }
  return out;
}

export function departmentsOf(r: Responsibility | undefined): string[] {
  if (!r) return [];
  return r.lead ? [r.lead, ...r.cooperate] : r.cooperate;
}
