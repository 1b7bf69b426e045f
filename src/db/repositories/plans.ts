/** Storing the plan: the document as loaded, plus its domains, items, indicators and targets as rows. */
import type { Plan } from '../../core/plan/types.js';
import type { Db } from '../dialect.js';
import { setMeta } from './meta.js';

export class PlanConflictError extends Error {}

export interface PlanChange {
  who: string;
  at: string;
  reason: string;
}

/**
 * Replaces the stored plan, keeping the replaced version in plan_history. Indicators that
 * already have data values cannot be dropped.
 */
export async function savePlan(db: Db, plan: Plan, change: PlanChange): Promise<void> {
  const now = change.at;
  await db.transaction().execute(async (trx) => {
    const codes = new Set(plan.indicators.map((i) => i.code));
    const used = await trx.selectFrom('data_value').select('indicator_code').distinct().execute();
    const dropped = used.map((u) => u.indicator_code).filter((c) => !codes.has(c));
    if (dropped.length > 0) {
      throw new PlanConflictError(`新的规划文件缺少已有数据的指标: ${dropped.join('、')};请先删除这些指标的数据,或在规划文件中保留它们`);
    }
    const others = await trx.selectFrom('plan').select('code').where('code', '<>', plan.code).execute();
    if (others.length > 0 && used.length > 0) {
      throw new PlanConflictError(`数据库中已有规划“${others.map((o) => o.code).join('、')}”的数据,不能换成“${plan.code}”`);
    }

    const document = JSON.stringify(plan);
    const previous = await trx.selectFrom('plan').select(['code', 'document', 'loaded_at']).execute();
    const replaced = previous.filter((p) => p.document !== document);
    if (replaced.length > 0) {
      await trx
        .insertInto('plan_history')
        .values(
          replaced.map((p) => ({
            plan_code: p.code,
            document: p.document,
            loaded_at: p.loaded_at,
            replaced_by: change.who,
            replaced_at: now,
            reason: change.reason,
          })),
        )
        .execute();
    } else if (previous.length > 0) {
      return; // The same plan again: nothing changes.
    }

    await trx.deleteFrom('indicator_target').execute();
    await trx.deleteFrom('plan_item').execute();
    await trx.deleteFrom('plan_domain').execute();
    const row = {
      name: plan.name,
      region: plan.region,
      period_start: plan.period.start,
      period_end: plan.period.end,
      baseline_year: plan.baselineYear,
      source: plan.source,
      document,
      loaded_at: now,
    };
    await trx
      .insertInto('plan')
      .values({ code: plan.code, ...row })
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();

    await trx
      .insertInto('plan_domain')
      .values(plan.domains.map((d, i) => ({ plan_code: plan.code, code: d.code, name: d.name, sort_order: i })))
      .execute();
    const items = plan.domains.flatMap((d) => [
      ...d.goals.map((g) => ({
        plan_code: plan.code,
        code: g.code,
        domain_code: d.code,
        kind: 'goal' as const,
        number: g.number,
        text: g.text,
      })),
      ...d.measures.map((m) => ({
        plan_code: plan.code,
        code: m.code,
        domain_code: d.code,
        kind: 'measure' as const,
        number: m.number,
        text: m.text,
      })),
    ]);
    for (let i = 0; i < items.length; i += 200)
      await trx
        .insertInto('plan_item')
        .values(items.slice(i, i + 200))
        .execute();

    for (const [i, indicator] of plan.indicators.entries()) {
      const values = {
        plan_code: plan.code,
        domain_code: indicator.domain,
        plan_ref: indicator.planRef,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        bounded: indicator.bounded ? 1 : 0,
        yes_no: indicator.yesNo ? 1 : 0,
        numerator: indicator.formula.numerator,
        denominator: indicator.formula.denominator,
        factor: indicator.formula.factor,
        aggregation: indicator.aggregation,
        level: indicator.level,
        note: indicator.note,
        sort_order: i,
      };
      await trx
        .insertInto('indicator')
        .values({ code: indicator.code, ...values })
        .onConflict((oc) => oc.column('code').doUpdateSet(values))
        .execute();
      for (const t of indicator.targets) {
        await trx
          .insertInto('indicator_target')
          .values({
            indicator_code: indicator.code,
            kind: t.kind,
            value: t.value,
            milestones: t.milestones ? JSON.stringify(t.milestones) : null,
            coverage: t.coverage ? JSON.stringify(t.coverage) : null,
            baseline_year: t.baselineYear,
            target_year: t.targetYear,
            sex: t.sex,
            area: t.area,
          })
          .execute();
      }
    }
    if (codes.size > 0)
      await trx
        .deleteFrom('indicator')
        .where('code', 'not in', [...codes])
        .execute();
    await trx.deleteFrom('plan').where('code', '<>', plan.code).execute();
    await setMeta(trx, 'plan_code', plan.code);
  });
}

/** The stored plan document, or null before `childplan init`. */
export async function loadStoredPlan(db: Db): Promise<Plan | null> {
  const row = await db.selectFrom('plan').select('document').executeTakeFirst();
  return row ? (JSON.parse(row.document) as Plan) : null;
}
