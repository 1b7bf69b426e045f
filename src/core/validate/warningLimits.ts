/** Limits beyond which an imported value is questioned, not refused (issue #2, methodology.md §5). */

/** A change of more than 50 % against the adjacent year. */
export const YEAR_ON_YEAR_LIMIT = 0.5;

/** A parent more than 5 % away from the aggregate of its complete children. */
export const PARENT_TOLERANCE = 0.05;
