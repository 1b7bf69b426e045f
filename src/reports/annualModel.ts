/**
 * The annual monitoring report 年度监测统计报告 as plain data: preamble with the year's overall
 * judgement, summary figures, a chapter per domain, then warnings, disparities, qualitative goals,
 * problems and suggestions, and the annex on sources and method (report-style.md).
 */
import { chapterHeading, chineseNumber, joinNames } from '../core/phrasing/numbering.js';
import { overallJudgement } from '../core/phrasing/reportJudgements.js';
import { breakdownSentence, summarySentence } from '../core/phrasing/reportSentences.js';
import type { Plan } from '../core/plan/types.js';
import type { Db } from '../db/dialect.js';
import { disparitySection } from './disparitySection.js';
import { domainSection } from './domainSection.js';
import { methodSection } from './methodSection.js';
import type { Paragraph, Report, Section } from './model.js';
import { problemsSection } from './problemsSection.js';
import { qualitativeSection } from './qualitativeSection.js';
import { loadReportData, type ReportData, type ReportOptions } from './reportData.js';
import { summaryCounts, summaryOf } from './reportItems.js';
import { reportedDomains, reportMeta, reportTitle } from './reportMeta.js';
import { summaryTable } from './summaryTable.js';
import { warningSection } from './warningSection.js';

export type AnnualReportOptions = ReportOptions;

function preamble(data: ReportData, author: string): Paragraph[] {
  const { plan, year, unit } = data;
  const domains = reportedDomains(data);
  const overall = summaryOf(data.items);
  return [
    {
      text: `根据《${plan.name}》统计监测指标体系和各成员单位报送的数据,${author}对${year}年${unit.name}儿童发展规划实施情况进行了统计监测,从${joinNames(domains.map((d) => d.name))}${domains.length > 0 ? chineseNumber(domains.length) : '零'}个领域分析了规划目标的进展情况。`,
    },
    {
      text: `监测结果显示,${year}年${unit.name}儿童发展规划实施${overallJudgement(overall.counts)}。${summarySentence(summaryCounts(overall))}${breakdownSentence(overall.counts)}`,
    },
  ];
}

export async function buildAnnualReport(db: Db, plan: Plan, options: AnnualReportOptions): Promise<Report> {
  const data = await loadReportData(db, plan, options);
  const { year, unit } = data;
  const author = `${unit.name}统计局`;
  const sections: Section[] = reportedDomains(data).map((d, i) => domainSection(data, d, i + 1));
  const next = (title: string): string => chapterHeading(sections.length + 1, title);
  sections.push(warningSection(data, next('监测预警')));
  sections.push(disparitySection(data, next('城乡与区域差距')));
  sections.push(await qualitativeSection(db, data, next('定性目标')));
  sections.push(problemsSection(data, next('问题与建议')));
  sections.push(methodSection(data));
  return {
    meta: reportMeta(data, 'annual', reportTitle(plan, unit, `${year}年统计监测报告`), author),
    preamble: preamble(data, author),
    summary: summaryTable(`${year}年${unit.name}监测指标进展情况`, plan, data.items),
    sections,
  };
}
