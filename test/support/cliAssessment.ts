/**
 * The command line's assessment (`childplan assess --format json`) and the summary figures a page
 * should show for it, computed here from the records and the plan (methodology.md §7), not by the
 * code under test.
 */
import { loadBuiltinPlan } from '../../src/plans/siping/loadPlan.js';
import { runCli } from './cli.js';

export interface CliRecord {
  indicator: string;
  indicator_name: string;
  domain: string;
  unit: string;
  org_unit: string;
  sex: string;
  area: string;
  value: number | null;
  latest_year: number | null;
  target_kind: string | null;
  status: string;
  warning: string;
  volatile: boolean;
}

export async function cliAssessment(db: string, year: number, org: string): Promise<CliRecord[]> {
  const cli = await runCli(db, 'assess', '--year', String(year), '--org', org, '--format', 'json');
  if (cli.code !== 0) throw new Error(`assess failed: ${cli.stderr}`);
  return JSON.parse(cli.stdout) as CliRecord[];
}

const plan = loadBuiltinPlan();
const targeted = new Set(plan.indicators.filter((i) => i.targets.length > 0).map((i) => i.code));

/** The records counted: one per target, and the total of an indicator without targets. */
export function countedRecords(records: readonly CliRecord[]): CliRecord[] {
  return records.filter((r) => r.target_kind !== null || (r.sex === 'total' && r.area === 'total' && !targeted.has(r.indicator)));
}

export interface ExpectedSummary {
  counts: Record<string, number>;
  total: number;
  /** 达标率 printed with one decimal, — when nothing could be assessed. */
  rateText: string;
}

export function expectedSummary(records: readonly CliRecord[]): ExpectedSummary {
  const counts: Record<string, number> = {
    achieved: 0,
    on_track: 0,
    needs_acceleration: 0,
    off_track: 0,
    regressing: 0,
    insufficient_data: 0,
    not_assessed: 0,
  };
  for (const r of records) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const assessed = records.length - (counts.insufficient_data ?? 0) - (counts.not_assessed ?? 0);
  const rateText = assessed === 0 ? '—' : `${(Math.round(((counts.achieved ?? 0) / assessed) * 1000) / 10).toFixed(1)}%`;
  return { counts, total: records.length, rateText };
}

/** Per domain code of the plan, in plan order. */
export function expectedByDomain(records: readonly CliRecord[]): { code: string; name: string; summary: ExpectedSummary }[] {
  const counted = countedRecords(records);
  return plan.domains.map((d) => ({ code: d.code, name: d.name, summary: expectedSummary(counted.filter((r) => r.domain === d.code)) }));
}

/** The records in the order the pages list them: domain by domain in plan order, then as the command line gives them. */
export function inDomainOrder<T extends { domain: string }>(records: readonly T[]): T[] {
  const index = new Map(plan.domains.map((d, i) => [d.code as string, i]));
  return [...records].sort((a, b) => (index.get(a.domain) ?? 0) - (index.get(b.domain) ?? 0));
}

export const key = (r: { indicator: string; sex: string; area: string }): string => `${r.indicator}|${r.sex}|${r.area}`;
