/**
 * The mid-term (2025) and final (2030) evaluation reports as plain data: progress since the 2020
 * baseline for every target, the share achieved per domain, the targets expected to be missed,
 * the qualitative goals' evaluation, and recommendations drafted from the warnings, for editing.
 */
import { progressFigureOf } from '../core/phrasing/figures.js';
import { chapterHeading, chineseNumber, findingNumber, joinNames } from '../core/phrasing/numbering.js';
import { progressSentence } from '../core/phrasing/progressSentences.js';
import { overallJudgement } from '../core/phrasing/reportJudgements.js';
import { formatNumber, formatValue, roundTo } from '../core/phrasing/reportNumbers.js';
import { breakdownSentence, summarySentence } from '../core/phrasing/reportSentences.js';
import { describeTarget, STATUS_LABELS } from '../core/phrasing/labels.js';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { methodSection } from './methodSection.js';
import type { Chart, Paragraph, Report, Section, Table } from './model.js';
import { recommendations, riskSentences } from './problemsSection.js';
import { progressTable } from './progressTable.js';
import { qualitativeSection } from './qualitativeSection.js';
import { loadReportData, type ReportData, type ReportOptions } from './reportData.js';
import { itemsOfDomain, type ReportItem, summaryCounts, summaryOf } from './reportItems.js';
import { reportedDomains, reportMeta, reportTitle } from './reportMeta.js';
import { summaryTable } from './summaryTable.js';
import { departmentsOfItem } from './warningSection.js';

export interface EvaluationReportOptions extends ReportOptions {
  kind: 'midterm' | 'final';
}

const AT_RISK = new Set(['needs_acceleration', 'off_track', 'regressing']);

function latestDataYear(items: readonly ReportItem[], year: number): number {
  const years = items.flatMap((i) => (i.row.latestYear === null ? [] : [i.row.latestYear]));
  return years.length === 0 ? year : Math.max(...years);
}

function preamble(data: ReportData, kind: 'midterm' | 'final', author: string): Paragraph[] {
  const { plan, unit, items } = data;
  const overall = summaryOf(items);
  const domains = reportedDomains(data);
  const atRisk = items.filter((i) => AT_RISK.has(i.row.status)).length;
  const what = kind === 'midterm' ? '中期评估' : '终期评估';
  const risk =
    kind === 'midterm'
      ? atRisk === 0
        ? '按现有速度推算,各项可监测指标均有望如期实现规划目标。'
        : `按${plan.baselineYear}年以来的变化速度推算,有${atRisk}项指标预计难以如期实现规划目标,需加快推进。`
      : atRisk === 0
        ? '各项可监测指标均已实现或接近实现规划目标。'
        : `有${atRisk}项指标未能如期实现规划目标。`;
  return [
    {
      text: `根据《${plan.name}》关于开展${what}的要求,${author}以${plan.baselineYear}年为基期,依据规划统计监测指标体系和各成员单位报送的${plan.baselineYear}—${latestDataYear(items, data.year)}年数据,对规划实施以来${unit.name}${joinNames(domains.map((d) => d.name))}${domains.length > 0 ? chineseNumber(domains.length) : '零'}个领域各项目标的进展情况进行了评估。`,
    },
    {
      text: `评估结果显示,规划实施以来${unit.name}儿童发展${overallJudgement(overall.counts)}。${summarySentence(summaryCounts(overall))}${breakdownSentence(overall.counts)}${risk}`,
    },
  ];
}

/** 达标率 per domain as a bar chart: which domains are ahead. */
function shareChart(data: ReportData): Chart {
  const domains = reportedDomains(data);
  return {
    title: `${data.unit.name}各领域监测指标达标率`,
    unit: '%',
    kind: 'bar',
    categories: domains.map((d) => d.name),
    series: [
      {
        name: '达标率',
        values: domains.map((d) => {
          const rate = summaryOf(itemsOfDomain(data.items, d.code)).achievementRate;
          return rate === null ? null : roundTo(rate * 100, 1);
        }),
      },
    ],
    source: data.sourceLine,
  };
}

function overviewSection(data: ReportData, heading: string): Section {
  return {
    heading,
    paragraphs: reportedDomains(data).map((d) => {
      const s = summaryOf(itemsOfDomain(data.items, d.code));
      return { text: `${summarySentence(summaryCounts(s), d.name)}${breakdownSentence(s.counts)}` };
    }),
    tables: [],
    charts: [shareChart(data)],
    subsections: [],
  };
}

