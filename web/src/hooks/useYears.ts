/** GET /api/years: the years with data or a deadline, and the reporting year. */
import type { Years } from '../api/types';
import { useApi } from './useApi';

export function useYears() {
  return useApi<Years>('/api/years');
}
