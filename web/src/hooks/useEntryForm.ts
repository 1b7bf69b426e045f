/** GET /api/forms: a department's form for one unit and year, with its submission's state and actions. */
import { query } from '../api/client';
import { useApi } from './useApi';

export interface WorkflowAction {
  action: string;
  label: string;
  needsReason: boolean;
}

export interface StoredValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  note: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface FormIndicator {
  code: string;
  name: string;
  unit: string;
  domain: string;
  yesNo: boolean;
  hasFormula: boolean;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  factor: number;
  targetText: string;
}

export interface FormLine {
  /** `indicator|org|sex|area|ageGroup` */
  key: string;
  indicator: FormIndicator;
  orgUnit: { code: string; name: string };
  sex: string;
  area: string;
  ageGroup: string;
  /** 合计, 男, 城镇·女 … */
  label: string;
  current: StoredValue | null;
  /** The three years before, oldest first. */
  previous: { year: number; value: number | null }[];
}

export interface SubmissionInfo {
  state: string;
  stateLabel: string;
  editable: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  submittedAt: string | null;
  actions: WorkflowAction[];
}

export interface EntryForm {
  department: { code: string; name: string };
  orgUnit: { code: string; name: string; level: string };
  /** The county or city unit whose submission the form belongs to. */
  reportingUnit: { code: string; name: string };
  year: number;
  submission: SubmissionInfo;
  deadline: string | null;
  lines: FormLine[];
}

export interface FormChoice {
  department: string;
  org: string;
  year: number;
}

/** `null` waits until unit, year and department are chosen. */
export function useEntryForm(choice: FormChoice | null) {
  return useApi<EntryForm>(choice ? `/api/forms${query({ department: choice.department, org: choice.org, year: choice.year })}` : null);
}
