/** The units whose departments report: the city and each county-level unit (plan §四(一)). */
import type { OrgScope } from '../core/access/scope.js';
import type { OrgDirectory } from '../db/queries/getOrgTree.js';

export interface ReportingUnit {
  code: string;
  name: string;
  level: 'city' | 'county';
}

/** The city and county-level units at or below `root`, in the hierarchy's order. */
export function reportingUnitsUnder(org: OrgDirectory, scope: OrgScope, root: string): ReportingUnit[] {
  const out: ReportingUnit[] = [];
  for (const code of org.ordered) {
    const level = org.tree.get(code)?.level;
    if ((level === 'city' || level === 'county') && scope.isWithin(code, root)) {
      out.push({ code, name: org.names.get(code) ?? code, level });
    }
  }
  return out;
}

export function isReportingLevel(level: string | undefined): boolean {
  return level === 'city' || level === 'county';
}
