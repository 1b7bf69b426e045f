/** Member departments and the division of work (任务分工) as data: pure, validated by zod. */
import { z } from 'zod';

export const ASSIGNMENT_ROLES = ['lead', 'cooperate'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export interface Department {
  code: string;
  name: string;
  short: string;
}

export interface Assignment {
  itemCode: string;
  departmentCode: string;
  role: AssignmentRole;
}

const Responsibility = z.object({ lead: z.string(), cooperate: z.array(z.string()).optional() });

export const DepartmentsFile = z.object({
  departments: z.array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), name: z.string().min(1), short: z.string().min(1) })),
  indicators: z.record(z.string(), Responsibility),
  domainDefaults: z.record(z.string(), Responsibility),
  items: z.record(z.string(), Responsibility),
});
export type DepartmentsFile = z.infer<typeof DepartmentsFile>;

/**
 * The default assignment of every indicator and every goal/measure code given: explicit entries
 * first, the domain's default for goals and measures without one. Throws on an unknown department.
 */
export function defaultAssignments(
  file: DepartmentsFile,
  indicatorCodes: readonly string[],
  items: readonly { code: string; domain: string }[],
): Assignment[] {
  const known = new Set(file.departments.map((d) => d.code));
  const out: Assignment[] = [];
  const add = (itemCode: string, r: z.infer<typeof Responsibility>): void => {
    for (const code of [r.lead, ...(r.cooperate ?? [])]) {
      if (!known.has(code)) throw new Error(`任务分工中的成员单位代码“${code}”(${itemCode})不在成员单位列表中`);
    }
    out.push({ itemCode, departmentCode: r.lead, role: 'lead' });
    for (const c of r.cooperate ?? []) if (c !== r.lead) out.push({ itemCode, departmentCode: c, role: 'cooperate' });
  };
  for (const code of indicatorCodes) {
    const r = file.indicators[code];
    if (r) add(code, r);
  }
  for (const item of items) {
    const r = file.items[item.code] ?? file.domainDefaults[item.domain];
    if (r) add(item.code, r);
  }
  return out;
}