function domainProgress(data: ReportData, number: number, domain: Plan['domains'][number]): Section {
  const items = itemsOfDomain(data.items, domain.code);
  const s = summaryOf(items);
  const sentences = items.map((i) => {
    const f = progressFigureOf(i.indicator, i.row.target, i.row, i.name);
    return f ? progressSentence(f) : `${i.name}缺少监测数据,暂无法评估。`;
  });
  return {
    heading: `${findingNumber(number)}${domain.name}`,
    paragraphs: [{ text: `${summarySentence(summaryCounts(s), domain.name)}${breakdownSentence(s.counts)}` }, { text: sentences.join('') }],
    tables: [progressTable(`${domain.name}领域规划目标进展情况`, items, data.year, data.plan.baselineYear)],
    charts: [],
    subsections: [],
  };
}

function riskTable(data: ReportData, items: readonly ReportItem[]): Table {
  return {
    title: '预计难以如期实现的目标',
    columns: [
      { key: 'indicator', title: '指标' },
      { key: 'latest', title: '最新值', numeric: true },
      { key: 'target', title: '目标' },
      { key: 'projected', title: '按现有速度预计', numeric: true },
      { key: 'status', title: '状态' },
      { key: 'lead', title: '牵头单位' },
    ],
    rows: items.map((item) => {
      const { row, digits } = item;
      return {
        cells: {
          indicator: item.name,
          latest: row.value === null ? '—' : `${formatValue(row.value, item.indicator.unit, digits)}(${row.latestYear ?? ''}年)`,
          target: describeTarget(row.target, item.indicator.unit),
          projected:
            row.projectedValue === null || row.targetYear === null
              ? '—'
              : `${formatNumber(row.projectedValue, digits)}(${row.targetYear}年)`,
          status: STATUS_LABELS[row.status],
          lead: departmentsOfItem(data, item).lead ?? '未指定',
        },
        warning: row.warning,
      };
    }),
  };
}

function riskSection(data: ReportData, heading: string): Section {
  const items = data.items.filter((i) => AT_RISK.has(i.row.status));
  return {
    heading,
    paragraphs: [
      {
        text:
          items.length === 0
            ? '各项可监测指标均已实现目标或进展顺利。'
            : `${items.length}项指标进展慢于实现规划目标所需的速度或出现退步。${riskSentences(items)}`,
      },
    ],
    tables: items.length === 0 ? [] : [riskTable(data, items)],
    charts: [],
    subsections: [],
  };
}

function recommendationSection(data: ReportData, heading: string): Section {
  const drafted = recommendations(data, data.items);
  return {
    heading,
    paragraphs:
      drafted.length === 0
        ? [{ text: '各项可监测指标进展良好,建议各成员单位保持工作力度,巩固已取得的成果。' }]
        : [
            { text: '根据评估结果,针对预警指标提出以下建议(初稿,请结合实际修改):' },
            ...drafted.map((text, i) => ({ text: `${i + 1}.${text}` })),
          ],
    tables: [],
    charts: [],
    subsections: [],
  };
}

export async function buildEvaluationReport(db: Db, plan: Plan, options: EvaluationReportOptions): Promise<Report> {
  const data = await loadReportData(db, plan, options);
  const { unit, year } = data;
  const author = `${unit.name}妇女儿童工作委员会办公室`;
  const what = options.kind === 'midterm' ? '中期评估报告' : '终期评估报告';
  const sections: Section[] = [];
  const next = (title: string): string => chapterHeading(sections.length + 1, title);
  sections.push(overviewSection(data, next('总体进展')));
  sections.push({
    heading: next('各领域目标进展'),
    paragraphs: [],
    tables: [],
    charts: [],
    subsections: reportedDomains(data).map((d, i) => domainProgress(data, i + 1, d)),
  });
  sections.push(riskSection(data, next(options.kind === 'midterm' ? '预计难以如期实现的目标' : '未如期实现的目标')));
  sections.push(await qualitativeSection(db, data, next('定性目标评估')));
  sections.push(recommendationSection(data, next('对策建议')));
  sections.push(methodSection(data));
  return {
    meta: reportMeta(data, options.kind, reportTitle(plan, unit, what), author),
    preamble: preamble(data, options.kind, author),
    summary: summaryTable(`${unit.name}规划目标进展情况(截至${year}年)`, plan, data.items),
    sections,
  };
}
