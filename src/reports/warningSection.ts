/** The early-warning list (methodology §3): red and yellow indicators, why, and which departments answer for them. */
import { warningFactsOf } from '../core/phrasing/figures.js';
import { describeTarget, STATUS_LABELS, WARNING_LABELS } from '../core/phrasing/labels.js';
import { formatValue } from '../core/phrasing/reportNumbers.js';
import { warningReason } from '../core/phrasing/warningSentences.js';
import type { Section, Table } from './model.js';
import type { ReportData } from './reportData.js';
import type { ReportItem } from './reportItems.js';

/** The red items, then the yellow ones, each in plan order. */
export function warnedItems(items: readonly ReportItem[]): ReportItem[] {
  return [...items.filter((i) => i.row.warning === 'red'), ...items.filter((i) => i.row.warning === 'yellow')];
}

export interface Departments {
  lead: string | null;
  cooperating: string[];
}

/** The lead and cooperating departments of an indicator in the report's year, by name. */
export function departmentsOfItem(data: ReportData, item: ReportItem): Departments {
  const r = data.responsibilities.get(item.indicator.code);
  const name = (code: string): string => data.departmentNames.get(code) ?? code;
  return { lead: r?.lead ? name(r.lead) : null, cooperating: (r?.cooperate ?? []).map(name) };
}

export function warningTable(data: ReportData, items: readonly ReportItem[]): Table {
  return {
    title: `${data.year}年${data.unit.name}预警指标`,
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'domain', title: '领域' },
      { key: 'value', title: '最新值', numeric: true },
      { key: 'target', title: '目标' },
      { key: 'status', title: '状态' },
      { key: 'warning', title: '预警' },
      { key: 'reason', title: '预警原因' },
      { key: 'lead', title: '牵头单位' },
      { key: 'cooperating', title: '配合单位' },
    ],
    rows: items.map((item) => {
      const { row } = item;
      const departments = departmentsOfItem(data, item);
      return {
        cells: {
          indicator: item.name,
          domain: data.plan.domains.find((d) => d.code === item.indicator.domain)?.name ?? item.indicator.domain,
          value:
            row.value === null
              ? '—'
              : `${formatValue(row.value, item.indicator.unit, item.digits)}${row.latestYear !== null && row.latestYear !== data.year ? `(${row.latestYear}年)` : ''}`,
          target: describeTarget(row.target, item.indicator.unit),
          status: STATUS_LABELS[row.status],
          warning: WARNING_LABELS[row.warning],
          reason: warningReason(warningFactsOf(item.indicator, row.target, row, item.series)),
          lead: departments.lead ?? '未指定',
          cooperating: departments.cooperating.join('、') || '—',
        },
        warning: row.warning,
      };
    }),
  };
}

export function warningSection(data: ReportData, heading: string): Section {
  const warned = warnedItems(data.items);
  const red = warned.filter((i) => i.row.warning === 'red').length;
  const yellow = warned.length - red;
  const counts =
    warned.length === 0
      ? `${data.year}年,${data.unit.name}没有指标处于红色或黄色预警。`
      : `${data.year}年,${data.unit.name}有${red}项指标处于红色预警、${yellow}项指标处于黄色预警。`;
  return {
    heading,
    paragraphs: [
      { text: counts },
      {
        text: '出现退步或按现有速度难以如期达标的指标列为红色预警;需加快进度或最新一年变化幅度明显超过以往(波动较大)的指标列为黄色预警。预警指标由牵头单位会同配合单位分析原因,提出改进措施。',
      },
    ],
    tables: warned.length === 0 ? [] : [warningTable(data, warned)],
    charts: [],
    subsections: [],
  };
}
