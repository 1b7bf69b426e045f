/** /api/submissions: the submissions a user may see, one workflow step, and a submission's record. */
import { api, query } from '../api/client';
import type { WorkflowAction } from './useEntryForm';
import { useApi } from './useApi';

export interface SubmissionSummary {
  department: { code: string; name: string };
  orgUnit: { code: string; name: string };
  year: number;
  state: string;
  stateLabel: string;
  updatedBy: string | null;
  updatedAt: string | null;
  submittedAt: string | null;
  filled: number;
  expected: number;
  actions: WorkflowAction[];
}

export interface WorkflowEvent {
  action: string;
  label: string;
  from: string;
  to: string;
  by: string;
  at: string;
  reason: string;
}

export interface SubmissionKey {
  department: string;
  org: string;
  year: number;
}

export function useSubmissions(year: number | null) {
  return useApi<SubmissionSummary[]>(year === null ? null : `/api/submissions${query({ year })}`);
}

const path = (k: SubmissionKey) => `/api/submissions/${encodeURIComponent(k.department)}/${encodeURIComponent(k.org)}/${k.year}`;

/** submit | review | approve | return | reopen */
export const submissionStep = (k: SubmissionKey, action: string, reason: string) =>
  api<SubmissionSummary>('POST', `${path(k)}/${action}`, { reason });

export function useSubmissionEvents(k: SubmissionKey | null) {
  return useApi<WorkflowEvent[]>(k ? `${path(k)}/events` : null);
}
