/**
 * The indicator page 指标详情 of one indicator at one unit for a year: the indicator and its
 * targets, the unit's series and their assessment with the projection and the required path
 * (methodology.md §1–3), the outlook in words, the values with source and notes, the breakdown by
 * sex and urban/rural, and the children (the five counties of the city) with value and status.
 * Signed-in pages and the public portal ask for it with their own kind of figures.
 */
import type { ResolvedValue } from '../core/aggregate/index.js';
import { sortMilestones } from '../core/assess/milestones.js';
import { ratePath } from '../core/assess/paths.js';
import { activeTargetText, indicatorDigits, outlookFigureOf, ratesOnGap } from '../core/phrasing/figures.js';
import { AREA_LABELS, describeTarget, SEX_LABELS } from '../core/phrasing/labels.js';
import { outlookSentence } from '../core/phrasing/progressSentences.js';
import { unitSuffix } from '../core/phrasing/reportNumbers.js';
import { AREAS, type Area, type Indicator, type OrgLevel, type Plan, SEXES, type Sex } from '../core/plan/types.js';
import { getOrgTree } from '../db/queries/getOrgTree.js';
import { getValueNotes, type ValueNote } from '../db/queries/getValueNotes.js';
import { getDepartmentNames } from '../db/repositories/qualitative.js';
import { missing } from './appError.js';
import { countsAsTarget, labelledStatus, printedValue } from './assessedTargets.js';
import type { AssessmentRow } from './assessment.js';
import { isSynthetic } from './demoLoader.js';
import { assessFigures, type DataKind, type FigureSource, resolvedFigures, unitsWithValues } from './figures.js';
import type {
  IndicatorPageData,
  PageAssessment,
  PageBreakdown,
  PageChild,
  PageIndicator,
  PageSeries,
  PageTarget,
  PageUnit,
  PageValue,
  ValueOrigin,
} from './indicatorPageModel.js';
import { getResponsibilities } from './responsibilities.js';

export interface IndicatorPageRequest {
  code: string;
  org: string;
  year: number;
}

export const LEVEL_LABELS: Record<OrgLevel, string> = {
  province: '省',
  city: '市',
  county: '县(市、区)',
  township: '乡镇(街道)',
  village: '村(社区)',
};

const ORIGIN_LABELS: Record<ValueOrigin, string> = { reported: '上报', aggregated: '汇总', derived: '推算' };

/** 合计 · 女 · 城镇 · 男(农村). */
export function slotLabel(sex: Sex, area: Area): string {
  if (sex === 'total') return AREA_LABELS[area];
  return area === 'total' ? SEX_LABELS[sex] : `${SEX_LABELS[sex]}(${AREA_LABELS[area]})`;
}

const slotOf = (sex: Sex, area: Area): number => SEXES.indexOf(sex) * 3 + AREAS.indexOf(area);

/** Values before the baseline year are shown on the page, never used to assess (methodology.md, Inputs). */
const SHOWN_FROM = 2010;

