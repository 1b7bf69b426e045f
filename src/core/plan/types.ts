/** The plan as data: domains, goals, measures, indicators and their targets. */

export const DOMAIN_CODES = ['H', 'S', 'E', 'W', 'F', 'V', 'L'] as const;
export type DomainCode = (typeof DOMAIN_CODES)[number];

export const ORG_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const SEXES = ['total', 'male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const AREAS = ['total', 'urban', 'rural'] as const;
export type Area = (typeof AREAS)[number];

export const TARGET_KINDS = [
  'max',
  'min',
  'reduce_by',
  'maintain_min',
  'trend_down',
  'trend_up',
  'no_increase',
  'milestones',
  'coverage',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A numbered item of the plan: a main goal (主要目标) or a measure (策略措施). */
export interface PlanItem {
  /** Plan reference as in indicators.md: `H3` for a goal, `HM2` for a measure. */
  code: string;
  number: number;
  text: string;
}

export interface Domain {
  code: DomainCode;
  /** Full heading as in the plan, e.g. 儿童与健康. */
  name: string;
  goals: PlanItem[];
  measures: PlanItem[];
}

export interface Milestone {
  year: number;
  value: number;
}

/** The condition of a `coverage` target: units at `level` whose `indicator` value is ≥ `threshold`. */
export interface CoverageRule {
  indicator: string;
  level: OrgLevel;
  threshold: number;
}

export interface Target {
  kind: TargetKind;
  /** T for threshold kinds; the fraction p (0.2 = 20 %) for reduce_by; the required share for coverage. */
  value: number | null;
  milestones: Milestone[] | null;
  coverage: CoverageRule | null;
  baselineYear: number;
  targetYear: number;
  /** The disaggregation the target applies to (the total unless the plan names one). */
  sex: Sex;
  area: Area;
}

/**
 * How a parent's value is derived from its children's when it reports none
 * (methodology.md §5).
 * - ratio: Σ numerators / Σ denominators × factor (yes/no units report 1/1 or 0/1)
 * - min: the minimum of the children's values (school_food_inspections)
 * - coverage: derived from another indicator by a coverage rule, never imported
 * - none: not aggregated
 */
export type AggregationRule = 'ratio' | 'min' | 'coverage' | 'none';

export interface Formula {
  numerator: string | null;
  denominator: string | null;
  /** 100 for %, 1000 for ‰, 10000 for 1/万, 100000 for 1/10万, 1 for counts. */
  factor: number;
}

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  domain: DomainCode;
  /** The goal or measure it monitors, e.g. H3 or HM2. */
  planRef: string;
  /** `down`: lower is better; `up`: higher is better. */
  direction: 'up' | 'down';
  /** A percentage capped at 100: progress is judged on the gap to 100. */
  bounded: boolean;
  /** Village/township units report yes (1) or no (0); parents get the share. */
  yesNo: boolean;
  formula: Formula;
  aggregation: AggregationRule;
  /** The lowest level at which data usually arrive. */
  level: OrgLevel;
  targets: Target[];
  note: string;
}

export interface Plan {
  code: string;
  name: string;
  region: string;
  period: { start: number; end: number };
  baselineYear: number;
  source: string;
  domains: Domain[];
  indicators: Indicator[];
}
