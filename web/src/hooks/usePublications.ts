/** /api/publications: the years published to the public portal, and the office's decisions on them. */
import { api } from '../api/client';
import type { YearPublication } from '../api/types';
import { useApi } from './useApi';

export function usePublications() {
  return useApi<{ years: YearPublication[] }>('/api/publications');
}

export const publishYear = (year: number) => api<YearPublication>('POST', '/api/publications', { year });
export const withdrawYear = (year: number) => api<YearPublication>('DELETE', `/api/publications/${year}`);
