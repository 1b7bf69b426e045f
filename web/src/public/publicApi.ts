/** The public portal's API (/api/public/…, no session): its answers' shapes and the hooks reading them. */
import type { AboutPlan } from '../../../src/app/aboutPlanModel';
import type { Overview as PublicOverview } from '../../../src/app/overviewModel';
import { useApi } from '../hooks/useApi';

export interface PortalUnit {
  code: string;
  name: string;
}

/** GET /api/public/years */
export interface PortalInfo {
  planName: string;
  period: { start: number; end: number };
  baselineYear: number;
  /** The plan's region first, then its county-level units. */
  units: PortalUnit[];
  /** Published years, oldest first. */
  years: number[];
  syntheticNotice: string | null;
}

/** GET /api/public/plan */
export type { AboutDomain, AboutIndicator, AboutPlan } from '../../../src/app/aboutPlanModel';

export const DOWNLOADS = [
  { format: 'csv', label: 'CSV', description: 'UTF-8 编码(带 BOM,Excel 可直接打开),中文表头,每行一个数值,与系统导入的长格式相同。' },
  { format: 'xlsx', label: 'Excel(.xlsx)', description: '含“说明”页和“数据”页,列同 CSV。' },
  {
    format: 'sdmx',
    label: 'SDMX-CSV',
    description: 'SDMX-CSV 2.0 格式(SDMX 3.0 数据消息),维度 INDICATOR、REF_AREA、TIME_PERIOD、SEX、URBANISATION、AGE,供统计软件读取。',
  },
] as const;

export const downloadUrl = (format: string): string => `/api/public/downloads/${format}`;

export function usePortalInfo() {
  return useApi<PortalInfo>('/api/public/years');
}

export function useAboutPlan() {
  return useApi<AboutPlan>('/api/public/plan');
}

/** GET /api/public/overview (the shape of GET /api/overview). */
export type { OverviewTile } from '../../../src/app/overviewModel';
export type { PublicOverview };

export function usePublicOverview(year: number | null, org: string | null) {
  return useApi<PublicOverview>(year !== null && org !== null ? `/api/public/overview?year=${year}&org=${encodeURIComponent(org)}` : null);
}
