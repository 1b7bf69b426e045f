/**
 * Who reads the values of a submission while they are still being worked on: the member department
 * itself, the statistics bureau that reviews them and the admin. Leaders (viewer) and the office
 * (evaluator) read a submission's values once it is approved, as on the monitoring pages.
 */
import { canSeeUnapprovedFigures } from '../../core/access/figureAccess.js';
import type { Principal } from '../../core/access/roles.js';
import { submissionKeyOf } from '../../app/forms.js';
import { getSubmission } from '../../db/repositories/submissions.js';
import type { ServerContext } from '../context.js';

export const UNAPPROVED_REFUSAL = '该报送尚未批准；只读用户和评估组只能查看已批准的数据';

export async function workingDataRefusal(
  p: Principal,
  ctx: ServerContext,
  department: string | null | undefined,
  orgUnit: string,
  year: number,
): Promise<string | null> {
  if (canSeeUnapprovedFigures(p) || p.role === 'department') return null;
  if (!department) return UNAPPROVED_REFUSAL;
  const key = submissionKeyOf(ctx.scope(), department, orgUnit, year);
  // An unknown unit is the route's 404.
  if (!key) return null;
  const submission = await getSubmission(ctx.db, key);
  return submission.state === 'approved' ? null : UNAPPROVED_REFUSAL;
}
