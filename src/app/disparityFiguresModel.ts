/**
 * The disparities page's figures as plain, serialisable data: what `disparityFigures` returns, the
 * API sends and the web page draws. Types only, so that the web app imports them as they are.
 */
import type { DisparityTrend } from '../core/assess/disparity.js';
import type { DomainCode } from '../core/plan/types.js';
import type { PageDataKind } from './indicatorPageModel.js';

export interface UnitValue {
  orgUnit: string;
  orgName: string;
  value: number;
  valueText: string;
}

export interface UrbanRuralFigures {
  latestYear: number;
  urban: number;
  rural: number;
  urbanText: string;
  ruralText: string;
  /** The gap between the printed values, e.g. 2.7个千分点. */
  gapText: string;
  baselineYear: number | null;
  baselineGapText: string | null;
  trend: DisparityTrend | null;
  trendLabel: string;
  sentence: string;
  /** Every year from the baseline with both values. */
  series: { year: number; urban: number; rural: number; gap: number }[];
}

export interface CountyFigures {
  latestYear: number;
  counties: number;
  max: UnitValue;
  min: UnitValue;
  rangeText: string;
  /** max / min, two decimals; null when min ≤ 0. */
  ratio: number | null;
  baselineYear: number | null;
  baselineRangeText: string | null;
  trend: DisparityTrend | null;
  trendLabel: string;
  sentence: string;
  /** Every county-level unit's value in the latest year, in the tree's order. */
  values: UnitValue[];
  /** Every year from the baseline in which two or more county-level units have a value. */
  series: { year: number; min: number; max: number; range: number }[];
}

export interface DisparityFiguresRow {
  indicator: string;
  name: string;
  domain: DomainCode;
  domainName: string;
  unit: string;
  urbanRural: UrbanRuralFigures | null;
  county: CountyFigures | null;
}

export interface TrendSummary {
  counts: Record<DisparityTrend, number>;
  /** 「城乡差距总体缩小。在有城乡分组数据的3项指标中,……」; empty without rows. */
  text: string;
}

export interface DisparityFigures {
  year: number;
  data: PageDataKind;
  orgUnit: { code: string; name: string };
  baselineYear: number;
  synthetic: boolean;
  urbanRural: TrendSummary;
  county: TrendSummary;
  rows: DisparityFiguresRow[];
}
