/** The assessment as a readable Chinese table for a terminal. */
import Table from 'cli-table3';
import type { AssessmentRow } from '../app/assessment.js';
import { countsAsTarget } from '../app/assessedTargets.js';
import { summarize } from '../core/assess/index.js';
import { AREA_LABELS, describeTarget, SEX_LABELS, STATUS_LABELS, WARNING_LABELS } from '../core/phrasing/labels.js';
import type { Plan } from '../core/plan/types.js';

export function formatNumber(value: number | null, digits = 2): string {
  if (value === null) return '—';
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** A rate of change; for bounded indicators it is the change of the gap to 100 (methodology §1.5). */
function formatRate(rate: number | null, onGap: boolean): string {
  if (rate === null) return '—';
  const pct = Math.round(rate * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct}%${onGap ? '(差距)' : ''}`;
}

const WARNING_MARKS: Record<string, string> = { red: '●红', yellow: '●黄', green: '●绿', none: '—' };

export function formatAssessmentTable(plan: Plan, rows: AssessmentRow[], year: number, banner: string | null): string {
  const out: string[] = [];
  if (banner) out.push(banner, '');
  const byUnit = new Map<string, AssessmentRow[]>();
  for (const r of rows) {
    // The table shows totals and the disaggregations that carry their own target.
    if ((r.sex !== 'total' || r.area !== 'total') && !r.target) continue;
    const list = byUnit.get(r.orgUnit);
    if (list) list.push(r);
    else byUnit.set(r.orgUnit, [r]);
  }
  for (const unitRows of byUnit.values()) {
    const first = unitRows[0];
    if (!first) continue;
    out.push(`${first.orgName}(${first.orgUnit}) ${year}年 ${plan.name} 监测评估`);
    for (const domain of plan.domains) {
      const inDomain = unitRows.filter((r) => r.indicator.domain === domain.code);
      if (inDomain.length === 0) continue;
      const table = new Table({
        head: ['指标', '数值', '年份', '目标', '状态', '预警', '实际年变化', '所需年变化'],
        style: { head: [], border: [] },
        wordWrap: true,
        colWidths: [34, 10, 6, 20, 14, 8, 16, 16],
      });
      for (const r of inDomain) {
        const onGap = r.indicator.bounded && r.indicator.direction === 'up';
        const dis = [r.sex !== 'total' ? SEX_LABELS[r.sex] : '', r.area !== 'total' ? AREA_LABELS[r.area] : ''].filter(Boolean).join('');
        table.push([
          `${r.indicator.name}${dis ? `(${dis})` : ''}`,
          r.value === null
            ? '—'
            : `${formatNumber(r.value)}${r.indicator.unit === '%' || r.indicator.unit === '‰' ? r.indicator.unit : ''}`,
          r.latestYear === null ? '—' : String(r.latestYear),
          describeTarget(r.target, r.indicator.unit),
          STATUS_LABELS[r.status] + (r.volatile ? '·波动' : ''),
          WARNING_MARKS[r.warning] ?? WARNING_LABELS[r.warning],
          formatRate(r.actualRate, onGap),
          formatRate(r.requiredRate, onGap),
        ]);
      }
      const s = summarize(inDomain.filter(countsAsTarget).map((r) => ({ domain: domain.code, status: r.status }))).overall;
      out.push(`${domain.name}`);
      out.push(table.toString());
      out.push(summaryLine(s.total, s.assessed, s.achieved, s.achievementRate, s.counts.insufficient_data));
    }
    const all = summarize(unitRows.filter(countsAsTarget).map((r) => ({ domain: r.indicator.domain, status: r.status }))).overall;
    out.push(`合计: ${summaryLine(all.total, all.assessed, all.achieved, all.achievementRate, all.counts.insufficient_data)}`);
    out.push('注:按监测目标计数,分城镇、农村设定目标的指标分别计入;无量化目标的指标不计入达标率。');
    out.push(
      `状态分布: ${(['achieved', 'on_track', 'needs_acceleration', 'off_track', 'regressing', 'insufficient_data', 'not_assessed'] as const)
        .map((s) => `${STATUS_LABELS[s]} ${all.counts[s]}`)
        .join(',')}`,
    );
    out.push('');
  }
  if (banner) out.push(banner);
  return out.join('\n');
}

function summaryLine(total: number, assessed: number, achieved: number, rate: number | null, missing: number): string {
  const pct = rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
  return `${total} 项目标,可评估 ${assessed} 项,已达标 ${achieved} 项,达标率 ${pct}${missing > 0 ? `;${missing} 项数据不足` : ''}`;
}
