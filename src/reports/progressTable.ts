/** The evaluation's table of a domain: every target from the baseline to the latest year, the rates and the projection. */
import { ratesOnGap } from '../core/phrasing/figures.js';
import { describeTarget, STATUS_LABELS } from '../core/phrasing/labels.js';
import { formatNumber, formatSignedChange, roundTo } from '../core/phrasing/reportNumbers.js';
import { printedDifference } from '../core/phrasing/reportSentences.js';
import { figureCell, latestCell } from './indicatorTable.js';
import type { Table } from './model.js';
import type { ReportItem } from './reportItems.js';

/** A yearly rate as a signed percentage; (差距) when it is the rate of the gap to 100 (methodology §1.5). */
export function rateCell(rate: number | null, onGap: boolean): string {
  if (rate === null) return '—';
  const pct = roundTo(rate * 100, 1);
  return `${pct > 0 ? '+' : ''}${formatNumber(pct, 1)}%${onGap ? '(差距)' : ''}`;
}

export function progressTable(title: string, items: readonly ReportItem[], year: number, baselineYear: number): Table {
  return {
    title,
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'unit', title: '单位' },
      { key: 'target', title: '目标' },
      { key: 'baseline', title: '基期值', numeric: true },
      { key: 'latest', title: '最新值', numeric: true },
      { key: 'change', title: '比基期变化', numeric: true },
      { key: 'actualRate', title: '实际年均变化', numeric: true },
      { key: 'requiredRate', title: '所需年均变化', numeric: true },
      { key: 'projected', title: '按现有速度预计', numeric: true },
      { key: 'status', title: '状态' },
    ],
    rows: items.map((item) => {
      const { row, digits } = item;
      const onGap = ratesOnGap(item.indicator);
      const baseline =
        row.baselineValue === null || row.baselineYear === null
          ? '—'
          : `${figureCell(row.baselineValue, digits)}${row.baselineYear === baselineYear ? '' : `(${row.baselineYear}年)`}`;
      return {
        cells: {
          indicator: item.name,
          unit: item.indicator.unit,
          target: describeTarget(row.target, item.indicator.unit),
          baseline,
          latest: latestCell(item, year),
          change:
            row.value === null || row.baselineValue === null || row.baselineYear === row.latestYear
              ? '—'
              : formatSignedChange(printedDifference(row.value, row.baselineValue, digits), digits),
          actualRate: rateCell(row.actualRate, onGap),
          requiredRate: row.status === 'achieved' ? '—' : rateCell(row.requiredRate, onGap),
          projected:
            row.projectedValue === null || row.targetYear === null || row.status === 'achieved'
              ? '—'
              : `${formatNumber(row.projectedValue, digits)}(${row.targetYear}年)`,
          status: STATUS_LABELS[row.status],
        },
        warning: row.warning,
      };
    }),
    note: `注:基期为${baselineYear}年(缺少当年数据的注明所用年份);实际年均变化按基期以来各年数据的对数线性回归计算,所需年均变化为从最新年份到目标年份实现目标所需的速度;标“(差距)”的为与100%差距的变化率。`,
  };
}
