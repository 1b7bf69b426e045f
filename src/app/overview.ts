/**
 * The monitoring overview 总览 of a unit and year as plain data: per domain the number of targets
 * in each status and the 达标率 (methodology.md §7), a tile per target coloured by its warning,
 * and the qualitative goals' ratings (§6, counted apart). The signed-in pages and the public
 * portal present the same object; only the kind of figures differs.
 */
import { summarize, type StatusSummary } from '../core/assess/summary.js';
import { isQualitativeRating, qualitativeItems, type QualitativeRating } from '../core/plan/qualitative.js';
import type { Plan } from '../core/plan/types.js';
import { activeTargetText } from '../core/phrasing/figures.js';
import { PLAN_ITEM_KIND_LABELS, RATING_LABELS } from '../core/phrasing/qualitativeLabels.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import { publishedYears } from '../db/repositories/publications.js';
import { getRatings } from '../db/repositories/qualitative.js';
import { countsAsTarget, labelledStatus, printedValue, targetName } from './assessedTargets.js';
import type { AssessmentRow } from './assessment.js';
import { isSynthetic } from './demoLoader.js';
import { assessFigures, type DataKind, type FigureSource } from './figures.js';
import type {
  FigureRequest,
  Overview,
  OverviewFigures,
  OverviewQualitative,
  OverviewTile,
  QualitativeTile,
  SummaryFigures,
} from './overviewModel.js';

/** 达标率 as the reports print it, one decimal. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function figures(s: StatusSummary): SummaryFigures {
  return { ...s, achievementRateText: rateText(s.achievementRate) };
}

export function tileOf(r: AssessmentRow): OverviewTile {
  const { indicator } = r;
  return {
    indicator: indicator.code,
    name: targetName(r),
    domain: indicator.domain,
    sex: r.sex,
    area: r.area,
    unit: indicator.unit,
    value: r.value,
    valueText: printedValue(indicator, r.value),
    latestYear: r.latestYear,
    targetText: activeTargetText(r.target, r, indicator.unit),
    targetYear: r.targetYear,
    ...labelledStatus(r),
    volatile: r.volatile,
  };
}

/** The unit's assessed targets in domain order, then plan order (the plan may interleave domains). */
export function targetRows(plan: Plan, rows: readonly AssessmentRow[], org: string): AssessmentRow[] {
  const domainIndex = new Map(plan.domains.map((d, i) => [d.code, i]));
  return rows
    .filter((r) => r.orgUnit === org && countsAsTarget(r))
    .sort((a, b) => (domainIndex.get(a.indicator.domain) ?? 0) - (domainIndex.get(b.indicator.domain) ?? 0));
}

/** The unit's name and level; from the assessment when it has rows, else from the tree. */
export async function unitOf(s: FigureSource, org: string, rows: readonly AssessmentRow[]): Promise<OverviewFigures['orgUnit']> {
  const level = s.scope.levelOf(org) ?? '';
  const named = rows.find((r) => r.orgUnit === org);
  if (named) return { code: org, name: named.orgName, level };
  return { code: org, name: (await getOrgTree(s.db)).names.get(org) ?? org, level };
}

/** The figures of the overview: what changes with the data (cached per version token by the server). */
export async function overviewFigures(s: FigureSource, kind: DataKind, { year, org, indicators }: FigureRequest): Promise<OverviewFigures> {
  const [rows, synthetic] = await Promise.all([
    assessFigures(s, kind, { year, orgUnits: [org], indicators: indicators ? [...indicators] : null }),
    isSynthetic(s.db),
  ]);
  const targets = targetRows(s.plan, rows, org);
  const counted = summarize(targets.map((r) => ({ domain: r.indicator.domain, status: r.status })));
  const empty = summarize([]).overall;
  return {
    year,
    data: kind,
    orgUnit: await unitOf(s, org, rows),
    baselineYear: s.plan.baselineYear,
    synthetic,
    overall: figures(counted.overall),
    domains: s.plan.domains.map((d) => ({
      code: d.code,
      name: d.name,
      ...figures(counted.domains.find((x) => x.domain === d.code) ?? empty),
    })),
    tiles: targets.map(tileOf),
  };
}

/**
 * The qualitative goals and measures with the evaluation group's rating at the unit. Ratings carry
 * no version token, so they are read on every call (one small query). The public sees ratings of
 * published years only; `include` narrows the items (a department sees those it answers for).
 */
export async function overviewQualitative(
  s: FigureSource,
  kind: DataKind,
  { year, org }: FigureRequest,
  include: (itemCode: string) => boolean = () => true,
): Promise<OverviewQualitative> {
  const visible = kind !== 'public' || (await publishedYears(s.db)).has(year);
  const ratings = visible ? await getRatings(s.db, year, org) : [];
  const ratingOf = new Map<string, QualitativeRating>();
  for (const r of ratings) if (isQualitativeRating(r.rating)) ratingOf.set(r.itemCode, r.rating);
  const items: QualitativeTile[] = qualitativeItems(s.plan)
    .filter((item) => include(item.code))
    .map((item) => {
      const rating = ratingOf.get(item.code) ?? null;
      return {
        code: item.code,
        kind: item.kind,
        kindLabel: PLAN_ITEM_KIND_LABELS[item.kind],
        domain: item.domain,
        text: item.text,
        rating,
        ratingLabel: rating === null ? '待评估' : RATING_LABELS[rating],
      };
    });
  const domains = s.plan.domains.map((d) => {
    const counts = { achieved: 0, on_track: 0, needs_acceleration: 0, off_track: 0, not_assessed: 0, unrated: 0 };
    const ofDomain = items.filter((i) => i.domain === d.code);
    for (const i of ofDomain) counts[i.rating ?? 'unrated'] += 1;
    return { code: d.code, items: ofDomain.length, counts };
  });
  return { domains, items };
}

/** The whole overview of a unit and year for one audience. */
export async function overviewOf(s: FigureSource, kind: DataKind, request: FigureRequest): Promise<Overview> {
  const [figuresPart, qualitative] = await Promise.all([overviewFigures(s, kind, request), overviewQualitative(s, kind, request)]);
  return { ...figuresPart, qualitative };
}
