/** /api/deadlines: by when each year's figures are due (北京时间 that day), set by the office. */
import { api } from '../api/client';
import { useApi } from './useApi';

export interface Deadline {
  year: number;
  deadline: string;
  updatedBy: string;
  updatedAt: string;
}

export function useDeadlines() {
  return useApi<{ deadlines: Deadline[] }>('/api/deadlines');
}

export const setDeadline = (year: number, deadline: string) => api<Deadline>('PUT', `/api/deadlines/${year}`, { deadline });
