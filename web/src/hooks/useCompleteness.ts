/** /api/completeness: how complete and how timely each department's reporting is, per unit. */
import { query } from '../api/client';
import { useApi } from './useApi';

export interface CompletenessRow {
  orgUnitCode: string;
  orgUnitName: string;
  departmentCode: string;
  departmentName: string;
  expected: number;
  filled: number;
  state: string;
  stateLabel: string;
  submittedAt: string | null;
  approved: boolean;
  late: boolean;
  daysLate: number;
}

export interface Completeness {
  year: number;
  deadline: string | null;
  rows: CompletenessRow[];
  totals: { rows: number; expected: number; filled: number; submitted: number; approved: number; late: number };
}

export interface CompletenessQuery {
  year: number;
  org?: string;
  department?: string;
}

export function useCompleteness(q: CompletenessQuery | null) {
  return useApi<Completeness>(q === null ? null : `/api/completeness${query({ ...q })}`);
}

/** 催报名单: the departments that have not submitted, as an Excel workbook. */
export const remindersUrl = (q: CompletenessQuery) => `/api/completeness/reminders.xlsx${query({ ...q })}`;
