/**
 * Every submission a user can see for a year: each department that leads an indicator, at the city
 * and at each county-level unit in the user's subtree, with its state and how much is filled.
 */
import { canSeeOrg } from '../core/access/permissions.js';
import type { Principal } from '../core/access/roles.js';
import { STATE_LABELS, type SubmissionState } from '../core/workflow/submission.js';
import { listSubmissions } from '../db/repositories/submissions.js';
import { formIndicators } from './forms.js';
import { availableActions, type AvailableAction } from './submissionActions.js';
import type { EntryContext } from './valueEntry.js';

export interface SubmissionSummary {
  department: { code: string; name: string };
  orgUnit: { code: string; name: string };
  year: number;
  state: SubmissionState;
  stateLabel: string;
  updatedBy: string | null;
  updatedAt: string | null;
  submittedAt: string | null;
  filled: number;
  expected: number;
  actions: AvailableAction[];
}

export async function listSubmissionSummaries(c: EntryContext, p: Principal, year: number): Promise<SubmissionSummary[]> {
  const { tree, names, ordered } = c.org;
  const units = ordered.filter((code) => {
    const level = tree.get(code)?.level;
    return (level === 'city' || level === 'county') && canSeeOrg(p, code, c.scope);
  });
  const departments = await c.db.selectFrom('department').select(['code', 'name']).where('active', '=', 1).orderBy('sort_order').execute();
  const visible = p.role === 'department' ? departments.filter((d) => d.code === p.departmentCode) : departments;
  const stored = new Map((await listSubmissions(c.db, year)).map((s) => [`${s.department}|${s.orgUnit}`, s]));

  const indicatorsByDept = new Map(visible.map((d) => [d.code, new Map<string, string[]>()]));
  const allCodes = new Set<string>();
  for (const d of visible) {
    for (const unit of units) {
      const level = tree.get(unit)?.level ?? 'county';
      const codes = formIndicators(c.plan, c.responsibilities, d.code, level).map((i) => i.code);
      indicatorsByDept.get(d.code)?.set(unit, codes);
      codes.forEach((x) => allCodes.add(x));
    }
  }
  const filledRows =
    allCodes.size === 0 || units.length === 0
      ? []
      : await c.db
          .selectFrom('data_value')
          .select(['indicator_code', 'org_unit_code'])
          .where('year', '=', year)
          .where('sex', '=', 'total')
          .where('area', '=', 'total')
          .where('age_group', '=', 'total')
          .where('indicator_code', 'in', [...allCodes])
          .where('org_unit_code', 'in', units)
          .execute();
  const filled = new Set(filledRows.map((f) => `${f.indicator_code}|${f.org_unit_code}`));

  const out: SubmissionSummary[] = [];
  for (const unit of units) {
    for (const d of visible) {
      const codes = indicatorsByDept.get(d.code)?.get(unit) ?? [];
      if (codes.length === 0) continue;
      const s = stored.get(`${d.code}|${unit}`);
      const state = s?.state ?? 'draft';
      out.push({
        department: { code: d.code, name: d.name },
        orgUnit: { code: unit, name: names.get(unit) ?? unit },
        year,
        state,
        stateLabel: STATE_LABELS[state],
        updatedBy: s?.updatedBy ?? null,
        updatedAt: s?.updatedAt ?? null,
        submittedAt: s?.submittedAt ?? null,
        filled: codes.filter((code) => filled.has(`${code}|${unit}`)).length,
        expected: codes.length,
        actions: availableActions(p, state, { department: d.code, orgUnit: unit, year }, c.scope),
      });
    }
  }
  return out;
}
