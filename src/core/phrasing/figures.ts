/**
 * From an indicator, its assessment (src/core/assess) and its series to the figures the sentences
 * take: the one place that decides precision, the year spoken of and the judgement's target year.
 */
import type { Assessment } from '../assess/types.js';
import type { Indicator, Target } from '../plan/types.js';
import { describeTarget } from './labels.js';
import type { OutlookFigure, ProgressFigure, RiskFigure } from './progressSentences.js';
import { unitSuffix, valueDigits } from './reportNumbers.js';
import { judgementTargetYear, type IndicatorFigure } from './reportSentences.js';
import type { WarningFacts } from './warningSentences.js';

/** The values of a series by year. */
export type SeriesLookup = (year: number) => number | null;

/** Decimals of the indicator's figures: its unit's precision, or its targets' when finer. */
export function indicatorDigits(indicator: Indicator): number {
  const values = indicator.targets.flatMap((t) => [
    ...(t.kind === 'reduce_by' || t.value === null ? [] : [t.value]),
    ...(t.milestones ?? []).map((m) => m.value),
  ]);
  return valueDigits(indicator.unit, values);
}

/** Rates of a bounded indicator whose direction is up are on its gap to 100 (methodology §1.5). */
export function ratesOnGap(indicator: Indicator): boolean {
  return indicator.bounded && indicator.direction === 'up';
}

/** The figure of the latest value, compared with the year before it; null without a value. `name` may carry a disaggregation. */
export function figureOf(
  indicator: Indicator,
  target: Target | null,
  a: Assessment,
  series: SeriesLookup,
  name = indicator.name,
): IndicatorFigure | null {
  if (a.value === null || a.latestYear === null) return null;
  return {
    name,
    unit: indicator.unit,
    digits: indicatorDigits(indicator),
    year: a.latestYear,
    value: a.value,
    previous: series(a.latestYear - 1),
    status: a.status,
    targetYear: judgementTargetYear(target?.kind ?? null, a.targetYear),
  };
}

/** The figure of the progress since the baseline; null without a value. */
export function progressFigureOf(indicator: Indicator, target: Target | null, a: Assessment, name = indicator.name): ProgressFigure | null {
  if (a.value === null || a.latestYear === null) return null;
  return {
    name,
    unit: indicator.unit,
    digits: indicatorDigits(indicator),
    year: a.latestYear,
    value: a.value,
    baselineYear: a.baselineYear,
    baseline: a.baselineValue,
    status: a.status,
    judgementYear: judgementTargetYear(target?.kind ?? null, a.targetYear),
    actualRate: a.actualRate,
    requiredRate: a.requiredRate,
    onGap: ratesOnGap(indicator),
  };
}

/**
 * The target in force in words: the active milestone alone (≥70%) rather than every milestone,
 * else describeTarget (≤5‰, 保持≥2次/年, 比2020年下降20%).
 */
export function activeTargetText(target: Target | null, a: Assessment, unit: string): string {
  if (target?.kind === 'milestones' && a.targetValue !== null) return `≥${a.targetValue}${unitSuffix(unit)}`;
  return describeTarget(target, unit);
}

export function riskFigureOf(indicator: Indicator, target: Target | null, a: Assessment, name = indicator.name): RiskFigure | null {
  const progress = progressFigureOf(indicator, target, a, name);
  if (!progress) return null;
  return {
    ...progress,
    kind: target?.kind ?? null,
    targetText: activeTargetText(target, a, indicator.unit),
    targetYear: a.targetYear,
    projectedValue: a.projectedValue,
  };
}

/** The figure of the outlook to the target year (outlookSentence); null without a value. */
export function outlookFigureOf(indicator: Indicator, target: Target | null, a: Assessment, name = indicator.name): OutlookFigure | null {
  const risk = riskFigureOf(indicator, target, a, name);
  if (!risk) return null;
  return { ...risk, targetValue: a.targetValue, direction: indicator.direction };
}

/** The facts behind a warning; `latestChange` from the two latest consecutive years of the series. */
export function warningFactsOf(indicator: Indicator, target: Target | null, a: Assessment, series: SeriesLookup): WarningFacts {
  const latest = a.latestYear === null ? null : series(a.latestYear);
  const before = a.latestYear === null ? null : series(a.latestYear - 1);
  return {
    status: a.status,
    warning: a.warning,
    volatile: a.volatile,
    kind: target?.kind ?? null,
    unit: indicator.unit,
    digits: indicatorDigits(indicator),
    year: a.latestYear ?? a.year,
    targetText: activeTargetText(target, a, indicator.unit),
    targetYear: a.targetYear,
    actualRate: a.actualRate,
    requiredRate: a.requiredRate,
    onGap: ratesOnGap(indicator),
    projectedValue: a.projectedValue,
    latestChange: latest !== null && before !== null && before !== 0 ? latest / before - 1 : null,
  };
}
