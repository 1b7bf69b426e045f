/**
 * GET /api/overview, /api/warnings, /api/warnings/history and /api/disparities: the monitoring
 * pages' figures (src/app/overview.ts, warnings.ts, disparityFigures.ts), kept and prefetched so
 * that switching year or unit is instant.
 */
import { query } from '../api/client';
import type { Status, Warning } from '../../../src/core/assess/types';
import { prefetch, useFreshApi } from './useFreshApi';

export type FigureData = 'approved' | 'all' | 'public';

export interface FigureRequest {
  /** null: the server's choice (the latest year with approved figures). */
  year: number | null;
  org: string;
  data: 'approved' | 'all';
}

export interface OrgUnitRef {
  code: string;
  name: string;
  level: string;
}

export interface SummaryFigures {
  counts: Record<Status, number>;
  total: number;
  assessed: number;
  achieved: number;
  achievementRate: number | null;
  achievementRateText: string;
}

export interface Tile {
  indicator: string;
  name: string;
  domain: string;
  sex: string;
  area: string;
  unit: string;
  value: number | null;
  valueText: string;
  latestYear: number | null;
  targetText: string;
  targetYear: number | null;
  status: Status;
  statusLabel: string;
  warning: Warning;
  warningLabel: string;
  volatile: boolean;
}

export interface QualitativeTile {
  code: string;
  kind: 'goal' | 'measure';
  kindLabel: string;
  domain: string;
  text: string;
  rating: string | null;
  ratingLabel: string;
}

export interface Overview {
  year: number;
  data: FigureData;
  orgUnit: OrgUnitRef;
  baselineYear: number;
  synthetic: boolean;
  overall: SummaryFigures;
  domains: (SummaryFigures & { code: string; name: string })[];
  tiles: Tile[];
  qualitative: {
    domains: { code: string; items: number; counts: Record<string, number> }[];
    items: QualitativeTile[];
  };
}

export interface NamedDepartment {
  code: string;
  name: string;
}

export interface WarnedTarget extends Tile {
  domainName: string;
  causes: string[];
  causeLabels: string[];
  reason: string;
  lead: NamedDepartment | null;
  cooperating: NamedDepartment[];
}

export interface WarningList {
  year: number;
  data: FigureData;
  orgUnit: OrgUnitRef;
  synthetic: boolean;
  red: number;
  yellow: number;
  items: WarnedTarget[];
}

export interface WarningHistory {
  year: number;
  data: FigureData;
  orgUnit: OrgUnitRef;
  years: number[];
  totals: { year: number; red: number; yellow: number }[];
  rows: { indicator: string; name: string; domain: string; sex: string; area: string; warnings: Warning[]; statuses: Status[] }[];
}

export interface UnitValue {
  orgUnit: string;
  orgName: string;
  value: number;
  valueText: string;
}

export type Trend = 'narrowing' | 'widening' | 'stable';

export interface DisparityRow {
  indicator: string;
  name: string;
  domain: string;
  domainName: string;
  unit: string;
  urbanRural: {
    latestYear: number;
    urban: number;
    rural: number;
    urbanText: string;
    ruralText: string;
    gapText: string;
    baselineYear: number | null;
    baselineGapText: string | null;
    trend: Trend | null;
    trendLabel: string;
    sentence: string;
    series: { year: number; urban: number; rural: number; gap: number }[];
  } | null;
  county: {
    latestYear: number;
    counties: number;
    max: UnitValue;
    min: UnitValue;
    rangeText: string;
    ratio: number | null;
    baselineYear: number | null;
    baselineRangeText: string | null;
    trend: Trend | null;
    trendLabel: string;
    sentence: string;
    values: UnitValue[];
    series: { year: number; min: number; max: number; range: number }[];
  } | null;
}

export interface Disparities {
  year: number;
  data: FigureData;
  orgUnit: { code: string; name: string };
  baselineYear: number;
  synthetic: boolean;
  urbanRural: { counts: Record<Trend, number>; text: string };
  county: { counts: Record<Trend, number>; text: string };
  rows: DisparityRow[];
}

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
