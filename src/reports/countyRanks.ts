/** Ranks of the county-level units on one indicator: the better value first, equal printed values sharing a rank. */
import { roundTo } from '../core/phrasing/reportNumbers.js';

/** Competition ranks (1, 1, 3) by the printed value; null for a unit without a value. */
export function countyRanks(values: readonly (number | null)[], direction: 'up' | 'down', digits: number): (number | null)[] {
  const printed = values.map((v) => (v === null ? null : roundTo(v, digits)));
  return printed.map((v) => {
    if (v === null) return null;
    const better = printed.filter((o) => o !== null && (direction === 'down' ? o < v : o > v)).length;
    return better + 1;
  });
}
