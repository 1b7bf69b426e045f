/** Milestone targets: the active milestone and the earlier ones (methodology.md §1). */
import type { Milestone } from '../plan/types.js';
import { valueIn } from './series.js';
import { meets } from './threshold.js';
import type { MilestoneResult, Observation } from './types.js';

/** Milestones oldest first (the plan data need not list them in order). */
export function sortMilestones(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => a.year - b.year);
}

/** The first milestone with `year ≥ Y`; after the last one, the last one; null when there are none. */
export function activeMilestone(milestones: readonly Milestone[], year: number): Milestone | null {
  const sorted = sortMilestones(milestones);
  return sorted.find((m) => m.year >= year) ?? sorted[sorted.length - 1] ?? null;
}

/**
 * Every milestone before the active one whose year had an observation, met or missed.
 * `comparison` follows the indicator's direction: `min` when higher is better, `max` otherwise.
 */
export function earlierMilestones(
  milestones: readonly Milestone[],
  active: Milestone,
  observations: readonly Observation[],
  comparison: 'max' | 'min',
): MilestoneResult[] {
  const results: MilestoneResult[] = [];
  for (const m of sortMilestones(milestones)) {
    if (m.year >= active.year) continue;
    const value = valueIn(observations, m.year);
    if (value === null) continue;
    results.push({ year: m.year, target: m.value, value, met: meets(value, comparison, m.value) });
  }
  return results;
}
