/** `childplan demo`: replaces the data with the synthetic demo set, through the same writer as imports. */
import type { Plan } from '../core/plan/types.js';
import type { OrgLevel } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { bumpVersion, refreshStatistics, setMeta } from '../db/repositories/meta.js';
import { touchIndicators } from '../db/repositories/indicatorVersions.js';
import { approveDemoSubmissions } from './demoApprovals.js';
import { DataValueWriter, type WriteCounts } from '../db/repositories/dataValueWriter.js';
import { DEMO_YEARS, generateDemoRows } from '../demo/generateDemoRows.js';

export const DEMO_USER = 'demo';

export class RealDataPresentError extends Error {}

export async function loadDemoData(db: Db, plan: Plan, now: string): Promise<WriteCounts & { years: typeof DEMO_YEARS }> {
  const real = await db.selectFrom('data_value').select('id').where('created_by', '<>', DEMO_USER).limit(1).execute();
  if (real.length > 0) {
    throw new RealDataPresentError('数据库中已有非演示数据,为避免混淆,不能载入演示数据;请使用新的数据库(--db)');
  }
  const units = await db.selectFrom('org_unit').select(['code', 'level', 'area']).orderBy('sort_order').execute();
  const rows = generateDemoRows(
    plan,
    units.map((u) => ({ code: u.code, level: u.level as OrgLevel, area: u.area === 'urban' || u.area === 'rural' ? u.area : null })),
  );
  const counts = await db.transaction().execute(async (trx) => {
    const writer = new DataValueWriter(
      trx,
      { who: DEMO_USER, at: now, reason: '载入演示数据(合成)', importId: null },
      5000,
      await DataValueWriter.storedIndicatorYears(trx),
    );
    try {
      for (const r of rows) await writer.add(r);
      await writer.flush();
    } finally {
      await writer.settle();
    }
    await setMeta(trx, 'synthetic', 'true');
    await approveDemoSubmissions(trx, plan, DEMO_YEARS, DEMO_USER, now);
    await bumpVersion(trx, 'approved_version');
    await touchIndicators(
      trx,
      plan.indicators.map((i) => i.code),
      'approved',
    );
    return { ...writer.counts, years: DEMO_YEARS };
  });
  await refreshStatistics(db);
  return counts;
}

/** True when the database holds the synthetic demo set: every output says so. */
export async function isSynthetic(db: Db): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'synthetic').executeTakeFirst();
  return row?.value === 'true';
}

export const SYNTHETIC_BANNER = '注意:本库为合成的演示数据(childplan demo 生成),不是真实统计数据,仅供试用。';
