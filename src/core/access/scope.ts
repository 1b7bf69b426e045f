/** Questions about the org hierarchy that permission checks ask, answered by the caller's tree. */
import type { OrgLevel } from '../plan/types.js';

export interface OrgScope {
  /** True when `code` is `ancestor` or lies below it. */
  isWithin(code: string, ancestor: string): boolean;
  levelOf(code: string): OrgLevel | undefined;
  /**
   * The unit whose departments report a value of `code`: the county-level unit above it, or the
   * unit itself when it is a county or the city. Undefined for an unknown code.
   */
  reportingUnitOf(code: string): string | undefined;
}
