/** The signed-in user as routes see it, and how it is presented. */
import { isRole, type Principal } from '../../core/access/roles.js';
import type { AppUserRow } from '../../db/schema.js';

export function principalOf(user: AppUserRow): Principal {
  if (!isRole(user.role)) throw new Error(`user ${user.username}: unknown role ${user.role}`);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    orgUnitCode: user.org_unit_code,
    departmentCode: user.department_code,
  };
}
