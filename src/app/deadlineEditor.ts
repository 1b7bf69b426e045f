/** The office sets the reporting deadline of a year; the change goes to the security log. */
import { isIsoDate } from '../core/time/chinaTime.js';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { getDeadline, setDeadline } from '../db/repositories/deadlines.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import type { Actor } from './actor.js';
import { invalid } from './appError.js';
import { planYears } from './planItems.js';

export async function changeDeadline(db: Db, plan: Plan, actor: Actor, year: number, deadline: string): Promise<void> {
  const { first, last } = planYears(plan);
  if (year < first || year > last) throw invalid(`年份须在 ${first}–${last} 之间`);
  if (!isIsoDate(deadline)) throw invalid('截止日期格式应为 YYYY-MM-DD,且须是有效日期');
  // A year's figures exist only after it ends: a deadline inside the year is a typing error.
  if (deadline <= `${year}-12-31`) throw invalid(`${year} 年数据的报送截止日期须在 ${year} 年之后`);
  const old = await getDeadline(db, year);
  if (old === deadline) return;
  await db.transaction().execute(async (trx) => {
    await setDeadline(trx, { year, deadline, updatedBy: actor.principal.username, updatedAt: actor.at });
    await logSecurity(trx, {
      at: actor.at,
      event: 'deadline_changed',
      username: actor.principal.username,
      ip: actor.ip,
      success: true,
      detail: `${year} 年数据报送截止日期:${old ?? '未设置'} → ${deadline}`,
    });
  });
}
