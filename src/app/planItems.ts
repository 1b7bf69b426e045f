/** Every item of the plan a department can answer for: indicators, main goals and measures. */
import type { Plan } from '../core/plan/types.js';

export type PlanItemKind = 'indicator' | 'goal' | 'measure';

export interface PlanItemInfo {
  code: string;
  kind: PlanItemKind;
  domainCode: string;
  domainName: string;
  /** The indicator's name, or the goal's or measure's text. */
  text: string;
}

/** In the plan's order: per domain, its goals, its measures, then its indicators. */
export function planItems(plan: Plan): PlanItemInfo[] {
  const out: PlanItemInfo[] = [];
  for (const d of plan.domains) {
    const base = { domainCode: d.code, domainName: d.name };
    for (const g of d.goals) out.push({ ...base, code: g.code, kind: 'goal', text: g.text });
    for (const m of d.measures) out.push({ ...base, code: m.code, kind: 'measure', text: m.text });
    for (const i of plan.indicators) if (i.domain === d.code) out.push({ ...base, code: i.code, kind: 'indicator', text: i.name });
  }
  return out;
}

/** Years whose work can be planned: the baseline year to the end of the plan. */
export function planYears(plan: Plan): { first: number; last: number } {
  return { first: plan.baselineYear, last: plan.period.end };
}
