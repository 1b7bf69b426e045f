/** An OrgScope answered by the org tree. */
import type { OrgTree } from '../aggregate/org-tree.js';
import type { OrgScope } from './scope.js';

export function scopeOf(tree: OrgTree): OrgScope {
  return {
    isWithin(code, ancestor) {
      if (!tree.has(code) || !tree.has(ancestor)) return false;
      for (let c: string | null = code; c !== null; c = tree.parent(c)) {
        if (c === ancestor) return true;
      }
      return false;
    },
    levelOf(code) {
      return tree.get(code)?.level;
    },
    reportingUnitOf(code) {
      for (let c: string | null = code; c !== null; c = tree.parent(c)) {
        const level = tree.get(c)?.level;
        if (level === undefined) return undefined;
        if (level === 'county' || level === 'city' || level === 'province') return c;
      }
      return undefined;
    },
  };
}
