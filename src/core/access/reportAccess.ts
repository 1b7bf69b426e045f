/**
 * What a report may be built from for a user (issue: "reports can be generated for any org unit
 * the user may see, and only from data the user may see"):
 * - a unit outside the user's subtree is refused;
 * - a viewer (只读) reads approved figures only, so a report of unapproved data is refused;
 * - a member department's user gets a report built only from the indicators its department leads
 *   or cooperates on (the values it may see), and is refused when there are none;
 * - everyone else gets every indicator.
 */
import { canSeeUnapprovedFigures } from './figureAccess.js';
import { canSeeIndicator, canSeeOrg } from './permissions.js';
import type { Principal } from './roles.js';
import type { OrgScope } from './scope.js';

export type ReportAccess = { allowed: true; indicators: 'all' | string[] } | { allowed: false; reason: string };

export function reportAccess(
  p: Principal,
  request: { orgUnit: string; data: 'approved' | 'all' },
  scope: OrgScope,
  /** Indicator code → the departments leading or cooperating on it in the report's year. */
  departmentsOfIndicator: ReadonlyMap<string, readonly string[]>,
): ReportAccess {
  if (!canSeeOrg(p, request.orgUnit, scope)) return { allowed: false, reason: '无权查看该单位的数据' };
  if (p.role === 'viewer' && request.data === 'all') {
    return { allowed: false, reason: '只读用户只能生成基于已批准数据的报告' };
  }
  // As on the monitoring pages: the office reads approved figures; a department its own working data.
  if (request.data === 'all' && p.role !== 'department' && !canSeeUnapprovedFigures(p)) {
    return { allowed: false, reason: '只有统计局、系统管理员和成员单位可以生成含未批准数据的报告' };
  }
  if (p.role !== 'department') return { allowed: true, indicators: 'all' };
  const indicators = [...departmentsOfIndicator].filter(([, departments]) => canSeeIndicator(p, departments)).map(([code]) => code);
  if (indicators.length === 0) return { allowed: false, reason: '本成员单位没有牵头或配合的监测指标,无法生成报告' };
  return { allowed: true, indicators };
}
