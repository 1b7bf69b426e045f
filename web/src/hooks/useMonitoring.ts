/**
 * GET /api/overview, /api/warnings, /api/warnings/history and /api/disparities: the monitoring
 * pages' figures (src/app/overview.ts, warnings.ts, disparityFigures.ts), kept and prefetched so
 * that switching year or unit is instant.
 */
import { query } from '../api/client';
import type { DisparityTrend as Trend } from '../../../src/core/assess/disparity';
import type { DisparityFigures as Disparities } from '../../../src/app/disparityFiguresModel';
import type { Overview } from '../../../src/app/overviewModel';
import type { WarnedTargetWithDepartments as WarnedTarget, WarningHistory, WarningList } from '../../../src/app/warningsModel';
import { prefetch, useFreshApi } from './useFreshApi';

export interface FigureRequest {
  /** null: the server's choice (the latest year with approved figures). */
  year: number | null;
  org: string;
  data: 'approved' | 'all';
}

export type { OverviewTile as Tile, QualitativeTile, SummaryFigures } from '../../../src/app/overviewModel';
export type { NamedDepartment } from '../../../src/app/warningsModel';
export type { DisparityFiguresRow as DisparityRow, UnitValue } from '../../../src/app/disparityFiguresModel';
export type { Disparities, Overview, Trend, WarnedTarget, WarningHistory, WarningList };

const params = (r: FigureRequest) => ({ year: r.year ?? undefined, org: r.org, data: r.data === 'approved' ? undefined : r.data });

export const overviewUrl = (r: FigureRequest): string => `/api/overview${query(params(r))}`;
export const warningsUrl = (r: FigureRequest, department?: string): string => `/api/warnings${query({ ...params(r), department })}`;
export const warningExportUrl = (r: FigureRequest, department?: string): string =>
  `/api/warnings/export${query({ ...params(r), department })}`;
export const warningHistoryUrl = (r: FigureRequest): string => `/api/warnings/history${query(params(r))}`;
export const disparitiesUrl = (r: FigureRequest): string => `/api/disparities${query(params(r))}`;

export const useOverview = (r: FigureRequest) => useFreshApi<Overview>(overviewUrl(r));
export const useWarnings = (r: FigureRequest, department?: string) => useFreshApi<WarningList>(warningsUrl(r, department));
export const useWarningHistory = (r: FigureRequest) => useFreshApi<WarningHistory>(warningHistoryUrl(r));
export const useDisparities = (r: FigureRequest) => useFreshApi<Disparities>(disparitiesUrl(r));

/** Fetches the neighbours of what is shown (the years before and after, the other units offered). */
export function prefetchNeighbours(
  url: (r: FigureRequest) => string,
  r: FigureRequest,
  years: readonly number[],
  orgs: readonly string[],
): void {
  if (r.year === null) return;
  const y = r.year;
  for (const year of years.filter((x) => Math.abs(x - y) === 1)) prefetch(url({ ...r, year }));
  for (const org of orgs.filter((o) => o !== r.org)) prefetch(url({ ...r, org }));
}
