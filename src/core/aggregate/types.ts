/** The records the roll-up reads and writes (methodology.md §5, docs/aggregation.md). */
import type { Area, Sex } from '../plan/types.js';

/** One stored value of one indicator: a unit, a year and one disaggregation. */
export interface ValueRecord {
  orgUnit: string;
  year: number;
  sex: Sex;
  area: Area;
  ageGroup: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Where a resolved value comes from: the unit's own record, its children's, or a coverage rule. */
export type Origin = 'reported' | 'aggregated' | 'derived';

export interface ResolvedValue extends ValueRecord {
  origin: Origin;
  /**
   * Children that contributed (0 for reported). For `derived` coverage values: the
   * descendants with a value (the denominator).
   */
  contributors: number;
}
