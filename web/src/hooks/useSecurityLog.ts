/** /api/security-log: the audit trail (系统管理员 only), searched and paged on the server. */
import { query } from '../api/client';
import { useApi } from './useApi';

export interface LogFilter {
  username?: string;
  event?: string;
  /** Beijing dates YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  text?: string;
}

export interface LogRow {
  id: number;
  at: string;
  event: string;
  eventLabel: string;
  username: string;
  ip: string;
  success: boolean;
  detail: string;
}

export interface LogPage {
  total: number;
  page: number;
  pageSize: number;
  rows: LogRow[];
}

export function useSecurityLog(filter: LogFilter, page: number, pageSize: number) {
  return useApi<LogPage>(`/api/security-log${query({ ...filter, page, pageSize })}`);
}

export function useSecurityEvents() {
  return useApi<{ events: { code: string; label: string }[] }>('/api/security-log/events');
}

export const securityLogExportUrl = (filter: LogFilter) => `/api/security-log/export${query({ ...filter })}`;
