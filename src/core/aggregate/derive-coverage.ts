/**
 * Coverage indicators (methodology.md §1 `coverage`): the share of a unit's descendants at
 * the rule's level whose value meets the threshold.
 */
import { atLeast } from '../assess/tolerance.js';
import type { CoverageRule } from '../plan/types.js';
import { levelRank, type OrgTree } from './org-tree.js';
import { AREA_COUNT, OrderedOutput, SliceTable, areaAt, areaIndex, splitForParent } from './slices.js';
import type { ResolvedValue } from './types.js';

/** A unit at the rule's level in one slice: its values per area. */
interface Leaf {
  unit: number;
  slice: number;
  values: [number | null, number | null, number | null];
}

/** An ancestor in one slice: per area a, units meeting at 2a and units with a value at 2a + 1. */
interface Count {
  unit: number;
  slice: number;
  counts: number[];
}

/**
 * For every unit above `rule.level` and every slice and area present among its descendants
 * at that level: numerator = descendants with value ≥ threshold, denominator = descendants
 * with a value, value = 100 × numerator / denominator, origin `derived`. `source` holds the
 * resolved values of `rule.indicator` (reported or aggregated); values of units at other
 * levels, of units the tree does not hold, and null values are ignored.
 */
export function deriveCoverage(rule: CoverageRule, tree: OrgTree, source: readonly ResolvedValue[]): ResolvedValue[] {
  const slices = new SliceTable();
  const output = new OrderedOutput(tree, slices);
  const n = tree.size;
  const rank = levelRank(rule.level);

  const leaves = new Map<number, Leaf>();
  for (const record of source) {
    const unit = tree.indexOf(record.orgUnit);
    if (unit < 0 || record.value === null || tree.nodeAt(unit).level !== rule.level) continue;
    const slice = slices.idOf(record.year, record.sex, record.ageGroup);
    const key = slice * n + unit;
    let leaf = leaves.get(key);
    if (leaf === undefined) {
      leaf = { unit, slice, values: [null, null, null] };
      leaves.set(key, leaf);
    }
    const a = areaIndex(record.area);
    if (leaf.values[a] !== null) {
      throw new Error(`${rule.indicator}: two values for ${record.orgUnit} ${record.year} ${record.sex} ${record.area} ${record.ageGroup}`);
    }
    leaf.values[a] = record.value;
  }

  const counts = new Map<number, Count>();
  for (const leaf of leaves.values()) {
    const split = splitForParent(leaf.values, tree.nodeAt(leaf.unit).area);
    for (let u = tree.parentIndex(leaf.unit); u >= 0; u = tree.parentIndex(u)) {
      if (levelRank(tree.nodeAt(u).level) >= rank) continue;
      const key = leaf.slice * n + u;
      let count = counts.get(key);
      if (count === undefined) {
        count = { unit: u, slice: leaf.slice, counts: [0, 0, 0, 0, 0, 0] };
        counts.set(key, count);
      }
      const c = count.counts;
      split.forEach((value, a) => {
        if (value === null) return;
        if (atLeast(value, rule.threshold)) c[2 * a] = (c[2 * a] ?? 0) + 1;
        c[2 * a + 1] = (c[2 * a + 1] ?? 0) + 1;
      });
    }
  }

  for (const { unit, slice: s, counts: c } of counts.values()) {
    const slice = slices.at(s);
    for (let a = 0; a < AREA_COUNT; a++) {
      const meeting = c[2 * a] ?? 0;
      const withData = c[2 * a + 1] ?? 0;
      if (withData === 0) continue;
      output.add(unit, s, a, {
        orgUnit: tree.nodeAt(unit).code,
        year: slice.year,
        sex: slice.sex,
        area: areaAt(a),
        ageGroup: slice.ageGroup,
        value: (100 * meeting) / withData,
        numerator: meeting,
        denominator: withData,
        origin: 'derived',
        contributors: withData,
      });
    }
  }
  return output.finish();
}
