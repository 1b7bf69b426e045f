/**
 * The review workflow of one department × reporting unit × year (DHIS2's data approval, with
 * the steps the plan's monitoring group uses): 草稿 → 已提交 → 已审核 → 已批准, 退回 with a reason.
 */

export const SUBMISSION_STATES = ['draft', 'submitted', 'reviewed', 'approved'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const STATE_LABELS: Record<SubmissionState, string> = {
  draft: '草稿',
  submitted: '已提交',
  reviewed: '已审核',
  approved: '已批准',
};

export const SUBMISSION_ACTIONS = ['submit', 'review', 'approve', 'return', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const ACTION_LABELS: Record<SubmissionAction, string> = {
  submit: '提交',
  review: '审核通过',
  approve: '批准',
  return: '退回',
  reopen: '重新打开',
};

/** Which actor an action needs: the department itself, the reviewer (county bureau) or the approver (city bureau). */
export type Actor = 'department' | 'reviewer' | 'approver';

interface Step {
  from: SubmissionState;
  to: SubmissionState;
  actor: Actor;
  needsReason: boolean;
}

const STEPS: Record<SubmissionAction, Step[]> = {
  submit: [{ from: 'draft', to: 'submitted', actor: 'department', needsReason: false }],
  review: [{ from: 'submitted', to: 'reviewed', actor: 'reviewer', needsReason: false }],
  approve: [{ from: 'reviewed', to: 'approved', actor: 'approver', needsReason: false }],
  return: [
    { from: 'submitted', to: 'draft', actor: 'reviewer', needsReason: true },
    { from: 'reviewed', to: 'draft', actor: 'approver', needsReason: true },
  ],
  reopen: [{ from: 'approved', to: 'draft', actor: 'approver', needsReason: true }],
};

export function isSubmissionState(text: string): text is SubmissionState {
  return (SUBMISSION_STATES as readonly string[]).includes(text);
}

export function isSubmissionAction(text: string): text is SubmissionAction {
  return (SUBMISSION_ACTIONS as readonly string[]).includes(text);
}

export type TransitionResult = { ok: true; to: SubmissionState; actor: Actor } | { ok: false; message: string };

/** The state an action leads to from `state`, with the actor it needs; a Chinese refusal otherwise. */
export function transition(state: SubmissionState, action: SubmissionAction, reason: string): TransitionResult {
  const step = STEPS[action].find((s) => s.from === state);
  if (!step) {
    return { ok: false, message: `当前状态为“${STATE_LABELS[state]}”,不能${ACTION_LABELS[action]}` };
  }
  if (step.needsReason && reason.trim() === '') {
    return { ok: false, message: `${ACTION_LABELS[action]}须填写理由` };
  }
  return { ok: true, to: step.to, actor: step.actor };
}

/** Values can be changed only while their submission is a draft (approved data is locked). */
export function isEditable(state: SubmissionState): boolean {
  return state === 'draft';
}

/** The actions whose step starts at `state`, for showing buttons. */
export function actionsFrom(state: SubmissionState): { action: SubmissionAction; actor: Actor; needsReason: boolean }[] {
  const out: { action: SubmissionAction; actor: Actor; needsReason: boolean }[] = [];
  for (const action of SUBMISSION_ACTIONS) {
    for (const step of STEPS[action]) {
      if (step.from === state) out.push({ action, actor: step.actor, needsReason: step.needsReason });
    }
  }
  return out;
}

/** Every actor who takes `action` from some state: whether a user may ask at all, before the state is read. */
export function actorsOf(action: SubmissionAction): Actor[] {
  return [...new Set(STEPS[action].map((s) => s.actor))];
}
