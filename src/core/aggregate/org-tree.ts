/** The organisation hierarchy, indexed for linear-time roll-ups over ~660 000 units. */
import { ORG_LEVELS, type OrgLevel } from '../plan/types.js';

export interface OrgNode {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  /** Villages: 居委会 urban, 村委会 rural. Townships: urban for a street (街道). Others: null. */
  area: 'urban' | 'rural' | null;
}

/** Rank of a level from the top: province 0 … village 4. */
export function levelRank(level: OrgLevel): number {
  return ORG_LEVELS.indexOf(level);
}

/**
 * An immutable forest of org units. Every unit also has an integer index (its position
 * in the input), used by the roll-up algorithms to key maps by numbers.
 */
export class OrgTree {
  private constructor(
    private readonly nodes: readonly OrgNode[],
    private readonly indexByCode: ReadonlyMap<string, number>,
    private readonly parents: Int32Array,
    private readonly childStart: Int32Array,
    private readonly childList: Int32Array,
    private readonly depths: Int32Array,
    private readonly order: Int32Array,
    private readonly positions: Int32Array,
  ) {}

  /**
   * Builds the tree in linear time. Throws on a duplicate code, a parent code that is not
   * among the nodes, or a cycle. Children and, within a depth, the bottom-up order keep
   * the order of `nodes`.
   */
  static from(nodes: readonly OrgNode[]): OrgTree {
    const n = nodes.length;
    const indexByCode = new Map<string, number>();
    nodes.forEach((node, i) => {
      if (indexByCode.has(node.code)) throw new Error(`duplicate org unit ${node.code}`);
      indexByCode.set(node.code, i);
    });

    const parents = new Int32Array(n).fill(-1);
    const childCount = new Int32Array(n + 1);
    nodes.forEach((node, i) => {
      if (node.parentCode === null) return;
      const p = indexByCode.get(node.parentCode);
      if (p === undefined) throw new Error(`org unit ${node.code}: unknown parent ${node.parentCode}`);
      parents[i] = p;
      childCount[p + 1] = (childCount[p + 1] ?? 0) + 1;
    });

    // Children in compressed rows: the children of i are childList[childStart[i] … childStart[i + 1]).
    const childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i] ?? 0) + (childCount[i + 1] ?? 0);
    const fill = childStart.slice(0, n);
    const childList = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = parents[i] ?? -1;
      if (p < 0) continue;
      const at = fill[p] ?? 0;
      childList[at] = i;
      fill[p] = at + 1;
    }

    const depths = computeDepths(nodes, parents);

    // Bottom-up order: a bucket per depth, deepest first, input order within a depth.
    let maxDepth = 0;
    for (const d of depths) if (d > maxDepth) maxDepth = d;
    const bucketStart = new Int32Array(maxDepth + 2);
    for (const d of depths) bucketStart[maxDepth - d + 1] = (bucketStart[maxDepth - d + 1] ?? 0) + 1;
    for (let b = 1; b <= maxDepth + 1; b++) bucketStart[b] = (bucketStart[b] ?? 0) + (bucketStart[b - 1] ?? 0);
    const order = new Int32Array(n);
    const positions = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const b = maxDepth - (depths[i] ?? 0);
      const at = bucketStart[b] ?? 0;
      order[at] = i;
      positions[i] = at;
      bucketStart[b] = at + 1;
    }
    return new OrgTree(nodes, indexByCode, parents, childStart, childList, depths, order, positions);
  }

  /** Number of units. */
  get size(): number {
    return this.nodes.length;
  }

  has(code: string): boolean {
    return this.indexByCode.has(code);
  }

  get(code: string): OrgNode | undefined {
    const i = this.indexByCode.get(code);
    return i === undefined ? undefined : this.nodes[i];
  }

  children(code: string): string[] {
    const i = this.require(code);
    const out: string[] = [];
    for (let c = this.childStart[i] ?? 0; c < (this.childStart[i + 1] ?? 0); c++) {
      out.push(this.nodeAt(this.childList[c] ?? -1).code);
    }
    return out;
  }

  parent(code: string): string | null {
    const p = this.parentIndex(this.require(code));
    return p < 0 ? null : this.nodeAt(p).code;
  }

  /** Distance from the root (a root has depth 0). */
  depth(code: string): number {
    return this.depthAt(this.require(code));
  }

  /** Units without a parent, in input order. */
  roots(): string[] {
    return this.nodes.filter((node) => node.parentCode === null).map((node) => node.code);
  }

  /** All descendants (not the unit itself) at `level`, in depth-first order. */
  descendantsAtLevel(code: string, level: OrgLevel): string[] {
    const out: string[] = [];
    const stack = [this.require(code)];
    let first = true;
    for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
      const node = this.nodeAt(i);
      if (!first && node.level === level) out.push(node.code);
      first = false;
      // Push children in reverse so that they are visited in input order.
      for (let c = (this.childStart[i + 1] ?? 0) - 1; c >= (this.childStart[i] ?? 0); c--) {
        stack.push(this.childList[c] ?? -1);
      }
    }
    return out;
  }

  /** Codes ordered deepest first (every unit before its parent); input order within a depth. */
  bottomUp(): string[] {
    return Array.from(this.order, (i) => this.nodeAt(i).code);
  }

  // Index-based access for the linear-time algorithms of this module.

  /** Index of a code, or -1 when the tree does not hold it. */
  indexOf(code: string): number {
    return this.indexByCode.get(code) ?? -1;
  }

  nodeAt(index: number): OrgNode {
    const node = this.nodes[index];
    if (node === undefined) throw new Error(`no org unit at index ${index}`);
    return node;
  }

  /** Index of the parent, or -1 for a root. */
  parentIndex(index: number): number {
    return this.parents[index] ?? -1;
  }

  depthAt(index: number): number {
    return this.depths[index] ?? 0;
  }

  /** Position of the unit in bottomUp(). */
  positionAt(index: number): number {
    return this.positions[index] ?? 0;
  }

  private require(code: string): number {
    const i = this.indexByCode.get(code);
    if (i === undefined) throw new Error(`unknown org unit ${code}`);
    return i;
  }
}

/** Depth of every unit, each unit visited once; throws on a cycle. */
function computeDepths(nodes: readonly OrgNode[], parents: Int32Array): Int32Array {
  const n = nodes.length;
  const UNKNOWN = -1;
  const VISITING = -2;
  const depths = new Int32Array(n).fill(UNKNOWN);
  const path: number[] = [];
  for (let start = 0; start < n; start++) {
    let i = start;
    while (i >= 0 && depths[i] === UNKNOWN) {
      depths[i] = VISITING;
      path.push(i);
      i = parents[i] ?? -1;
    }
    if (i >= 0 && depths[i] === VISITING) {
      throw new Error(`org units form a cycle through ${nodes[i]?.code ?? '?'}`);
    }
    let d = i < 0 ? -1 : (depths[i] ?? 0);
    for (let j = path.pop(); j !== undefined; j = path.pop()) {
      d += 1;
      depths[j] = d;
    }
  }
  return depths;
}
