/** The table of every indicator of a domain: target, baseline, last year, this year, change, status, warning. */
import { describeTarget, STATUS_LABELS, WARNING_LABELS } from '../core/phrasing/labels.js';
import { formatNumber, formatSignedChange } from '../core/phrasing/reportNumbers.js';
import { printedDifference } from '../core/phrasing/reportSentences.js';
import type { Table } from './model.js';
import type { ReportItem } from './reportItems.js';

/** A figure for a table cell, at the precision of the text; — when missing. */
export function figureCell(value: number | null, digits: number): string {
  return value === null ? '—' : formatNumber(value, digits);
}

/** This year's value; an older latest value carries its year, as the status was judged on it. */
export function latestCell(item: ReportItem, year: number): string {
  const { value, latestYear } = item.row;
  if (value === null || latestYear === null) return '—';
  const figure = formatNumber(value, item.digits);
  return latestYear === year ? figure : `${figure}(${latestYear}年)`;
}

export function indicatorTable(title: string, items: readonly ReportItem[], year: number, baselineYear: number): Table {
  return {
    title,
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'unit', title: '单位' },
      { key: 'target', title: '目标' },
      { key: 'baseline', title: `${baselineYear}年(基线)`, numeric: true },
      { key: 'previous', title: `${year - 1}年`, numeric: true },
      { key: 'current', title: `${year}年`, numeric: true },
      { key: 'change', title: '比上年变化', numeric: true },
      { key: 'status', title: '状态' },
      { key: 'warning', title: '预警' },
    ],
    rows: items.map((item) => {
      const current = item.series(year);
      const previous = item.series(year - 1);
      return {
        cells: {
          indicator: item.name,
          unit: item.indicator.unit,
          target: describeTarget(item.row.target, item.indicator.unit),
          baseline: figureCell(item.series(baselineYear), item.digits),
          previous: figureCell(previous, item.digits),
          current: latestCell(item, year),
          change:
            current === null || previous === null
              ? '—'
              : formatSignedChange(printedDifference(current, previous, item.digits), item.digits),
          status: STATUS_LABELS[item.row.status],
          warning: WARNING_LABELS[item.row.warning],
        },
        warning: item.row.warning,
      };
    }),
    note: '注:“状态”按规划目标评估,方法见附录;本年无数据的指标按最新年份数据评估,并注明年份。',
  };
}
