/**
 * The warnings of an import, in words: year-on-year jumps and parents away from their children.
 * Found in the file itself (by the worker, fileChecks) and, where the file meets values already
 * stored, in the database (importChecks); a warning found both ways is told once.
 */
import type { Indicator, OrgLevel } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { findParentGaps, findYearOnYearJumps, type ValueRef } from '../db/repositories/importChecks.js';
import type { FileParentGap, FileYearJump, Found } from './fileChecks.js';
import type { ImportIssue } from './importReport.js';
import type { KeyParts } from './rowKeys.js';

export interface Warn {
  (issue: Omit<ImportIssue, 'file'>): void;
  /** False once enough warnings are listed: further ones are only counted. */
  listing(): boolean;
  /** Counts warnings that are not listed. */
  more(count: number): void;
}

export type OrgInfo = Map<string, { name: string; level: OrgLevel; parent: string | null }>;

export interface WarningContext {
  db: Db;
  importId: number;
  indicators: Map<string, Indicator>;
  orgs: OrgInfo;
  /** What the worker found inside the file. */
  inFile: { jumps: Found<FileYearJump>; gaps: Found<FileParentGap> };
  /** True when the file's indicator-years meet values stored before it: then the database is asked too. */
  meetsStoredValues: boolean;
  /** The file lines of values (null for values not in the file). */
  linesOf: (parts: KeyParts[]) => Promise<(number | null)[]>;
  warn: Warn;
}

const DISAGGREGATION: Record<string, string> = { male: '男', female: '女', urban: '城镇', rural: '农村' };

function describe(ref: ValueRef, ctx: WarningContext): string {
  const org = `${ref.orgUnit} ${ctx.orgs.get(ref.orgUnit)?.name ?? ''}`.trim();
  const dis = [DISAGGREGATION[ref.sex], DISAGGREGATION[ref.area], ref.ageGroup !== 'total' ? `${ref.ageGroup}岁` : undefined].filter(
    Boolean,
  );
  return `${org} ${ref.year}年 “${ctx.indicators.get(ref.indicator)?.name ?? ref.indicator}”${dis.length > 0 ? `(${dis.join('、')})` : ''}`;
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function pct(n: number): string {
  return `${(Math.round(n * 10) / 10).toFixed(1)}%`;
}

function jumpText(ctx: WarningContext, ref: ValueRef, value: number, previousYear: number, previousValue: number): string {
  const change = (value / previousValue - 1) * 100;
  return `${describe(ref, ctx)} 数值 ${fmt(value)} 比 ${previousYear}年(${fmt(previousValue)})${change > 0 ? '上升' : '下降'} ${pct(Math.abs(change))},变化超过 50%,请核实`;
}

function gapText(ctx: WarningContext, ref: ValueRef, value: number, aggregate: number, children: number): string {
  const relative = aggregate === 0 ? Infinity : Math.abs(value - aggregate) / Math.abs(aggregate);
  return `${describe(ref, ctx)} 本级填报 ${fmt(value)},${children} 个下级单位汇总为 ${fmt(aggregate)},相差 ${Number.isFinite(relative) ? pct(relative * 100) : '较大'},超过 5%,请核实`;
}

export async function reportWarnings(ctx: WarningContext): Promise<void> {
  const told = new Set<string>();
  const tell = (line: number | null, text: string): void => {
    if (told.has(text)) return;
    told.add(text);
    ctx.warn({ line, column: null, header: null, message: text });
  };

  const { jumps, gaps } = ctx.inFile;
  for (const j of jumps.listed) tell(j.line, jumpText(ctx, j.current, j.value, j.previousYear, j.previousValue));
  for (const g of gaps.listed) tell(g.line, gapText(ctx, g.parent, g.value, g.aggregate, g.children));
  ctx.warn.more(jumps.total - jumps.listed.length + gaps.total - gaps.listed.length);
  if (!ctx.meetsStoredValues) return;

  const found = await findYearOnYearJumps(ctx.db, ctx.importId);
  const currentLines = await ctx.linesOf(found.listed);
  const previousLines = await ctx.linesOf(found.listed.map((j) => ({ ...j, year: j.previousYear })));
  found.listed.forEach((j, i) =>
    tell(currentLines[i] ?? previousLines[i] ?? null, jumpText(ctx, j, j.value, j.previousYear, j.previousValue)),
  );
  ctx.warn.more(found.total - found.listed.length);

  const gapsInDb = await findParentGaps(ctx.db, ctx.importId);
  const lines = await ctx.linesOf(gapsInDb);
  const children = childrenOf(ctx.orgs);
  const childLines = await ctx.linesOf(gapsInDb.flatMap((g) => (children.get(g.orgUnit) ?? []).map((orgUnit) => ({ ...g, orgUnit }))));
  let offset = 0;
  gapsInDb.forEach((g, i) => {
    const count = children.get(g.orgUnit)?.length ?? 0;
    const wholeFamilyInFile = (lines[i] ?? null) !== null && childLines.slice(offset, offset + count).every((l) => (l ?? null) !== null);
    offset += count;
    if (wholeFamilyInFile) return; // the check of the file has told (or counted) it already
    if (!ctx.warn.listing()) return ctx.warn.more(1);
    tell(lines[i] ?? null, gapText(ctx, g, g.value, g.aggregate, g.children));
  });
}

function childrenOf(orgs: OrgInfo): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [code, org] of orgs) {
    if (org.parent === null) continue;
    const list = children.get(org.parent);
    if (list) list.push(code);
    else children.set(org.parent, [code]);
  }
  return children;
}
