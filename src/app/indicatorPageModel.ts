/**
 * The indicator page 指标详情 as plain, serialisable data: what `indicatorPageOf` returns, the API
 * sends and the web components draw. Types only, so that the web app imports them as they are.
 */
import type { Status, Warning } from '../core/assess/types.js';
import type { Area, DomainCode, OrgLevel, Sex, TargetKind } from '../core/plan/types.js';

/** all: every stored value; approved: approved values; public: approved values of published years. */
export type PageDataKind = 'all' | 'approved' | 'public';

export interface PageUnit {
  code: string;
  name: string;
  level: OrgLevel;
}

export interface PageIndicator {
  code: string;
  name: string;
  unit: string;
  /** The unit as written after a number: ‰, %, /10万, 次. */
  unitSuffix: string;
  /** up: higher is better; down: lower is better. */
  direction: 'up' | 'down';
  directionLabel: string;
  bounded: boolean;
  /** Decimals the figures are printed with (as in the reports). */
  digits: number;
  domain: DomainCode;
  domainName: string;
  /** The goal or measure of the plan it monitors: H3, HM2. */
  planRef: string;
  /** That goal's or measure's text in the plan; null when the plan has none. */
  goalText: string | null;
  /** The lowest level data arrive at: county, township, village. */
  level: OrgLevel;
  numerator: string | null;
  denominator: string | null;
  note: string;
  /** The lead department's name in the year shown; null when none is assigned. */
  leadDepartment: string | null;
  cooperatingDepartments: string[];
}

export interface PageMilestone {
  year: number;
  value: number;
}

export interface PageTarget {
  kind: TargetKind;
  /** In words: ≤3‰, 保持≥2次/年, 比2020年下降20%, 2025年≥70%,2030年≥90%. */
  text: string;
  sex: Sex;
  area: Area;
  /** 合计, 城镇, 女 …: the disaggregation the target applies to. */
  label: string;
  value: number | null;
  baselineYear: number;
  targetYear: number;
  milestones: PageMilestone[];
}

export interface PagePoint {
  year: number;
  value: number;
}

/** A milestone before the active one, met or missed (methodology.md §1). */
export interface PageMilestoneResult {
  year: number;
  target: number;
  value: number;
  met: boolean;
}

/** The assessment of one sex × area series of the unit (the figures of `childplan assess`). */
export interface PageAssessment {
  sex: Sex;
  area: Area;
  label: string;
  /** The series is one of the plan's targets (counted in the summary figures). */
  isTarget: boolean;
  value: number | null;
  valueText: string;
  latestYear: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  targetKind: TargetKind | null;
  /** The threshold in force (T, the reduce_by result, the active milestone); null for trend kinds. */
  targetValue: number | null;
  targetText: string;
  targetYear: number | null;
  status: Status;
  statusLabel: string;
  warning: Warning;
  warningLabel: string;
  /** r, q and R of methodology §1.6–1.8 (fractions per year, in the work space), yP of §1.9. */
  actualRate: number | null;
  requiredRate: number | null;
  ratio: number | null;
  projectedValue: number | null;
  volatile: boolean;
  milestones: PageMilestoneResult[];
  /** Where the latest value comes from: reported, aggregated (rolled up), derived; null without one. */
  origin: ValueOrigin | null;
  /** 按当前速度,2030年预计为3.2‰,目标为3‰以下,需年均下降2.1%。 null without a value. */
  sentence: string | null;
  /** From the latest value to the target year at the actual rate r (dashed on the chart); empty when none. */
  projection: PagePoint[];
  /** From the latest value to the target at the rate the target requires; empty when none. */
  requiredPath: PagePoint[];
}

export type ValueOrigin = 'reported' | 'aggregated' | 'derived';

/** One year's value of a series, with what the table says about it. */
export interface PageValue {
  year: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  origin: ValueOrigin;
  /** 上报, 汇总, 推算. */
  originLabel: string;
  /** The source the reporting department gave; null for rolled-up and derived values. */
  source: string | null;
  /** The reporter's note; for a rolled-up value, from how many units it was rolled up. */
  note: string | null;
}

export interface PageSeries {
  sex: Sex;
  area: Area;
  label: string;
  /** Oldest first, the years before the baseline year included (shown, not assessed). */
  values: PageValue[];
}

export interface PageBreakdownCell {
  key: Sex | Area;
  label: string;
  value: number;
}

/** The latest year with values by sex or by urban/rural, beside the total of that year. */
export interface PageBreakdown {
  year: number | null;
  total: number | null;
  bySex: PageBreakdownCell[];
  byArea: PageBreakdownCell[];
}

export interface PageChild extends PageUnit {
  value: number | null;
  valueText: string;
  latestYear: number | null;
  status: Status;
  statusLabel: string;
  warning: Warning;
  warningLabel: string;
  origin: ValueOrigin | null;
  /** Its own children have values: the page can go one level down. */
  drillable: boolean;
}

export interface IndicatorPageData {
  year: number;
  data: PageDataKind;
  synthetic: boolean;
  baselineYear: number;
  indicator: PageIndicator;
  orgUnit: PageUnit;
  /** The units above it, from the top: for the way back up. */
  ancestors: PageUnit[];
  targets: PageTarget[];
  /** The series of the unit's total first, then each sex × area the unit has. */
  assessments: PageAssessment[];
  series: PageSeries[];
  breakdown: PageBreakdown;
  /** The level of the children (county for a city) and its name; null for a unit without children. */
  childLevel: OrgLevel | null;
  childLevelLabel: string | null;
  /** The series the children are compared on: the first target's (城镇 for a target of the towns only), else the total. */
  compared: { sex: Sex; area: Area; label: string };
  /** The children with a value or a target, in the hierarchy's order, with value and status of the compared series. */
  children: PageChild[];
}