export async function indicatorPageOf(source: FigureSource, kind: DataKind, request: IndicatorPageRequest): Promise<IndicatorPageData> {
  const { code, org, year } = request;
  const indicator = source.plan.indicators.find((i) => i.code === code);
  if (!indicator) throw missing(`未知的指标代码“${code}”`);
  const { tree, names } = source.org ?? (await getOrgTree(source.db));
  const node = tree.get(org);
  if (!node) throw missing(`单位代码“${org}”不存在`);
  const unitOf = (c: string): PageUnit => ({ code: c, name: names.get(c) ?? c, level: tree.get(c)?.level ?? 'county' });
  const children = tree.children(org);
  // The grandchildren's values only tell whether a child can be opened one level down.
  const grandchildren = children.flatMap((c) => tree.children(c));

  const [rows, resolved, responsibilities, departmentNames, synthetic, notes, below] = await Promise.all([
    assessFigures(source, kind, { year, orgUnits: [org, ...children], indicators: [code] }),
    resolvedFigures(source, kind, { indicator: code, year, orgUnits: [org], shownFrom: SHOWN_FROM }),
    getResponsibilities(source.db, year),
    getDepartmentNames(source.db),
    isSynthetic(source.db),
    getValueNotes(source.db, code, org, year),
    unitsWithValues(source, kind, { indicator: code, year, orgUnits: grandchildren }),
  ]);

  const responsibility = responsibilities.get(code);
  const withData = new Set([...below].map((u) => tree.parent(u)));
  const series = seriesOf(
    resolved.filter((v) => v.orgUnit === org),
    notes,
  );
  const ancestors: PageUnit[] = [];
  for (let p = tree.parent(org); p !== null; p = tree.parent(p)) ancestors.unshift(unitOf(p));
  // Children are compared on the first target's series (城镇 for a target of the towns only), else the total.
  const compared = indicator.targets[0] ?? { sex: 'total' as const, area: 'total' as const };
  const childLevel = children.length > 0 ? (tree.get(children[0] ?? '')?.level ?? null) : null;

  return {
    year,
    data: kind,
    synthetic,
    baselineYear: source.plan.baselineYear,
    indicator: {
      ...indicatorFacts(source.plan, indicator),
      leadDepartment: responsibility?.lead ? (departmentNames.get(responsibility.lead) ?? responsibility.lead) : null,
      cooperatingDepartments: (responsibility?.cooperate ?? []).map((d) => departmentNames.get(d) ?? d),
    },
    orgUnit: unitOf(org),
    ancestors,
    targets: indicator.targets.map((t): PageTarget => ({
      kind: t.kind,
      text: describeTarget(t, indicator.unit),
      sex: t.sex,
      area: t.area,
      label: slotLabel(t.sex, t.area),
      value: t.value,
      baselineYear: t.baselineYear,
      targetYear: t.targetYear,
      milestones: sortMilestones(t.milestones ?? []),
    })),
    assessments: rows.filter((r) => r.orgUnit === org).map((r) => assessmentOf(indicator, r)),
    series,
    breakdown: breakdownOf(series),
    childLevel,
    childLevelLabel: childLevel ? LEVEL_LABELS[childLevel] : null,
    compared: { sex: compared.sex, area: compared.area, label: slotLabel(compared.sex, compared.area) },
    children: rows
      .filter((r) => r.orgUnit !== org && r.sex === compared.sex && r.area === compared.area)
      .map((r): PageChild => ({ ...unitOf(r.orgUnit), ...statusOf(indicator, r), drillable: withData.has(r.orgUnit) })),
  };
}

function indicatorFacts(plan: Plan, indicator: Indicator): Omit<PageIndicator, 'leadDepartment' | 'cooperatingDepartments'> {
  const domain = plan.domains.find((d) => d.code === indicator.domain);
  const item = [...(domain?.goals ?? []), ...(domain?.measures ?? [])].find((g) => g.code === indicator.planRef);
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    unitSuffix: unitSuffix(indicator.unit),
    direction: indicator.direction,
    directionLabel: indicator.direction === 'up' ? '正向指标(越高越好)' : '逆向指标(越低越好)',
    bounded: indicator.bounded,
    digits: indicatorDigits(indicator),
    domain: indicator.domain,
    domainName: domain?.name ?? indicator.domain,
    planRef: indicator.planRef,
    goalText: item?.text ?? null,
    level: indicator.level,
    numerator: indicator.formula.numerator,
    denominator: indicator.formula.denominator,
    note: indicator.note,
  };
}

function statusOf(indicator: Indicator, r: AssessmentRow) {
  return {
    value: r.value,
    valueText: printedValue(indicator, r.value),
    latestYear: r.latestYear,
    ...labelledStatus(r),
    origin: r.origin,
  };
}

