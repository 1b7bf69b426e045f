import { describe, expect, it } from 'vitest';
import type { Milestone } from '../plan/types.js';
import { boundedUp, milestoneTarget, type Observed, seriesInput } from './assess.fixtures.js';
import { assessSeries } from './assess-series.js';
import { activeMilestone } from './milestones.js';
import type { SeriesInput } from './types.js';

// Expected numbers were computed independently in python3 from the formulas of methodology.md.

const centres: Milestone[] = [
  { year: 2025, value: 70 },
  { year: 2023, value: 30 },
];

/** The series assessed in `year` against the milestones of `centres`, for a bounded indicator where higher is better. */
function input(observed: Observed, year: number, shape: Partial<SeriesInput> = {}): SeriesInput {
  return seriesInput(milestoneTarget(centres), observed, year, { ...boundedUp, ...shape });
}

describe('active milestone selection', () => {
  it('picks the first milestone whose year is at or after the assessed year', () => {
    expect(activeMilestone(centres, 2022)).toEqual({ year: 2023, value: 30 });
    expect(activeMilestone(centres, 2023)).toEqual({ year: 2023, value: 30 });
    expect(activeMilestone(centres, 2024)).toEqual({ year: 2025, value: 70 });
  });

  it('keeps the last milestone once the assessed year is past all of them', () => {
    expect(activeMilestone(centres, 2028)).toEqual({ year: 2025, value: 70 });
  });

  it('has no active milestone when the list is empty', () => {
    expect(activeMilestone([], 2024)).toBeNull();
  });
});

describe('milestone assessment', () => {
  it('assesses against the active milestone with its year as target year', () => {
    const a = assessSeries(input({ 2020: 10, 2022: 20 }, 2022));
    expect(a.targetValue).toBe(30);
    expect(a.targetYear).toBe(2023);
    expect(a.status).toBe('off_track');
    expect(a.actualRate).toBeCloseTo(-0.057190958417936644, 6);
    expect(a.requiredRate).toBeCloseTo(-0.125, 6);
    expect(a.ratio).toBeCloseTo(0.45752766734349315, 6);
    expect(a.projectedValue).toBeCloseTo(24.575276673434928, 6);
    expect(a.milestones).toEqual([]);
  });

  it('reports an earlier milestone with an observation as met', () => {
    const a = assessSeries(input({ 2020: 10, 2023: 35, 2024: 50 }, 2024));
    expect(a.targetValue).toBe(70);
    expect(a.targetYear).toBe(2025);
    expect(a.milestones).toEqual([{ year: 2023, target: 30, value: 35, met: true }]);
    expect(a.missedMilestones).toEqual([]);
    expect(a.actualRate).toBeCloseTo(-0.1289608801668316, 6);
    expect(a.ratio).toBeCloseTo(0.322402200417079, 6);
    expect(a.projectedValue).toBeCloseTo(56.44804400834158, 6);
  });

  it('reports an earlier milestone with an observation below it as missed', () => {
    const a = assessSeries(input({ 2020: 10, 2023: 25, 2024: 50 }, 2024));
    expect(a.milestones).toEqual([{ year: 2023, target: 30, value: 25, met: false }]);
    expect(a.missedMilestones).toEqual([2023]);
    expect(a.ratio).toBeCloseTo(0.2982993165864731, 6);
  });

  it('leaves out an earlier milestone whose year had no observation', () => {
    const a = assessSeries(input({ 2020: 10, 2022: 25, 2024: 50 }, 2024));
    expect(a.milestones).toEqual([]);
    expect(a.missedMilestones).toEqual([]);
  });

  it('is achieved when the active milestone is met in its own year', () => {
    const a = assessSeries(input({ 2020: 10, 2023: 35, 2025: 70 }, 2025));
    expect(a.status).toBe('achieved');
    expect(a.targetYear).toBe(2025);
  });

  it('is off track after the last milestone year when the last milestone is still unmet', () => {
    const a = assessSeries(input({ 2020: 10, 2023: 25, 2027: 65 }, 2027));
    expect(a.targetValue).toBe(70);
    expect(a.targetYear).toBe(2025);
    expect(a.status).toBe('off_track');
    expect(a.actualRate).toBeCloseTo(-0.12883957742932373, 6);
    expect(a.requiredRate).toBeNull();
    expect(a.missedMilestones).toEqual([2023]);
  });

  it('treats milestones as maxima when lower is better', () => {
    const falling: Milestone[] = [
      { year: 2025, value: 5 },
      { year: 2030, value: 3 },
    ];
    const shape = { target: milestoneTarget(falling), bounded: false, direction: 'down' } as const;
    const a = assessSeries(input({ 2020: 6, 2024: 5.5 }, 2024, shape));
    expect(a.status).toBe('off_track');
    expect(a.requiredRate).toBeCloseTo(-0.09090909090909094, 6);
    expect(a.ratio).toBeCloseTo(0.23669753103087313, 6);
    expect(a.projectedValue).toBeCloseTo(5.381651234484563, 6);
    expect(assessSeries(input({ 2020: 6, 2024: 4.8 }, 2024, shape)).status).toBe('achieved');
  });

  it('is not assessed when the milestone list is empty', () => {
    const a = assessSeries(input({ 2020: 10, 2024: 50 }, 2024, { target: milestoneTarget([]) }));
    expect(a.status).toBe('not_assessed');
  });
});
