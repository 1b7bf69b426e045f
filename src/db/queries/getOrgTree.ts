/** The organisation hierarchy as the roll-up needs it, plus names for presenting. */
import { OrgTree } from '../../core/aggregate/index.js';
import type { OrgLevel } from '../../core/plan/types.js';
import type { Db } from '../dialect.js';

export interface OrgDirectory {
  tree: OrgTree;
  names: Map<string, string>;
  /** Codes in the hierarchy's display order (parents before children). */
  ordered: string[];
}

export async function getOrgTree(db: Db): Promise<OrgDirectory> {
  const rows = await db.selectFrom('org_unit').select(['code', 'name', 'level', 'parent_code', 'area']).orderBy('sort_order').execute();
  const tree = OrgTree.from(
    rows.map((r) => ({
      code: r.code,
      parentCode: r.parent_code,
      level: r.level as OrgLevel,
      area: r.area === 'urban' || r.area === 'rural' ? r.area : null,
    })),
  );
  return { tree, names: new Map(rows.map((r) => [r.code, r.name])), ordered: rows.map((r) => r.code) };
}
