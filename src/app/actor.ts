/** Who acts, from where and when: what every audited action records. */
import type { Principal } from '../core/access/roles.js';

export interface Actor {
  principal: Principal;
  ip: string;
  at: string;
}
