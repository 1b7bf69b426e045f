/**
 * The office's changes to the division of work. Rows are per item and year: an item changed for
 * 2024 gets its own 2024 rows, which later years without rows of their own inherit.
 */
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getAssignments, listDepartments, replaceAssignment } from '../db/repositories/departments.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import type { Actor } from './actor.js';
import { invalid, missing } from './appError.js';
import { planItems, planYears } from './planItems.js';

export interface Responsibility {
  lead: string;
  cooperate: string[];
}

/** Year 0 (the default) or a year of the plan; a Chinese refusal otherwise. */
export function checkAssignmentYear(plan: Plan, year: number): void {
  const { first, last } = planYears(plan);
  if (year !== 0 && (year < first || year > last)) throw invalid(`年份须在 ${first}–${last} 之间(0 表示默认分工)`);
}

export async function setAssignment(db: Db, plan: Plan, actor: Actor, year: number, itemCode: string, r: Responsibility): Promise<void> {
  checkAssignmentYear(plan, year);
  const item = planItems(plan).find((i) => i.code === itemCode);
  if (!item) throw missing(`规划中没有编号为“${itemCode}”的指标、主要目标或策略措施`);
  const departments = new Map((await listDepartments(db)).map((d) => [d.code, d]));
  const cooperate = [...new Set(r.cooperate)];
  const problems: string[] = [];
  for (const code of [r.lead, ...cooperate]) {
    const d = departments.get(code);
    if (!d) problems.push(`成员单位代码“${code}”不存在`);
    else if (!d.active) problems.push(`成员单位“${d.name}”已停用`);
  }
  if (cooperate.includes(r.lead)) problems.push('牵头单位不能同时是配合单位');
  if (problems.length > 0) throw invalid(problems.join(';'), { problems });

  const before = describe(await inForce(db, year, itemCode), departments);
  const after = describe({ lead: r.lead, cooperate }, departments);
  await db.transaction().execute(async (trx) => {
    await replaceAssignment(
      trx,
      year,
      itemCode,
      [{ departmentCode: r.lead, role: 'lead' }, ...cooperate.map((c) => ({ departmentCode: c, role: 'cooperate' as const }))],
      actor.principal.username,
      actor.at,
    );
    await log(trx, actor, `修改任务分工 ${yearText(year)} ${itemCode}(${item.text}):${before} → ${after}`);
  });
}

/** Removes an item's own rows for a year, so that it inherits those of an earlier year again. */
export async function clearAssignment(db: Db, plan: Plan, actor: Actor, year: number, itemCode: string): Promise<void> {
  checkAssignmentYear(plan, year);
  if (year === 0) throw invalid('默认分工不能删除,只能修改');
  const own = await db
    .selectFrom('assignment')
    .select('department_code')
    .where('year', '=', year)
    .where('item_code', '=', itemCode)
    .execute();
  if (own.length === 0) throw missing(`${year} 年没有单独设置“${itemCode}”的任务分工`);
  const departments = new Map((await listDepartments(db)).map((d) => [d.code, d]));
  const before = describe(await inForce(db, year, itemCode), departments);
  await db.transaction().execute(async (trx) => {
    await replaceAssignment(trx, year, itemCode, [], actor.principal.username, actor.at);
    const after = describe(await inForce(trx, year, itemCode), departments);
    await log(trx, actor, `取消 ${year} 年 ${itemCode} 的单独分工,恢复沿用此前分工:${before} → ${after}`);
  });
}

async function inForce(db: Db, year: number, itemCode: string): Promise<{ lead: string | null; cooperate: string[] }> {
  const rows = (await getAssignments(db, year)).filter((a) => a.itemCode === itemCode);
  return {
    lead: rows.find((a) => a.role === 'lead')?.departmentCode ?? null,
    cooperate: rows.filter((a) => a.role === 'cooperate').map((a) => a.departmentCode),
  };
}

function describe(r: { lead: string | null; cooperate: string[] }, departments: Map<string, { name: string }>): string {
  const name = (code: string) => departments.get(code)?.name ?? code;
  const cooperate = r.cooperate.length > 0 ? r.cooperate.map(name).join('、') : '无';
  return `牵头 ${r.lead ? name(r.lead) : '无'},配合 ${cooperate}`;
}

function yearText(year: number): string {
  return year === 0 ? '默认' : `${year} 年`;
}

function log(db: Db, actor: Actor, detail: string): Promise<void> {
  return logSecurity(db, {
    at: actor.at,
    event: 'assignment_changed',
    username: actor.principal.username,
    ip: actor.ip,
    success: true,
    detail,
  });
}
