/** Inputs and outputs of the progress assessment (methodology.md). */
import type { Target } from '../plan/types.js';

export const STATUSES = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'off_track',
  'regressing',
  'insufficient_data',
  'not_assessed',
] as const;
export type Status = (typeof STATUSES)[number];

export const WARNINGS = ['red', 'yellow', 'green', 'none'] as const;
export type Warning = (typeof WARNINGS)[number];

export interface Observation {
  year: number;
  value: number;
}

export interface MilestoneResult {
  year: number;
  target: number;
  value: number;
  met: boolean;
}

export interface SeriesInput {
  /** null when the indicator (or this disaggregation) has no quantified target. */
  target: Target | null;
  bounded: boolean;
  direction: 'up' | 'down';
  /** Every observation of the series, any year, any order; at most one per year. */
  observations: Observation[];
  /** The year assessed (Y). */
  year: number;
}

export interface Assessment {
  year: number;
  /** The latest observation up to Y (yn) and its year (tn). */
  value: number | null;
  latestYear: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  /** The threshold in force (T, the reduce_by result, the active milestone); null for trend kinds. */
  targetValue: number | null;
  targetYear: number | null;
  status: Status;
  warning: Warning;
  /** r, q and R of methodology §1.6–1.8 (fractions per year); null where not computed. */
  actualRate: number | null;
  requiredRate: number | null;
  ratio: number | null;
  /** yP of methodology §1.9, in the indicator's own units. */
  projectedValue: number | null;
  volatile: boolean;
  /** Earlier milestones (year < active milestone) that had an observation and were missed. */
  missedMilestones: number[];
  milestones: MilestoneResult[];
}
