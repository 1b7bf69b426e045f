/**
 * Slices (year, sex, age group) and areas as small integers, and the output order
 * (org bottom-up order, then year, sex, area, age group).
 */
import { AREAS, SEXES, type Area, type Sex } from '../plan/types.js';
import type { OrgTree } from './org-tree.js';
import type { ResolvedValue } from './types.js';

export interface Slice {
  year: number;
  sex: Sex;
  ageGroup: string;
}

/** Areas by index: 0 total, 1 urban, 2 rural. */
export const AREA_COUNT = AREAS.length;

export function areaIndex(area: Area): number {
  return AREAS.indexOf(area);
}

export function areaAt(index: number): Area {
  const area = AREAS[index];
  if (area === undefined) throw new Error(`no area at index ${index}`);
  return area;
}

/** Interns slices: each distinct (year, sex, age group) gets the next integer. */
export class SliceTable {
  private readonly ids = new Map<string, number>();
  private readonly list: Slice[] = [];

  idOf(year: number, sex: Sex, ageGroup: string): number {
    // Unambiguous: year and sex never contain the separator, the free-text age group comes last.
    const key = `${year}|${sex}|${ageGroup}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(key, id);
      this.list.push({ year, sex, ageGroup });
    }
    return id;
  }

  at(id: number): Slice {
    const slice = this.list[id];
    if (slice === undefined) throw new Error(`no slice ${id}`);
    return slice;
  }

  get size(): number {
    return this.list.length;
  }

  /**
   * Rank of each (slice, area) pair, at `slice × 3 + area`, in the order year, sex
   * (total, male, female), area (total, urban, rural), age group (by code unit).
   */
  ranks(): Int32Array {
    const pairs: number[] = [];
    for (let s = 0; s < this.list.length; s++) for (let a = 0; a < AREA_COUNT; a++) pairs.push(s * AREA_COUNT + a);
    pairs.sort((p, q) => {
      const x = this.at(Math.floor(p / AREA_COUNT));
      const y = this.at(Math.floor(q / AREA_COUNT));
      if (x.year !== y.year) return x.year - y.year;
      if (x.sex !== y.sex) return SEXES.indexOf(x.sex) - SEXES.indexOf(y.sex);
      if (p % AREA_COUNT !== q % AREA_COUNT) return (p % AREA_COUNT) - (q % AREA_COUNT);
      if (x.ageGroup === y.ageGroup) return 0;
      return x.ageGroup < y.ageGroup ? -1 : 1;
    });
    const rank = new Int32Array(pairs.length);
    pairs.forEach((pair, r) => {
      rank[pair] = r;
    });
    return rank;
  }
}

/** Collects results in any order and returns them in the deterministic output order. */
export class OrderedOutput {
  private readonly units: number[] = [];
  private readonly pairs: number[] = [];
  private readonly values: ResolvedValue[] = [];

  constructor(
    private readonly tree: OrgTree,
    private readonly slices: SliceTable,
  ) {}

  add(unitIndex: number, slice: number, area: number, value: ResolvedValue): void {
    this.units.push(unitIndex);
    this.pairs.push(slice * AREA_COUNT + area);
    this.values.push(value);
  }

  /** Counting sort by bottom-up position, then each unit's few values by rank. */
  finish(): ResolvedValue[] {
    const rank = this.slices.ranks();
    const n = this.values.length;
    const start = new Int32Array(this.tree.size + 1);
    for (const u of this.units) {
      const p = this.tree.positionAt(u) + 1;
      start[p] = (start[p] ?? 0) + 1;
    }
    for (let p = 1; p <= this.tree.size; p++) start[p] = (start[p] ?? 0) + (start[p - 1] ?? 0);
    const fill = start.slice();
    const order = new Int32Array(n);
    this.units.forEach((u, k) => {
      const p = this.tree.positionAt(u);
      const at = fill[p] ?? 0;
      order[at] = k;
      fill[p] = at + 1;
    });
    const rankOf = (k: number): number => rank[this.pairs[k] ?? 0] ?? 0;
    for (let p = 0; p < this.tree.size; p++) {
      const from = start[p] ?? 0;
      const to = start[p + 1] ?? 0;
      if (to - from > 1) order.subarray(from, to).sort((k, l) => rankOf(k) - rankOf(l));
    }
    return Array.from(order, (k) => {
      const value = this.values[k];
      if (value === undefined) throw new Error(`no output ${k}`);
      return value;
    });
  }
}

/**
 * Which of a unit's resolved values count toward its parent's (or ancestor's) urban and
 * rural values, at indices 1 and 2 (index 0, the total, always counts as the total).
 * Its own urban/rural values when it has either; otherwise, when the unit is classified,
 * its total counts for its class.
 */
export function splitForParent<T>(
  own: readonly [T | null, T | null, T | null],
  classification: 'urban' | 'rural' | null,
): [T | null, T | null, T | null] {
  const [total, urban, rural] = own;
  if (urban !== null || rural !== null) return [total, urban, rural];
  if (classification === 'urban') return [total, total, null];
  if (classification === 'rural') return [total, null, total];
  return [total, null, null];
}
