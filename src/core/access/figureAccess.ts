/**
 * Which figures a user may look at on the monitoring pages: approved ones by everyone who may see
 * the unit; figures that include unapproved values (still being checked) by the statistics bureau
 * and the admin only, who check them before approval.
 */
import type { Principal } from './roles.js';

export function canSeeUnapprovedFigures(p: Pick<Principal, 'role'>): boolean {
  return p.role === 'monitor' || p.role === 'admin';
}
