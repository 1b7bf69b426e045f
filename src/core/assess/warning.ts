/** Early warning 预警 (methodology.md §3). */
import type { Status, Warning } from './types.js';

/** The first rule that applies: none, red, yellow, green. */
export function warningFor(status: Status, volatile: boolean): Warning {
  if (status === 'insufficient_data' || status === 'not_assessed') return 'none';
  if (status === 'regressing' || status === 'off_track') return 'red';
  if (status === 'needs_acceleration' || volatile) return 'yellow';
  return 'green';
}
