/** The data sources a report cites: the `source` of the values of the unit and everything below it. */
import type { UnitSource } from '../db/queries/getValueSources.js';

/** Distinct sources within the subtree, the most cited first. */
export function subtreeSources(sources: readonly UnitSource[], inSubtree: (orgUnit: string) => boolean): string[] {
  const counts = new Map<string, number>();
  for (const s of sources) if (inSubtree(s.orgUnit)) counts.set(s.source, (counts.get(s.source) ?? 0) + s.values);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([source]) => source);
}

/** 资料来源:… for the cover and every chart: the three most cited sources, or the departments' reports. */
export function sourceLineOf(sources: readonly string[], unitName: string): string {
  if (sources.length === 0) return `资料来源:${unitName}各成员单位报送数据。`;
  const named = sources.slice(0, 3).join('、');
  return `资料来源:${named}${sources.length > 3 ? '等' : ''}。`;
}
