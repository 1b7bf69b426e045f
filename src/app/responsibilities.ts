/** Who leads and who cooperates on each plan item in a year, from the assignment in force. */
import type { Db } from '../db/dialect.js';
import { getAssignments } from '../db/repositories/departments.js';

export interface Responsibility {
  lead: string | null;
  cooperate: string[];
}

export type Responsibilities = Map<string, Responsibility>;

export async function getResponsibilities(db: Db, year: number): Promise<Responsibilities> {
  const out: Responsibilities = new Map();
  for (const a of await getAssignments(db, year)) {
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
