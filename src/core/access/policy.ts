/**
 * The vocabulary of the access rules every route declares (src/server/plugins/accessRules.ts):
 * who may call a route at all, and what the request is about. The decisions are pure, so that the
 * rules are tested without a server; the server only reads the subject from the request.
 */
import { canSeeUnapprovedFigures } from './figureAccess.js';
import { canSeeIndicator, canSeeOrg } from './permissions.js';
import type { Principal, Role } from './roles.js';
import type { OrgScope } from './scope.js';

/** Who may call a route: anyone (no session), any signed-in user, or the roles named. */
export type Audience = 'public' | 'signedIn' | readonly Role[];

/** What a request is about, as far as access is concerned. Absent parts are not checked. */
export interface AccessSubject {
  /** Units the request reads or changes: each must be the user's own unit or lie below it. */
  units?: readonly string[];
  /** The member department the request acts for or reads: a department's user may name only its own. */
  department?: string;
  /** The departments leading or cooperating on the indicator or goal concerned: a department's user must be one of them. */
  itemDepartments?: readonly string[];
  /** Figures that include unapproved values are asked for. */
  unapproved?: boolean;
}

/**
 * The Chinese reasons given for each kind of refusal; a route may word them for what it serves.
 * `{unit}` in the unit text stands for the name of the unit refused.
 */
export interface RefusalTexts {
  role: string;
  unit: string;
  department: string;
  item: string;
  unapproved: string;
}

export const REFUSALS: RefusalTexts = {
  role: '当前角色无权执行此操作',
  unit: '无权查看该单位的数据',
  department: '成员单位用户只能访问本单位的数据',
  item: '本成员单位没有牵头或配合该项，无权访问',
  unapproved: '只有统计局和系统管理员可以查看含未批准数据的监测结果',
};

/** Null when the role may call; a Chinese reason otherwise. A missing user is the caller's 401. */
export function audienceRefusal(p: Principal, who: Audience, texts: RefusalTexts = REFUSALS): string | null {
  if (who === 'public' || who === 'signedIn') return null;
  return who.includes(p.role) ? null : texts.role;
}

/**
 * Null when the user may act on the subject; a Chinese reason otherwise. Units unknown to the tree
 * (`unitName` gives undefined) are left to the route, which answers 404: there is nothing behind
 * them to protect.
 */
export function subjectRefusal(
  p: Principal,
  s: AccessSubject,
  scope: OrgScope,
  unitName: (code: string) => string | undefined,
  texts: RefusalTexts = REFUSALS,
): string | null {
  for (const unit of s.units ?? []) {
    const name = unitName(unit);
    if (name !== undefined && !canSeeOrg(p, unit, scope)) return texts.unit.replaceAll('{unit}', name);
  }
  if (s.department !== undefined && p.role === 'department' && p.departmentCode !== s.department) return texts.department;
  if (s.itemDepartments !== undefined && !canSeeIndicator(p, s.itemDepartments)) return texts.item;
  if (s.unapproved === true && !canSeeUnapprovedFigures(p)) return texts.unapproved;
  return null;
}
