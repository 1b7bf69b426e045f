/** Roll-up of one indicator up the org hierarchy (methodology.md §5, docs/aggregation.md). */
import type { AggregationRule, Indicator } from '../plan/types.js';
import type { OrgTree } from './org-tree.js';
import { AREA_COUNT, OrderedOutput, SliceTable, areaAt, areaIndex, splitForParent } from './slices.js';
import type { ResolvedValue, ValueRecord } from './types.js';

/** One unit in one slice: its own records per area and what its children pushed up. */
interface Cell {
  unit: number;
  slice: number;
  reported: [ValueRecord | null, ValueRecord | null, ValueRecord | null];
  /**
   * Per area a, at 3a, 3a + 1, 3a + 2: ratio → Σ numerators, Σ denominators, children;
   * min → the minimum, unused, children. Null until a child pushes a value.
   */
  acc: number[] | null;
}

type Resolved = [ResolvedValue | null, ResolvedValue | null, ResolvedValue | null];

/**
 * Every org unit × slice × area with a reported or aggregated value, in bottom-up org
 * order, then year, sex, area, age group. Records of units the tree does not hold are
 * ignored; two records with the same unit, year, sex, area and age group are an error.
 */
export function aggregateIndicator(indicator: Indicator, tree: OrgTree, records: readonly ValueRecord[]): ResolvedValue[] {
  const rule = indicator.aggregation;
  const rollsUp = rule === 'ratio' || rule === 'min';
  const slices = new SliceTable();
  const output = new OrderedOutput(tree, slices);
  const n = tree.size;

  // One map of cells per depth, keyed by slice × n + unit.
  const byDepth: Map<number, Cell>[] = [];
  const cellAt = (unit: number, slice: number): Cell => {
    const depth = tree.depthAt(unit);
    let cells = byDepth[depth];
    if (cells === undefined) {
      cells = new Map();
      byDepth[depth] = cells;
    }
    const key = slice * n + unit;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { unit, slice, reported: [null, null, null], acc: null };
      cells.set(key, cell);
    }
    return cell;
  };

  for (const record of records) {
    const unit = tree.indexOf(record.orgUnit);
    if (unit < 0) continue;
    const cell = cellAt(unit, slices.idOf(record.year, record.sex, record.ageGroup));
    const a = areaIndex(record.area);
    if (cell.reported[a] !== null) {
      throw new Error(
        `${indicator.code}: two records for ${record.orgUnit} ${record.year} ${record.sex} ${record.area} ${record.ageGroup}`,
      );
    }
    cell.reported[a] = record;
  }

  for (let depth = byDepth.length - 1; depth >= 0; depth--) {
    const cells = byDepth[depth];
    if (cells === undefined) continue;
    for (const cell of cells.values()) {
      const resolved = resolveCell(cell, rule, indicator.formula.factor, tree, slices);
      resolved.forEach((value, a) => {
        if (value !== null) output.add(cell.unit, cell.slice, a, value);
      });
      const parent = tree.parentIndex(cell.unit);
      if (!rollsUp || parent < 0) continue;
      const pushed = splitForParent(resolved, tree.nodeAt(cell.unit).area);
      let target: Cell | null = null;
      pushed.forEach((value, a) => {
        if (value === null) return;
        target ??= cellAt(parent, cell.slice);
        push(target, a, value, rule);
      });
    }
  }
  return output.finish();
}

function resolveCell(cell: Cell, rule: AggregationRule, factor: number, tree: OrgTree, slices: SliceTable): Resolved {
  const resolved: Resolved = [null, null, null];
  for (let a = 0; a < AREA_COUNT; a++) {
    const own = cell.reported[a] ?? null;
    if (own !== null && own.value !== null) {
      resolved[a] = reported(own);
      continue;
    }
    const acc = cell.acc;
    if (acc === null) continue;
    const first = acc[STRIDE * a] ?? 0;
    const second = acc[STRIDE * a + 1] ?? 0;
    const children = acc[STRIDE * a + 2] ?? 0;
    const withoutRatio = acc[STRIDE * a + 3] ?? 0;
    if (children === 0) continue;
    if (rule === 'ratio' && second > 0 && withoutRatio === 0) {
      resolved[a] = aggregated(cell, a, (first * factor) / second, first, second, children, tree, slices);
    } else if (rule === 'min') {
      resolved[a] = aggregated(cell, a, first, null, null, children, tree, slices);
    }
  }
  return resolved;
}

/** Per area: the numerator sum (or the minimum), the denominator sum, children counted, children with a value but no ratio. */
const STRIDE = 4;

/**
 * Adds a child's resolved value to the parent's sums (ratio) or minimum (min). A child with a
 * value but no numerator and denominator makes a ratio roll-up impossible: the sums would speak
 * for only some of the children that reported (docs/aggregation.md).
 */
function push(parent: Cell, a: number, value: ResolvedValue, rule: AggregationRule): void {
  if (rule === 'min' && value.value === null) return;
  parent.acc ??= new Array<number>(STRIDE * AREA_COUNT).fill(0);
  const acc = parent.acc;
  if (rule === 'ratio' && (value.numerator === null || value.denominator === null)) {
    if (value.value !== null) acc[STRIDE * a + 3] = (acc[STRIDE * a + 3] ?? 0) + 1;
    return;
  }
  const children = acc[STRIDE * a + 2] ?? 0;
  if (rule === 'ratio') {
    acc[STRIDE * a] = (acc[STRIDE * a] ?? 0) + (value.numerator ?? 0);
    acc[STRIDE * a + 1] = (acc[STRIDE * a + 1] ?? 0) + (value.denominator ?? 0);
  } else {
    const v = value.value ?? 0;
    acc[STRIDE * a] = children === 0 ? v : Math.min(acc[STRIDE * a] ?? v, v);
  }
  acc[STRIDE * a + 2] = children + 1;
}

function aggregated(
  cell: Cell,
  a: number,
  value: number,
  numerator: number | null,
  denominator: number | null,
  contributors: number,
  tree: OrgTree,
  slices: SliceTable,
): ResolvedValue {
  const slice = slices.at(cell.slice);
  return {
    orgUnit: tree.nodeAt(cell.unit).code,
    year: slice.year,
    sex: slice.sex,
    area: areaAt(a),
    ageGroup: slice.ageGroup,
    value,
    numerator,
    denominator,
    origin: 'aggregated',
    contributors,
  };
}

/** The record's own fields only (callers may pass richer objects, e.g. database rows). */
function reported(r: ValueRecord): ResolvedValue {
  return {
    orgUnit: r.orgUnit,
    year: r.year,
    sex: r.sex,
    area: r.area,
    ageGroup: r.ageGroup,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    origin: 'reported',
    contributors: 0,
  };
}
