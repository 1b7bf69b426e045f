/**
 * The county comparison report: every county-level unit of a city side by side per indicator —
 * value, status and rank — with one table per domain and a bar chart per indicator.
 */
import { invalid } from '../app/appError.js';
import { summarize } from '../core/assess/index.js';
import { countySentence } from '../core/phrasing/disparitySentences.js';
import { formatPercent } from '../core/phrasing/reportNumbers.js';
import { STATUS_LABELS, WARNING_LABELS } from '../core/phrasing/labels.js';
import { chapterHeading, joinNames } from '../core/phrasing/numbering.js';
import { judgementsSentence, judgementTargetYear } from '../core/phrasing/reportSentences.js';
import type { Domain, Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { countyRanks } from './countyRanks.js';
import { latestCell } from './indicatorTable.js';
import { methodSection } from './methodSection.js';
import type { Chart, Paragraph, Report, Section, Table, TableRow } from './model.js';
import { countyChart } from './reportCharts.js';
import { loadReportData, type ReportData, type ReportOptions, type ReportUnit } from './reportData.js';
import { itemsOfDomain, type ReportItem, summaryOf } from './reportItems.js';
import { reportedDomains, reportMeta } from './reportMeta.js';

export type CountyComparisonOptions = ReportOptions;

/** One indicator (target) of the unit with the same target of each county-level unit. */
interface Compared {
  item: ReportItem;
  counties: { unit: ReportUnit; item: ReportItem | null; rank: number | null }[];
}

function compare(data: ReportData, item: ReportItem): Compared {
  const own = data.counties.map(
    (unit) => data.countyItems.get(unit.code)?.find((i) => i.indicator.code === item.indicator.code && i.name === item.name) ?? null,
  );
  const ranks = countyRanks(
    own.map((i) => i?.row.value ?? null),
    item.indicator.direction,
    item.digits,
  );
  return { item, counties: data.counties.map((unit, k) => ({ unit, item: own[k] ?? null, rank: ranks[k] ?? null })) };
}

function comparisonRows(data: ReportData, c: Compared): TableRow[] {
  const row = (unitName: string, item: ReportItem | null, rank: string): TableRow => ({
    cells: {
      indicator: c.item.name,
      unit: unitName,
      value: item ? latestCell(item, data.year) : '—',
      rank,
      status: item ? STATUS_LABELS[item.row.status] : '—',
      warning: item ? WARNING_LABELS[item.row.warning] : '—',
    },
    warning: item?.row.warning,
  });
  return [
    row(`${data.unit.name}(全市)`, c.item, '—'),
    ...c.counties.map((x) => row(x.unit.name, x.item, x.rank === null ? '—' : String(x.rank))),
  ];
}

function comparisonSentences(data: ReportData, c: Compared): string {
  const valued = c.counties.flatMap((x) => (x.item && x.item.row.value !== null ? [{ name: x.unit.name, value: x.item.row.value }] : []));
  const first = valued[0];
  let spread = '';
  if (first && valued.length >= 2) {
    let highest = first;
    let lowest = first;
    for (const v of valued) {
      if (v.value > highest.value) highest = v;
      if (v.value < lowest.value) lowest = v;
    }
    spread = countySentence({
      name: c.item.name,
      unit: c.item.indicator.unit,
      digits: c.item.digits,
      year: c.item.row.latestYear ?? data.year,
      counties: valued.length,
      highest: { orgName: highest.name, value: highest.value },
      lowest: { orgName: lowest.name, value: lowest.value },
      baselineYear: null,
      baselineRange: null,
    });
  }
  const judgements = judgementsSentence(
    c.counties.flatMap((x) =>
      x.item && x.item.row.latestYear !== null
        ? [
            {
              name: x.unit.name,
              status: x.item.row.status,
              year: x.item.row.latestYear,
              targetYear: judgementTargetYear(x.item.row.target?.kind ?? null, x.item.row.targetYear),
            },
          ]
        : [],
    ),
  );
  return `${spread}${judgements}`;
}

function domainTable(data: ReportData, domain: Domain, compared: readonly Compared[]): Table {
  return {
    title: `${data.year}年各县(市、区)${domain.name}领域监测指标比较`,
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'unit', title: '县(市、区)' },
      { key: 'value', title: '数值', numeric: true },
      { key: 'rank', title: '位次', numeric: true },
      { key: 'status', title: '状态' },
      { key: 'warning', title: '预警' },
    ],
    rows: compared.flatMap((c) => comparisonRows(data, c)),
    note: '注:位次按指标方向排列,数值越优位次越前,保留小数后数值相同的位次相同;本年无数据的按最新年份数据评估,并注明年份。',
  };
}

