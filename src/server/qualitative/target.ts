/** What a qualitative route is about, checked before anyone is asked for permission: year, unit, item. */
import { lookupPlanItem, type QualitativeItem } from '../../core/plan/qualitative.js';
import { getResponsibilities, type Responsibility } from '../../app/responsibilities.js';
import type { ServerContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';

export interface NamedOrg {
  code: string;
  name: string;
}

export interface Target {
  year: number;
  org: NamedOrg;
  item: QualitativeItem;
  responsibility: Responsibility;
}

/** A year of the plan's period: reports are written for 2021–2030, not the baseline. */
export function requirePlanYear(ctx: ServerContext, year: number): number {
  const { start, end } = ctx.plan().period;
  if (year < start || year > end) throw badRequest(`年份须在规划期 ${start}–${end} 年之内`);
  return year;
}

/** The city or a county-level unit: qualitative goals are reported and rated there, not lower. */
export function requireReportingUnit(ctx: ServerContext, code: string): NamedOrg {
  const org = ctx.org();
  const name = org.names.get(code);
  if (name === undefined) throw notFound(`单位代码“${code}”不存在`);
  const level = org.tree.get(code)?.level;
  if (level !== 'city' && level !== 'county') {
    throw badRequest(`“${name}”不是市或县(市、区)一级单位;定性目标由市和县(市、区)填报、评估`);
  }
  return { code, name };
}

/** A goal or measure of the plan that no indicator monitors. */
export function requireQualitativeItem(ctx: ServerContext, code: string): QualitativeItem {
  const found = lookupPlanItem(ctx.plan(), code);
  if (!found.found) throw notFound(`规划中没有编号为“${code}”的主要目标或策略措施`);
  if (found.monitoredBy.length > 0) {
    const names = found.monitoredBy.map((c) => ctx.plan().indicators.find((i) => i.code === c)?.name ?? c);
    throw badRequest(`“${code}”由监测指标(${names.join('、')})监测,不是定性目标;请通过指标数据填报`);
  }
  return found.item;
}

export async function resolveTarget(ctx: ServerContext, params: { year: number; org: string; item: string }): Promise<Target> {
  const item = requireQualitativeItem(ctx, params.item);
  const org = requireReportingUnit(ctx, params.org);
  const year = requirePlanYear(ctx, params.year);
  const responsibility = (await getResponsibilities(ctx.db, year)).get(item.code) ?? { lead: null, cooperate: [] };
  return { year, org, item, responsibility };
}
