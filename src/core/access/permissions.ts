/**
 * Permission predicates. Every route asks one of these before it touches data; they are pure, so
 * the rules are tested without a server.
 */
import type { Principal } from './roles.js';
import type { OrgScope } from './scope.js';

/** The user may see data of this unit: it is the user's own unit or below it. */
export function canSeeOrg(p: Principal, orgUnitCode: string, scope: OrgScope): boolean {
  return scope.isWithin(orgUnitCode, p.orgUnitCode);
}

/**
 * The user may see values of this indicator: everyone but a department's user sees every
 * indicator; a department sees those it leads or cooperates on.
 */
export function canSeeIndicator(p: Principal, departmentsOfIndicator: readonly string[]): boolean {
  if (p.role !== 'department') return true;
  return p.departmentCode !== null && departmentsOfIndicator.includes(p.departmentCode);
}

/** The user may enter values of an indicator for a unit: the lead department, in its own subtree. */
export function canEnterValues(p: Principal, leadDepartment: string | null, orgUnitCode: string, scope: OrgScope): boolean {
  if (p.role !== 'department' || p.departmentCode === null) return false;
  return leadDepartment === p.departmentCode && canSeeOrg(p, orgUnitCode, scope);
}

/** The department user may act for its department at a reporting unit. */
export function actsForDepartment(p: Principal, departmentCode: string, reportingUnit: string, scope: OrgScope): boolean {
  return p.role === 'department' && p.departmentCode === departmentCode && canSeeOrg(p, reportingUnit, scope);
}

export function isAdmin(p: Principal): boolean {
  return p.role === 'admin';
}

/** The office (评估组) and the admin manage departments, assignments, deadlines and follow-up. */
export function canManagePlanWork(p: Principal): boolean {
  return p.role === 'admin' || p.role === 'evaluator';
}

/**
 * The user may see a qualitative goal's report, evidence and rating at a unit: within its
 * subtree, and a department only for the goals it leads or cooperates on.
 */
export function canSeeQualitative(p: Principal, departmentsOfItem: readonly string[], orgUnitCode: string, scope: OrgScope): boolean {
  return canSeeOrg(p, orgUnitCode, scope) && canSeeIndicator(p, departmentsOfItem);
}

/** Writing a qualitative goal's report and evidence is the lead department's, in its own subtree. */
export function canWriteQualitative(p: Principal, leadDepartment: string | null, orgUnitCode: string, scope: OrgScope): boolean {
  return leadDepartment !== null && actsForDepartment(p, leadDepartment, orgUnitCode, scope);
}

/** Rating qualitative goals is the evaluation group's work (methodology.md §6). */
export function canRateQualitative(p: Principal, orgUnitCode: string, scope: OrgScope): boolean {
  return p.role === 'evaluator' && canSeeOrg(p, orgUnitCode, scope);
}

/** Reviewing (已审核) is done by the statistics bureau of the reporting unit or above. */
export function canReview(p: Principal, reportingUnit: string, scope: OrgScope): boolean {
  return p.role === 'monitor' && canSeeOrg(p, reportingUnit, scope);
}

/** Approval (已批准) and reopening are the city (or higher) statistics bureau's. */
export function canApprove(p: Principal, reportingUnit: string, scope: OrgScope): boolean {
  const level = scope.levelOf(p.orgUnitCode);
  return p.role === 'monitor' && (level === 'city' || level === 'province') && canSeeOrg(p, reportingUnit, scope);
}

/** The security log is the admin's. */
export function canReadSecurityLog(p: Principal): boolean {
  return p.role === 'admin';
}

/**
 * Deleting a stored file (an implementation plan, evidence) is the owning unit's: a user of the
 * file's department at exactly the file's unit, or the user who uploaded it. A department above it
 * may read it but not take it away.
 */
export function canDeleteOwnFile(p: Principal, file: { departmentCode: string; orgUnitCode: string; uploadedBy: string }): boolean {
  if (p.role !== 'department' || p.departmentCode !== file.departmentCode) return false;
  return p.orgUnitCode === file.orgUnitCode || p.username === file.uploadedBy;
}