function domainSection(data: ReportData, domain: Domain, number: number): Section {
  const compared = itemsOfDomain(data.items, domain.code).map((item) => compare(data, item));
  const paragraphs: Paragraph[] = compared.map((c) => ({
    text: comparisonSentences(data, c) || `各县(市、区)均缺少${c.item.name}的数据。`,
  }));
  const charts: Chart[] = compared.map((c) =>
    countyChart(
      {
        item: c.item,
        counties: c.counties.map((x) => ({
          name: x.unit.name,
          value: x.item && x.item.row.latestYear === data.year ? x.item.row.value : null,
        })),
      },
      data.year,
      data.sourceLine,
    ),
  );
  return {
    heading: chapterHeading(number, domain.name),
    paragraphs,
    tables: [domainTable(data, domain, compared)],
    charts,
    subsections: [],
  };
}

function summaryTable(data: ReportData): Table {
  const row = (name: string, items: readonly ReportItem[]): TableRow => {
    const s = summaryOf(items);
    return {
      cells: {
        unit: name,
        total: String(s.total),
        assessed: String(s.assessed),
        achieved: String(s.achieved),
        rate: s.achievementRate === null ? '—' : formatPercent(s.achievementRate),
        red: String(items.filter((i) => i.row.warning === 'red').length),
        yellow: String(items.filter((i) => i.row.warning === 'yellow').length),
        insufficient: String(s.counts.insufficient_data),
      },
    };
  };
  return {
    title: `${data.year}年各县(市、区)监测指标达标情况`,
    columns: [
      { key: 'unit', title: '县(市、区)' },
      { key: 'total', title: '指标数', numeric: true },
      { key: 'assessed', title: '可监测', numeric: true },
      { key: 'achieved', title: '已达标', numeric: true },
      { key: 'rate', title: '达标率', numeric: true },
      { key: 'red', title: '红色预警', numeric: true },
      { key: 'yellow', title: '黄色预警', numeric: true },
      { key: 'insufficient', title: '数据不足', numeric: true },
    ],
    rows: [row(`${data.unit.name}(全市)`, data.items), ...data.counties.map((c) => row(c.name, data.countyItems.get(c.code) ?? []))],
    note: '注:达标率=已达标指标数÷可监测指标数。',
  };
}

function preamble(data: ReportData): Paragraph[] {
  const rates = data.counties.flatMap((c) => {
    const rate = summarize((data.countyItems.get(c.code) ?? []).map((i) => ({ domain: i.indicator.domain, status: i.row.status }))).overall
      .achievementRate;
    return rate === null ? [] : [{ name: c.name, rate }];
  });
  const paragraphs: Paragraph[] = [
    {
      text: `本报告比较${data.unit.name}所辖${data.counties.length}个县(市、区)${data.year}年各项监测指标的数值、进展状态和位次,并列出全市数值作为参照。位次按指标方向排列,数值越优位次越前。`,
    },
  ];
  if (rates.length >= 2) {
    // Shares are compared as printed: counties tied at 37.8% are named together.
    const printed = rates.map((r) => ({ ...r, text: formatPercent(r.rate) }));
    const best = Math.max(...rates.map((r) => r.rate));
    const worst = Math.min(...rates.map((r) => r.rate));
    const named = (rate: number): string => {
      const text = formatPercent(rate);
      return `${joinNames(printed.filter((r) => r.text === text).map((r) => r.name))}(${text})`;
    };
    if (formatPercent(best) !== formatPercent(worst)) {
      paragraphs.push({ text: `各县(市、区)中,监测指标达标率最高的是${named(best)},最低的是${named(worst)}。` });
    }
  }
  return paragraphs;
}

export async function buildCountyComparisonReport(db: Db, plan: Plan, options: CountyComparisonOptions): Promise<Report> {
  const data = await loadReportData(db, plan, options);
  const { unit, year } = data;
  if (data.counties.length === 0) throw invalid(`${unit.name}没有下辖的县(市、区),无法生成县(市、区)比较报告`);
  const sections = reportedDomains(data).map((d, i) => domainSection(data, d, i + 1));
  sections.push(methodSection(data));
  return {
    meta: reportMeta(data, 'county_comparison', `${year}年${unit.name}各县(市、区)儿童发展规划监测指标比较`, `${unit.name}统计局`),
    preamble: preamble(data),
    summary: summaryTable(data),
    sections,
  };
}
