/** The review workflow applied: who may take which step, and taking it. */
import { actsForDepartment, canApprove, canReview } from '../core/access/permissions.js';
import type { Principal } from '../core/access/roles.js';
import type { OrgScope } from '../core/access/scope.js';
import {
  ACTION_LABELS,
  type Actor,
  actionsFrom,
  type SubmissionAction,
  type SubmissionState,
  transition,
} from '../core/workflow/submission.js';
import type { Db } from '../db/dialect.js';
import { bumpVersion } from '../db/repositories/meta.js';
import { touchIndicators } from '../db/repositories/indicatorVersions.js';
import { getResponsibilities } from './responsibilities.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import { getSubmission, recordTransition, type SubmissionKey, type SubmissionRecord } from '../db/repositories/submissions.js';

export function mayAct(p: Principal, actor: Actor, key: SubmissionKey, scope: OrgScope): boolean {
  if (actor === 'department') return actsForDepartment(p, key.department, key.orgUnit, scope);
  if (actor === 'reviewer') return canReview(p, key.orgUnit, scope);
  return canApprove(p, key.orgUnit, scope);
}

export interface AvailableAction {
  action: SubmissionAction;
  label: string;
  needsReason: boolean;
}

export function availableActions(p: Principal, state: SubmissionState, key: SubmissionKey, scope: OrgScope): AvailableAction[] {
  return actionsFrom(state)
    .filter((a) => mayAct(p, a.actor, key, scope))
    .map((a) => ({ action: a.action, label: ACTION_LABELS[a.action], needsReason: a.needsReason }));
}

export class WorkflowError extends Error {
  constructor(
    readonly kind: 'forbidden' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Takes one step of the workflow in a transaction; refuses in Chinese when it is not this user's to take. */
export async function applyAction(
  db: Db,
  p: Principal,
  scope: OrgScope,
  key: SubmissionKey,
  action: SubmissionAction,
  reason: string,
  at: string,
  ip: string,
  /** Whether the department has entered anything for this unit and year (nothing cannot be submitted). */
  hasData: (db: Db) => Promise<boolean>,
): Promise<SubmissionRecord> {
  return db.transaction().execute(async (trx) => {
    const current = await getSubmission(trx, key);
    const result = transition(current.state, action, reason);
    if (!result.ok) throw new WorkflowError(result.message.includes('理由') ? 'invalid' : 'conflict', result.message);
    if (!mayAct(p, result.actor, key, scope)) {
      throw new WorkflowError('forbidden', `无权${ACTION_LABELS[action]}该单位的报送数据`);
    }
    if (action === 'submit') {
      if (!(await hasData(trx))) throw new WorkflowError('invalid', '尚未填报任何数据,不能提交');
    }
    const moved = await recordTransition(trx, key, {
      action,
      from: current.state,
      to: result.to,
      by: p.username,
      at,
      reason: reason.trim(),
    });
    if (!moved) throw new WorkflowError('conflict', '该报送的状态刚被他人改变,请刷新后重试');
    await bumpVersion(trx, 'data_version');
    await bumpVersion(trx, 'approved_version');
    if (result.to === 'approved' || current.state === 'approved') {
      // The department's values of the year enter or leave the approved figures.
      const led = [...(await getResponsibilities(trx, key.year))].filter(([, r]) => r.lead === key.department).map(([code]) => code);
      await touchIndicators(trx, led, 'approved', key.year);
    }
    if (action === 'reopen') {
      await logSecurity(trx, {
        at,
        event: 'submission_reopened',
        username: p.username,
        ip,
        success: true,
        detail: `${key.department} ${key.orgUnit} ${key.year}:${reason.trim()}`,
      });
    }
    return getSubmission(trx, key);
  });
}
