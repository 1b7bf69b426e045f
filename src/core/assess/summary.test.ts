import { describe, expect, it } from 'vitest';
import { summarize } from './summary.js';

describe('summary figures', () => {
  const summary = summarize([
    { domain: 'H', status: 'achieved' },
    { domain: 'H', status: 'on_track' },
    { domain: 'H', status: 'insufficient_data' },
    { domain: 'S', status: 'achieved' },
    { domain: 'S', status: 'not_assessed' },
    { domain: 'H', status: 'regressing' },
    { domain: 'E', status: 'insufficient_data' },
  ]);

  it('lists domains in order of first appearance', () => {
    expect(summary.domains.map((d) => d.domain)).toEqual(['H', 'S', 'E']);
  });

  it('counts every status per domain, including statuses with no indicator', () => {
    const health = summary.domains[0];
    expect(health?.counts).toEqual({
      achieved: 1,
      on_track: 1,
      needs_acceleration: 0,
      off_track: 0,
      regressing: 1,
      insufficient_data: 1,
      not_assessed: 0,
    });
    expect(health?.total).toBe(4);
  });

  it('divides achieved by the indicators assessed with a status other than insufficient_data and not_assessed', () => {
    const [health, safety] = summary.domains;
    expect(health?.assessed).toBe(3);
    expect(health?.achieved).toBe(1);
    expect(health?.achievementRate).toBeCloseTo(0.3333333333333333, 6);
    expect(safety?.assessed).toBe(1);
    expect(safety?.achievementRate).toBe(1);
  });

  it('has no achievement rate for a domain where nothing could be assessed', () => {
    const education = summary.domains[2];
    expect(education?.assessed).toBe(0);
    expect(education?.achievementRate).toBeNull();
  });

  it('adds up all domains in the overall figures', () => {
    expect(summary.overall.total).toBe(7);
    expect(summary.overall.assessed).toBe(4);
    expect(summary.overall.achieved).toBe(2);
    expect(summary.overall.achievementRate).toBeCloseTo(0.5, 6);
    expect(summary.overall.counts.insufficient_data).toBe(2);
  });

  it('summarises an empty list as zero counts and no rate', () => {
    const empty = summarize([]);
    expect(empty.domains).toEqual([]);
    expect(empty.overall.total).toBe(0);
    expect(empty.overall.achievementRate).toBeNull();
  });
});
