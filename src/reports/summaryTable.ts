/** The summary figures as a table (methodology §7): per domain and overall, counts per status and 达标率. */
import type { StatusSummary } from '../core/assess/index.js';
import { STATUS_LABELS } from '../core/phrasing/labels.js';
import { formatPercent } from '../core/phrasing/reportNumbers.js';
import type { Plan } from '../core/plan/types.js';
import type { Table, TableColumn } from './model.js';
import { itemsOfDomain, type ReportItem, summaryOf } from './reportItems.js';

const STATUS_COLUMNS = ['achieved', 'on_track', 'needs_acceleration', 'off_track', 'regressing', 'insufficient_data'] as const;

function cells(label: string, s: StatusSummary): Record<string, string> {
  const out: Record<string, string> = { domain: label, total: String(s.total), assessed: String(s.assessed) };
  for (const status of [...STATUS_COLUMNS, 'not_assessed'] as const) out[status] = String(s.counts[status]);
  out.rate = s.achievementRate === null ? '—' : formatPercent(s.achievementRate);
  return out;
}

/** One row per domain with indicators, then 合计. */
export function summaryTable(title: string, plan: Plan, items: readonly ReportItem[]): Table {
  const overall = summaryOf(items);
  const columns: TableColumn[] = [
    { key: 'domain', title: '领域' },
    { key: 'total', title: '指标数', numeric: true },
    { key: 'assessed', title: '可监测', numeric: true },
    ...STATUS_COLUMNS.map((s) => ({ key: s, title: s === 'insufficient_data' ? '数据不足(未能监测)' : STATUS_LABELS[s], numeric: true })),
    ...(overall.counts.not_assessed > 0 ? [{ key: 'not_assessed', title: STATUS_LABELS.not_assessed, numeric: true }] : []),
    { key: 'rate', title: '达标率', numeric: true },
  ];
  const rows = plan.domains.flatMap((d) => {
    const inDomain = itemsOfDomain(items, d.code);
    return inDomain.length === 0 ? [] : [{ cells: cells(d.name, summaryOf(inDomain)) }];
  });
  rows.push({ cells: cells('合计', overall) });
  return {
    title,
    columns,
    rows,
    note: '注:达标率=已达标指标数÷可监测指标数;可监测指标不含数据不足和无量化目标的指标。分城镇、农村设定目标的指标分别计数。',
  };
}
