/**
 * Early warning 预警 (methodology.md §3) of a unit and year as plain data: the red and yellow
 * targets, why each is warned (in the reports' words), and which departments answer for it; and
 * each target's warning year by year since the baseline.
 */
import type { ResolvedValue } from '../core/aggregate/index.js';
import type { Status } from '../core/assess/types.js';
import { type SeriesLookup, warningFactsOf } from '../core/phrasing/figures.js';
import { STATUS_LABELS } from '../core/phrasing/labels.js';
import { warningReason } from '../core/phrasing/warningSentences.js';
import type { AssessmentRow } from './assessment.js';
import { assessFigures, type DataKind, type FigureSource, resolvedFiguresOf } from './figures.js';
import { targetName } from './assessedTargets.js';
import { targetRows, tileOf, unitOf } from './overview.js';
import type { FigureRequest } from './overviewModel.js';
import type { Responsibilities } from './responsibilities.js';
import type { NamedDepartment, WarnedTarget, WarningCause, WarningFigures, WarningHistory, WarningList } from './warningsModel.js';
import { isSynthetic } from './demoLoader.js';

/** Why a target is warned: its status, and volatility (a yellow warning whatever the status). */
export const WARNING_CAUSES = ['regressing', 'off_track', 'needs_acceleration', 'volatile'] as const satisfies readonly WarningCause[];

export const WARNING_CAUSE_LABELS: Record<WarningCause, string> = {
  regressing: STATUS_LABELS.regressing,
  off_track: STATUS_LABELS.off_track,
  needs_acceleration: STATUS_LABELS.needs_acceleration,
  volatile: '波动较大',
};

export function causesOf(status: Status, volatile: boolean): WarningCause[] {
  const causes: WarningCause[] = [];
  if (status === 'regressing' || status === 'off_track' || status === 'needs_acceleration') causes.push(status);
  if (volatile) causes.push('volatile');
  return causes;
}

/** Values of one unit and disaggregation by year (age group totals). */
function lookupOf(resolved: readonly ResolvedValue[], r: AssessmentRow): SeriesLookup {
  const byYear = new Map<number, number>();
  for (const v of resolved) {
    if (v.orgUnit === r.orgUnit && v.sex === r.sex && v.area === r.area && v.ageGroup === 'total' && v.value !== null)
      byYear.set(v.year, v.value);
  }
  return (year) => byYear.get(year) ?? null;
}

/** The warned targets of a unit and year (cached per version token by the server; departments apart). */
export async function warningFigures(s: FigureSource, kind: DataKind, { year, org, indicators }: FigureRequest): Promise<WarningFigures> {
  const [rows, synthetic] = await Promise.all([
    assessFigures(s, kind, { year, orgUnits: [org], indicators: indicators ? [...indicators] : null }),
    isSynthetic(s.db),
  ]);
  const targets = targetRows(s.plan, rows, org);
  const warned = [...targets.filter((r) => r.warning === 'red'), ...targets.filter((r) => r.warning === 'yellow')];
  const domainNames = new Map(s.plan.domains.map((d) => [d.code, d.name]));
  // The series is needed only to say how large a volatile target's latest change was.
  const volatile = [...new Set(warned.filter((r) => r.volatile).map((r) => r.indicator.code))];
  const seriesOf = await resolvedFiguresOf(s, kind, { indicators: volatile, year, orgUnits: [org] });
  const items: WarnedTarget[] = [];
  for (const r of warned) {
    const series: SeriesLookup = r.volatile ? lookupOf(seriesOf.get(r.indicator.code) ?? [], r) : () => null;
    const causes = causesOf(r.status, r.volatile);
    items.push({
      ...tileOf(r),
      domainName: domainNames.get(r.indicator.domain) ?? r.indicator.domain,
      causes,
      causeLabels: causes.map((c) => WARNING_CAUSE_LABELS[c]),
      reason: warningReason(warningFactsOf(r.indicator, r.target, r, series)),
    });
  }
  return {
    year,
    data: kind,
    orgUnit: await unitOf(s, org, rows),
    synthetic,
    red: items.filter((i) => i.warning === 'red').length,
    yellow: items.filter((i) => i.warning === 'yellow').length,
    items,
  };
}

/** The warned targets with who leads and cooperates on each in the year (the assignment in force). */
export function withDepartments(
  figures: WarningFigures,
  responsibilities: Responsibilities,
  departmentNames: ReadonlyMap<string, string>,
): WarningList {
  const named = (code: string): NamedDepartment => ({ code, name: departmentNames.get(code) ?? code });
  return {
    ...figures,
    items: figures.items.map((item) => {
      const r = responsibilities.get(item.indicator);
      return { ...item, lead: r?.lead ? named(r.lead) : null, cooperating: (r?.cooperate ?? []).map(named) };
    }),
  };
}

/** Each target's warning in every year from the plan's baseline year to `year`, each year assessed as it stood then. */
export async function warningHistory(s: FigureSource, kind: DataKind, { year, org, indicators }: FigureRequest): Promise<WarningHistory> {
  const first = Math.min(s.plan.baselineYear, year);
  const years = Array.from({ length: year - first + 1 }, (_, i) => first + i);
  const byYear = await Promise.all(
    years.map(async (y) =>
      targetRows(s.plan, await assessFigures(s, kind, { year: y, orgUnits: [org], indicators: indicators ? [...indicators] : null }), org),
    ),
  );
  const key = (r: AssessmentRow): string => `${r.indicator.code}|${r.sex}|${r.area}`;
  const lookups = byYear.map((rows) => new Map(rows.map((r) => [key(r), r])));
  const latest = byYear[byYear.length - 1] ?? [];
  return {
    year,
    data: kind,
    orgUnit: await unitOf(s, org, latest),
    years,
    totals: years.map((y, i) => {
      const rows = byYear[i] ?? [];
      return { year: y, red: rows.filter((r) => r.warning === 'red').length, yellow: rows.filter((r) => r.warning === 'yellow').length };
    }),
    rows: latest.map((r) => {
      const past = lookups.map((l) => l.get(key(r)));
      return {
        indicator: r.indicator.code,
        name: targetName(r),
        domain: r.indicator.domain,
        sex: r.sex,
        area: r.area,
        warnings: past.map((p) => p?.warning ?? 'none'),
        statuses: past.map((p) => p?.status ?? 'insufficient_data'),
      };
    }),
  };
}
