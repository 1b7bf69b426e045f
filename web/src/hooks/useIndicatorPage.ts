/** GET /api/indicators/:code: one indicator at one unit for a year (src/app/indicatorPageModel.ts). */
import type { IndicatorPageData } from '../../../src/app/indicatorPageModel';
import { useApi } from './useApi';

export type FigureData = 'approved' | 'all';

export function indicatorPageUrl(code: string, q: { year: number; org: string; data: FigureData }): string {
  const params = new URLSearchParams({ year: String(q.year), org: q.org, data: q.data });
  return `/api/indicators/${encodeURIComponent(code)}?${params.toString()}`;
}

/** null arguments wait (until the year is known). */
export function useIndicatorPage(code: string, year: number | null, org: string, data: FigureData) {
  return useApi<IndicatorPageData>(year === null ? null : indicatorPageUrl(code, { year, org, data }));
}
