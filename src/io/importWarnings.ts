/**
 * The warnings of an import, in words: year-on-year jumps and parents away from their children.
 * Found in the file itself (fileChecks) and, where the file meets values already stored, in the
 * database (importChecks); a warning found both ways is told once.
 */
import type { Indicator, OrgLevel } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { childCounts, childrenAggregates, findYearOnYearJumps, type ValueRef } from '../db/repositories/importChecks.js';
import { PARENT_TOLERANCE } from '../core/validate/warningLimits.js';
import { type Hierarchy, parentGaps, yearOnYearJumps } from './fileChecks.js';
import type { FileValues } from './fileValues.js';
import type { ImportIssue } from './importReport.js';

export interface Warn {
  (issue: Omit<ImportIssue, 'file'>): void;
  /** False once enough warnings are listed: further ones are only counted. */
  listing(): boolean;
}
export type OrgInfo = Map<string, { name: string; level: OrgLevel; parent: string | null }>;

export interface WarningContext {
  db: Db;
  importId: number;
  indicators: Map<string, Indicator>;
  indicatorOrder: Indicator[];
  orgs: OrgInfo;
  hierarchy: Hierarchy;
  file: FileValues;
  /** True when the file's indicator-years meet values stored before it: then the database is asked too. */
  meetsStoredValues: boolean;
  warn: Warn;
}

const DISAGGREGATION: Record<string, string> = { male: '男', female: '女', urban: '城镇', rural: '农村' };

function describe(ref: ValueRef, ctx: WarningContext): string {
  const org = `${ref.orgUnit} ${ctx.orgs.get(ref.orgUnit)?.name ?? ''}`.trim();
  const dis = [DISAGGREGATION[ref.sex], DISAGGREGATION[ref.area], ref.ageGroup !== 'total' ? `${ref.ageGroup}岁` : undefined].filter(Boolean);
  return `${org} ${ref.year}年 “${ctx.indicators.get(ref.indicator)?.name ?? ref.indicator}”${dis.length > 0 ? `(${dis.join('、')})` : ''}`;
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function pct(n: number): string {
  return `${(Math.round(n * 10) / 10).toFixed(1)}%`;
}

export async function reportWarnings(ctx: WarningContext): Promise<void> {
  const told = new Set<string>();
  // Messages are only written out while they are listed; past that a warning is just counted.
  const tell = (line: number | null, message: () => string): void => {
    if (!ctx.warn.listing()) {
      ctx.warn({ line, column: null, header: null, message: '' });
      return;
    }
    const text = message();
    if (told.has(text)) return;
    told.add(text);
    ctx.warn({ line, column: null, header: null, message: text });
  };

  const jump = (ref: ValueRef, value: number, previousYear: number, previousValue: number): string => {
    const change = (value / previousValue - 1) * 100;
    return `${describe(ref, ctx)} 数值 ${fmt(value)} 比 ${previousYear}年(${fmt(previousValue)})${change > 0 ? '上升' : '下降'} ${pct(Math.abs(change))},变化超过 50%,请核实`;
  };
  for (const j of yearOnYearJumps(ctx.file)) tell(j.line, () => jump(j.current, j.value, j.previousYear, j.previousValue));

  const gap = (ref: ValueRef, value: number, aggregate: number, children: number): string => {
    const relative = aggregate === 0 ? Infinity : Math.abs(value - aggregate) / Math.abs(aggregate);
    return `${describe(ref, ctx)} 本级填报 ${fmt(value)},${children} 个下级单位汇总为 ${fmt(aggregate)},相差 ${Number.isFinite(relative) ? pct(relative * 100) : '较大'},超过 5%,请核实`;
  };
  const rule = (index: number): { kind: 'ratio' | 'min' | 'none'; factor: number } => {
    const indicator = ctx.indicatorOrder[index];
    if (!indicator) return { kind: 'none', factor: 1 };
    const kind = indicator.aggregation === 'ratio' || indicator.aggregation === 'min' ? indicator.aggregation : 'none';
    return { kind, factor: indicator.formula.factor };
  };
  for (const g of parentGaps(ctx.file, ctx.hierarchy, rule)) tell(g.line, () => gap(g.parent, g.value, g.aggregate, g.children));

  if (!ctx.meetsStoredValues) return;
  for (const j of await findYearOnYearJumps(ctx.db, ctx.importId)) {
    const line = ctx.file.lineOf(j) ?? ctx.file.lineOf({ ...j, year: j.previousYear });
    tell(line, () => jump(j, j.value, j.previousYear, j.previousValue));
  }
  const counts = await childCounts(ctx.db);
  for (const agg of await childrenAggregates(ctx.db, ctx.importId)) {
    const indicator = ctx.indicators.get(agg.indicator);
    const complete = counts.get(agg.orgUnit) ?? 0;
    if (!indicator || agg.children < complete) continue;
    let aggregate: number | null = null;
    if (indicator.aggregation === 'ratio' && agg.withRatio === complete && agg.sumDenominator) {
      aggregate = ((agg.sumNumerator ?? 0) / agg.sumDenominator) * indicator.formula.factor;
    } else if (indicator.aggregation === 'min') {
      aggregate = agg.minValue;
    }
    if (aggregate === null) continue;
    const relative = aggregate === 0 ? (agg.value === 0 ? 0 : Infinity) : Math.abs(agg.value - aggregate) / Math.abs(aggregate);
    if (relative > PARENT_TOLERANCE) tell(ctx.file.lineOf(agg), () => gap(agg, agg.value, aggregate, complete));
  }
}
