/** Who may do what: the roles of the monitoring and evaluation work (plan §四(一)). */

export const ROLES = ['admin', 'monitor', 'evaluator', 'department', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  monitor: '监测组(统计局)',
  evaluator: '评估组(妇儿工委办公室)',
  department: '成员单位',
  viewer: '只读',
};

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/** The signed-in user as the domain sees it. */
export interface Principal {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The unit the user works for: the user sees this unit and everything below it. */
  orgUnitCode: string;
  /** For a member department's user, the department (成员单位) it belongs to. */
  departmentCode: string | null;
}

/** The roles that administer the system; they hold the stricter session rules (等保2.0). */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['admin'];

export function isAdministrator(role: Role): boolean {
  return ADMINISTRATOR_ROLES.includes(role);
}
