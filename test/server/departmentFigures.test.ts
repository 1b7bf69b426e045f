/**
 * A member department's user reads the figures of the indicators its department leads or
 * cooperates on, and no other (issue #3), on every monitoring route; other roles read them all.
 */
import { describe, expect, it } from 'vitest';
import { departmentsOf, getResponsibilities } from '../../src/app/responsibilities.js';
import { DIALECTS } from '../support/databases.js';
import { LISHU, useServer } from '../support/server.js';
import { userSessions } from '../support/sessions.js';

interface Rows {
  rows: { indicator: string }[];
}
interface Tiles {
  tiles: { indicator: string }[];
  overall: { total: number };
}
interface Warnings {
  items: { indicator: string }[];
}
interface Disparities {
  rows: { indicator: string }[];
}

describe.each(DIALECTS)('figures a member department may read (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });
  const { getJson } = userSessions(server);

  async function indicatorsOf(department: string): Promise<Set<string>> {
    const responsibilities = await getResponsibilities(server.ctx.db, 2024);
    return new Set(
      server.ctx
        .plan()
        .indicators.filter((i) => departmentsOf(responsibilities.get(i.code)).includes(department))
        .map((i) => i.code),
    );
  }

  it('gives the health bureau only its own indicators on the assessment, overview, warnings and disparities', async () => {
    const own = await indicatorsOf('health');
    expect(own.size).toBeGreaterThan(0);
    const query = `year=2024&org=${LISHU}`;
    const assessment = await getJson<Rows>('lishu_health', `/api/assessment?${query}`);
    const overview = await getJson<Tiles>('lishu_health', `/api/overview?${query}`);
    const warnings = await getJson<Warnings>('lishu_health', `/api/warnings?${query}`);
    const disparities = await getJson<Disparities>('lishu_health', `/api/disparities?${query}`);
    const seen = [
      ...assessment.rows.map((r) => r.indicator),
      ...overview.tiles.map((t) => t.indicator),
      ...warnings.items.map((w) => w.indicator),
      ...disparities.rows.map((d) => d.indicator),
    ];
    expect(assessment.rows.length).toBeGreaterThan(0);
    expect(seen.filter((code) => !own.has(code))).toEqual([]);

    // The statistics bureau of the same county reads every indicator, the education bureau none of health's.
    const monitor = await getJson<Rows>('lishu_monitor', `/api/assessment?${query}`);
    expect(monitor.rows.some((r) => !own.has(r.indicator))).toBe(true);
    const monitorOverview = await getJson<Tiles>('lishu_monitor', `/api/overview?${query}`);
    expect(monitorOverview.overall.total).toBeGreaterThan(overview.overall.total);
    const education = await getJson<Rows>('lishu_education', `/api/assessment?${query}`);
    const educationCodes = await indicatorsOf('education');
    expect(education.rows.length).toBeGreaterThan(0);
    expect(education.rows.filter((r) => !educationCodes.has(r.indicator))).toEqual([]);
  });

  it('answers each department from its own cache entry', async () => {
    const educationCodes = await indicatorsOf('education');
    const query = `year=2024&org=${LISHU}`;
    const first = await getJson<Tiles>('lishu_health', `/api/overview?${query}`);
    const second = await getJson<Tiles>('lishu_education', `/api/overview?${query}`);
    expect(second.tiles.every((t) => educationCodes.has(t.indicator))).toBe(true);
    expect(first.tiles.map((t) => t.indicator)).not.toEqual(second.tiles.map((t) => t.indicator));
  });
});