function assessmentOf(indicator: Indicator, r: AssessmentRow): PageAssessment {
  const figure = outlookFigureOf(indicator, r.target, r);
  const shape = { gap: ratesOnGap(indicator), bounded: indicator.bounded };
  const latest = r.value !== null && r.latestYear !== null ? { year: r.latestYear, value: r.value } : null;
  const path = (rate: number | null) =>
    latest && rate !== null && r.targetYear !== null ? ratePath(latest, rate, r.targetYear, shape) : [];
  return {
    ...statusOf(indicator, r),
    sex: r.sex,
    area: r.area,
    label: slotLabel(r.sex, r.area),
    isTarget: countsAsTarget(r),
    baselineYear: r.baselineYear,
    baselineValue: r.baselineValue,
    targetKind: r.target?.kind ?? null,
    targetValue: r.targetValue,
    targetText: activeTargetText(r.target, r, indicator.unit),
    targetYear: r.targetYear,
    actualRate: r.actualRate,
    requiredRate: r.requiredRate,
    ratio: r.ratio,
    projectedValue: r.projectedValue,
    volatile: r.volatile,
    milestones: r.milestones,
    sentence: figure ? outlookSentence(figure) : null,
    // Drawn only where the assessment projected: a trend or threshold not yet met.
    projection: r.projectedValue === null ? [] : path(r.actualRate),
    requiredPath: path(r.requiredRate),
  };
}

function noteOf(v: ResolvedValue, reported: ValueNote | undefined): Pick<PageValue, 'source' | 'note'> {
  if (v.origin === 'reported') return { source: reported?.source || null, note: reported?.note || null };
  if (v.origin === 'aggregated') return { source: null, note: `由${v.contributors}个下级单位的数值汇总` };
  return { source: null, note: `按${v.contributors}个下级单位的数值推算` };
}

/** The unit's series of age-group totals, total first; every value with its origin, source and note. */
function seriesOf(resolved: readonly ResolvedValue[], notes: readonly ValueNote[]): PageSeries[] {
  const noteByKey = new Map(notes.filter((n) => n.ageGroup === 'total').map((n) => [`${n.year}|${n.sex}|${n.area}`, n]));
  const bySlot = new Map<number, PageSeries>();
  for (const v of resolved) {
    if (v.ageGroup !== 'total' || v.value === null) continue;
    const slot = slotOf(v.sex, v.area);
    let s = bySlot.get(slot);
    if (!s) bySlot.set(slot, (s = { sex: v.sex, area: v.area, label: slotLabel(v.sex, v.area), values: [] }));
    s.values.push({
      year: v.year,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      origin: v.origin,
      originLabel: ORIGIN_LABELS[v.origin],
      ...noteOf(v, noteByKey.get(`${v.year}|${v.sex}|${v.area}`)),
    });
  }
  return [...bySlot.entries()].sort(([a], [b]) => a - b).map(([, s]) => ({ ...s, values: s.values.sort((a, b) => a.year - b.year) }));
}

/** The latest year with a value by sex or by area, and those values beside the total. */
function breakdownOf(series: readonly PageSeries[]): PageBreakdown {
  const split = series.filter((s) => s.sex !== 'total' || s.area !== 'total');
  const years = split.flatMap((s) => s.values.map((v) => v.year));
  if (years.length === 0) return { year: null, total: null, bySex: [], byArea: [] };
  const year = Math.max(...years);
  const valueIn = (s: PageSeries | undefined) => s?.values.find((v) => v.year === year)?.value ?? null;
  const total = valueIn(series.find((s) => s.sex === 'total' && s.area === 'total'));
  const cells = (pick: (s: PageSeries) => boolean, key: (s: PageSeries) => Sex | Area) =>
    split.filter(pick).flatMap((s) => {
      const value = valueIn(s);
      return value === null ? [] : [{ key: key(s), label: s.label, value }];
    });
  return {
    year,
    total,
    bySex: cells(
      (s) => s.area === 'total',
      (s) => s.sex,
    ),
    byArea: cells(
      (s) => s.sex === 'total',
      (s) => s.area,
    ),
  };
}
