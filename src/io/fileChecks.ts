/**
 * Warnings found inside one import file (methodology.md §5 and issue #2): a change of more than
 * 50 % against the previous year, and a parent more than 5 % away from its complete children.
 */
import type { FileValues } from './fileValues.js';
import type { KeyParts } from './rowKeys.js';

import { PARENT_TOLERANCE, YEAR_ON_YEAR_LIMIT } from '../core/validate/warningLimits.js';

export interface FileYearJump {
  current: KeyParts;
  line: number;
  value: number;
  previousYear: number;
  previousValue: number;
}

/** Found problems: the first `limit` in full, and how many there are in all. */
export interface Found<T> {
  listed: T[];
  total: number;
}

export function yearOnYearJumps(file: FileValues, limit = Infinity): Found<FileYearJump> {
  const listed: FileYearJump[] = [];
  let total = 0;
  file.forEachNumeric((key, i) => {
    const previousKey = file.rowKeys.previousYear(key);
    if (previousKey === null) return;
    const j = file.ordinalOf(previousKey);
    if (j < 0) return;
    const value = file.valueAt(i);
    const previousValue = file.valueAt(j);
    if (previousValue === 0 || Math.abs(value / previousValue - 1) <= YEAR_ON_YEAR_LIMIT) return;
    total++;
    if (listed.length >= limit) return;
    const current = file.rowKeys.parts(key);
    listed.push({ current, line: file.lineAt(i), value, previousYear: current.year - 1, previousValue });
  });
  return { listed, total };
}

export interface Hierarchy {
  /** Parent unit index of each unit index (in the order given to RowKeys), −1 for a root. */
  parentOf: Int32Array;
  /** Number of child units of each unit index. */
  childCount: Int32Array;
}

export interface FileParentGap {
  parent: KeyParts;
  line: number;
  value: number;
  aggregate: number;
  children: number;
}

/**
 * Parents whose value in the file differs by more than 5 % from the aggregate of their children
 * in the same file, when every child is there. `rule(indicatorIndex)` says how the indicator
 * rolls up: Σnum/Σden × factor, the minimum, or not at all.
 */
export function parentGaps(
  file: FileValues,
  hierarchy: Hierarchy,
  rule: (indicatorIndex: number) => { kind: 'ratio' | 'min' | 'none'; factor: number },
  limit = Infinity,
): Found<FileParentGap> {
  const groups = new Map<number, { n: number; d: number; min: number; count: number; withRatio: number }>();
  file.forEachNumeric((key, i) => {
    const parent = hierarchy.parentOf[file.rowKeys.orgIndex(key)] ?? -1;
    if (parent < 0) return;
    const parentKey = file.rowKeys.atOrg(key, parent);
    let g = groups.get(parentKey);
    if (!g) groups.set(parentKey, (g = { n: 0, d: 0, min: Infinity, count: 0, withRatio: 0 }));
    g.count++;
    g.min = Math.min(g.min, file.valueAt(i));
    const ratio = file.ratioAt(i);
    if (ratio) {
      g.n += ratio[0];
      g.d += ratio[1];
      g.withRatio++;
    }
  });
  const listed: FileParentGap[] = [];
  let total = 0;
  for (const [parentKey, g] of groups) {
    const p = file.ordinalOf(parentKey);
    if (p < 0) continue;
    const complete = hierarchy.childCount[file.rowKeys.orgIndex(parentKey)] ?? 0;
    if (g.count < complete) continue;
    const { kind, factor } = rule(file.rowKeys.indicatorIndex(parentKey));
    let aggregate: number | null = null;
    if (kind === 'ratio' && g.withRatio === complete && g.d > 0) aggregate = (g.n / g.d) * factor;
    else if (kind === 'min') aggregate = g.min;
    if (aggregate === null) continue;
    const value = file.valueAt(p);
    const gap = aggregate === 0 ? (value === 0 ? 0 : Infinity) : Math.abs(value - aggregate) / Math.abs(aggregate);
    if (gap <= PARENT_TOLERANCE) continue;
    total++;
    if (listed.length < limit)
      listed.push({ parent: file.rowKeys.parts(parentKey), line: file.lineAt(p), value, aggregate, children: complete });
  }
  return { listed, total };
}
