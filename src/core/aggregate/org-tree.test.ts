import { describe, expect, it } from 'vitest';
import { OrgTree, type OrgNode } from './org-tree.js';

// 四平市 with two counties; 铁西区 has a street with two communities, 梨树县 two towns.
const NODES: OrgNode[] = [
  { code: '220300', parentCode: null, level: 'city', area: null },
  { code: '220302', parentCode: '220300', level: 'county', area: null },
  { code: '220302001', parentCode: '220302', level: 'township', area: 'urban' },
  { code: '220302001001', parentCode: '220302001', level: 'village', area: 'urban' },
  { code: '220302001002', parentCode: '220302001', level: 'village', area: 'urban' },
  { code: '220322', parentCode: '220300', level: 'county', area: null },
  { code: '220322100', parentCode: '220322', level: 'township', area: 'rural' },
  { code: '220322100201', parentCode: '220322100', level: 'village', area: 'rural' },
  { code: '220322101', parentCode: '220322', level: 'township', area: 'rural' },
];

describe('OrgTree', () => {
  const tree = OrgTree.from(NODES);

  it('answers get, parent and children from the nodes it was built from', () => {
    expect(tree.size).toBe(9);
    expect(tree.get('220322100')).toEqual(NODES[6]);
    expect(tree.get('999999')).toBeUndefined();
    expect(tree.parent('220322100201')).toBe('220322100');
    expect(tree.parent('220300')).toBeNull();
    expect(tree.children('220322')).toEqual(['220322100', '220322101']);
    expect(tree.children('220322101')).toEqual([]);
    expect(tree.roots()).toEqual(['220300']);
    expect(tree.depth('220302001001')).toBe(3);
  });

  it('lists the descendants at a level in depth-first order, without the unit itself', () => {
    expect(tree.descendantsAtLevel('220300', 'township')).toEqual(['220302001', '220322100', '220322101']);
    expect(tree.descendantsAtLevel('220322', 'village')).toEqual(['220322100201']);
    expect(tree.descendantsAtLevel('220302', 'county')).toEqual([]);
    expect(tree.descendantsAtLevel('220322101', 'village')).toEqual([]);
  });

  it('orders codes deepest first, keeping the input order within a depth', () => {
    expect(tree.bottomUp()).toEqual([
      '220302001001',
      '220302001002',
      '220322100201',
      '220302001',
      '220322100',
      '220322101',
      '220302',
      '220322',
      '220300',
    ]);
  });

  it('puts every unit before its parent even when children are listed before their parents', () => {
    const reversed = OrgTree.from([...NODES].reverse());
    const order = reversed.bottomUp();
    for (const node of NODES) {
      if (node.parentCode !== null) expect(order.indexOf(node.code)).toBeLessThan(order.indexOf(node.parentCode));
    }
    expect(order.at(-1)).toBe('220300');
  });

  it('holds several roots when given a forest', () => {
    const forest = OrgTree.from([
      { code: '220000', parentCode: null, level: 'province', area: null },
      { code: '210000', parentCode: null, level: 'province', area: null },
      { code: '210100', parentCode: '210000', level: 'city', area: null },
    ]);
    expect(forest.roots()).toEqual(['220000', '210000']);
    expect(forest.bottomUp()).toEqual(['210100', '220000', '210000']);
  });

  it('rejects a duplicate code, an unknown parent and a cycle', () => {
    expect(() => OrgTree.from([NODES[0] as OrgNode, NODES[0] as OrgNode])).toThrow(/duplicate org unit 220300/);
    expect(() => OrgTree.from([{ code: '220302', parentCode: '220300', level: 'county', area: null }])).toThrow(/unknown parent 220300/);
    expect(() =>
      OrgTree.from([
        { code: 'a', parentCode: 'b', level: 'county', area: null },
        { code: 'b', parentCode: 'a', level: 'county', area: null },
      ]),
    ).toThrow(/cycle/);
  });

  it('throws when asked about a unit it does not hold', () => {
    expect(() => tree.children('999999')).toThrow(/unknown org unit 999999/);
    expect(() => tree.descendantsAtLevel('999999', 'village')).toThrow(/unknown org unit/);
  });

  it('builds and walks a tree of 100 000 units', () => {
    const nodes: OrgNode[] = [{ code: 'root', parentCode: null, level: 'city', area: null }];
    for (let c = 0; c < 100; c++) {
      nodes.push({ code: `c${c}`, parentCode: 'root', level: 'county', area: null });
      for (let v = 0; v < 999; v++) nodes.push({ code: `c${c}v${v}`, parentCode: `c${c}`, level: 'township', area: null });
    }
    const big = OrgTree.from(nodes);
    expect(big.size).toBe(100_001);
    expect(big.descendantsAtLevel('root', 'township')).toHaveLength(99_900);
    expect(big.bottomUp()[0]).toBe('c0v0');
  });
});
