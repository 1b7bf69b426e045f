/**
 * The monitoring overview 总览 as plain, serialisable data: what `overviewOf` returns, the API
 * sends and the web pages draw. Types only, so that the web app imports them as they are.
 */
import type { StatusSummary } from '../core/assess/summary.js';
import type { Status, Warning } from '../core/assess/types.js';
import type { PlanItemKind, QualitativeRating } from '../core/plan/qualitative.js';
import type { Area, DomainCode, Sex } from '../core/plan/types.js';
import type { PageDataKind } from './indicatorPageModel.js';

export interface FigureRequest {
  year: number;
  org: string;
  /** The indicators the user may see (a member department's own); null or absent: every one. */
  indicators?: readonly string[] | null;
}

export interface OverviewTile {
  indicator: string;
  /** The indicator's name with the disaggregation its target names: …比例(城镇). */
  name: string;
  domain: DomainCode;
  sex: Sex;
  area: Area;
  unit: string;
  value: number | null;
  /** The value as the reports print it (3.2‰, 95.1%); — without one. */
  valueText: string;
  /** The year of the value: the latest up to the year asked for. */
  latestYear: number | null;
  /** The target in force in words (≤5‰, 保持≥2次/年, 比2020年下降20%). */
  targetText: string;
  targetYear: number | null;
  status: Status;
  statusLabel: string;
  warning: Warning;
  warningLabel: string;
  volatile: boolean;
}

export interface SummaryFigures extends StatusSummary {
  /** 达标率 as printed: 66.7%; — when nothing could be assessed. */
  achievementRateText: string;
}

export interface OverviewDomain extends SummaryFigures {
  code: DomainCode;
  name: string;
}

export interface OverviewFigures {
  year: number;
  data: PageDataKind;
  orgUnit: { code: string; name: string; level: string };
  baselineYear: number;
  synthetic: boolean;
  overall: SummaryFigures;
  /** Every domain of the plan, in plan order, also those without a target. */
  domains: OverviewDomain[];
  /** One per target, in domain order, then plan order. */
  tiles: OverviewTile[];
}

export interface QualitativeTile {
  code: string;
  kind: PlanItemKind;
  kindLabel: string;
  domain: DomainCode;
  text: string;
  /** The evaluation group's rating; null while unrated. */
  rating: QualitativeRating | null;
  ratingLabel: string;
}

export interface OverviewQualitative {
  /** Per domain, how many items have each rating (unrated apart). */
  domains: { code: DomainCode; items: number; counts: Record<QualitativeRating | 'unrated', number> }[];
  items: QualitativeTile[];
}

export interface Overview extends OverviewFigures {
  qualitative: OverviewQualitative;
}
