/** What every report's cover and chapters share: the title, the meta data, the domains reported on. */
import type { Plan } from '../core/plan/types.js';
import type { ReportMeta } from './model.js';
import type { ReportData } from './reportData.js';
import { itemsOfDomain } from './reportItems.js';

/** 四平市儿童发展规划(2021-2030年)2024年统计监测报告; a county's report names the plan it carries out. */
export function reportTitle(plan: Plan, unit: { code: string; name: string }, what: string): string {
  return unit.code === plan.region ? `${plan.name}${what}` : `${unit.name}实施《${plan.name}》${what}`;
}

export function reportMeta(data: ReportData, kind: ReportMeta['kind'], title: string, author: string): ReportMeta {
  const draft = data.data === 'all' && data.draftReason !== null;
  return {
    kind,
    title,
    author,
    year: data.year,
    orgUnit: data.unit,
    generatedAt: data.generatedAt,
    draft,
    draftReason: draft ? data.draftReason : null,
    synthetic: data.synthetic,
    sourceLine: data.sourceLine,
  };
}

/** The domains with indicators in the report, in the plan's order. */
export function reportedDomains(data: ReportData): Plan['domains'] {
  return data.plan.domains.filter((d) => itemsOfDomain(data.items, d.code).length > 0);
}
