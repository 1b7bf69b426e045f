/**
 * The plan as the public reads it (关于规划): each domain's main goals and measures verbatim, and
 * the indicators that monitor them with their targets in words. Read from the plan stored as data.
 */
import { describeTarget } from '../core/phrasing/labels.js';
import type { Plan } from '../core/plan/types.js';
import type { AboutPlan } from './aboutPlanModel.js';

const DISAGGREGATION: Record<string, string> = { male: '男', female: '女', urban: '城镇', rural: '农村' };

export function aboutPlan(plan: Plan): AboutPlan {
  return {
    name: plan.name,
    period: plan.period,
    baselineYear: plan.baselineYear,
    source: plan.source,
    domains: plan.domains.map((d) => ({
      code: d.code,
      name: d.name,
      goals: d.goals.map((g) => ({ code: g.code, number: g.number, text: g.text })),
      measures: d.measures.map((m) => ({ code: m.code, number: m.number, text: m.text })),
      indicators: plan.indicators
        .filter((i) => i.domain === d.code)
        .map((i) => ({
          code: i.code,
          name: i.name,
          unit: i.unit,
          planRef: i.planRef,
          targets: i.targets.map((t) => {
            const who = [t.sex, t.area].filter((x) => x !== 'total').map((x) => DISAGGREGATION[x] ?? x);
            return `${t.targetYear}年${who.length > 0 ? `(${who.join('、')})` : ''}:${describeTarget(t, i.unit)}`;
          }),
        })),
    })),
  };
}
