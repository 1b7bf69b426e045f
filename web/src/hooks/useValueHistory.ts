/** GET /api/values/history: every version of one value, and the workflow of its submission. */
import { query } from '../api/client';
import type { StoredValue } from './useEntryForm';
import type { WorkflowEvent } from './useSubmissions';
import { useApi } from './useApi';

export interface ValueVersion {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  note: string | null;
  /** Who entered this version, and when. */
  by: string;
  at: string;
  /** Who replaced it by the next one, when, and why. */
  replacedBy: string;
  replacedAt: string;
  reason: string;
}

export interface ValueHistory {
  current: StoredValue | null;
  /** Newest first. */
  versions: ValueVersion[];
  events: WorkflowEvent[];
}

export interface ValueRef {
  indicator: string;
  org: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
}

export function useValueHistory(ref: ValueRef | null) {
  return useApi<ValueHistory>(ref ? `/api/values/history${query({ ...ref })}` : null);
}
