/** /api/assignments: the division of work (任务分工) in force for a year, and the office's changes to it. */
import { api, query } from '../api/client';
import { useApi } from './useApi';

export type ItemKind = 'indicator' | 'goal' | 'measure';

export const KIND_LABELS: Record<ItemKind, string> = { indicator: '监测指标', goal: '主要目标', measure: '策略措施' };

export interface AssignmentRow {
  itemCode: string;
  kind: ItemKind;
  domainCode: string;
  domainName: string;
  text: string;
  lead: { code: string; name: string } | null;
  cooperate: { code: string; name: string }[];
  /** The year whose setting applies (0: the default; null: nobody assigned). */
  fromYear: number | null;
}

/** `year` 0 is the default division that every year follows unless it has its own. */
export function useAssignments(year: number | null, department?: string, kind?: ItemKind) {
  return useApi<{ year: number; rows: AssignmentRow[] }>(year === null ? null : `/api/assignments${query({ year, department, kind })}`);
}

const itemUrl = (year: number, itemCode: string) => `/api/assignments/${year}/${encodeURIComponent(itemCode)}`;

export const setAssignment = (year: number, itemCode: string, lead: string, cooperate: string[]) =>
  api<AssignmentRow>('PUT', itemUrl(year, itemCode), { lead, cooperate });

export const clearAssignment = (year: number, itemCode: string) => api<AssignmentRow>('DELETE', itemUrl(year, itemCode));
