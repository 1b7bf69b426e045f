/** GET /api/plan: the plan's domains and indicators (names, units, levels, targets in words). */
import { useApi } from './useApi';

export interface PlanIndicator {
  code: string;
  name: string;
  unit: string;
  domain: string;
  planRef: string;
  direction: string;
  bounded: boolean;
  yesNo: boolean;
  factor: number;
  numerator: string | null;
  denominator: string | null;
  level: string;
  aggregation: string;
  targetText: string;
}

export interface PlanItem {
  code: string;
  number: number;
  text: string;
}

export interface Plan {
  code: string;
  name: string;
  period: { start: number; end: number };
  baselineYear: number;
  domains: { code: string; name: string; goals: PlanItem[]; measures: PlanItem[] }[];
  indicators: PlanIndicator[];
}

export function usePlan() {
  return useApi<Plan>('/api/plan');
}
