/** A domain's chapter of the annual report: summary line, numbered findings, the table of its indicators, charts. */
import { chapterHeading } from '../core/phrasing/numbering.js';
import type { Domain } from '../core/plan/types.js';
import { domainFindings } from './domainFindings.js';
import { indicatorTable } from './indicatorTable.js';
import type { Chart, Section } from './model.js';
import { countyChart, countyChartCandidates, type CountyValues, trendChart, trendItems } from './reportCharts.js';
import type { ReportData } from './reportData.js';
import { itemsOfDomain, summaryOf } from './reportItems.js';

/** The counties' values in the year of each of the unit's items of the domain. */
export function countyValues(data: ReportData, domain: Domain): CountyValues[] {
  return itemsOfDomain(data.items, domain.code).map((item) => ({
    item,
    counties: data.counties.map((c) => {
      const own = data.countyItems.get(c.code)?.find((i) => i.indicator.code === item.indicator.code && i.name === item.name);
      return { name: c.name, value: own?.series(data.year) ?? null };
    }),
  }));
}

export function domainSection(data: ReportData, domain: Domain, number: number): Section {
  const items = itemsOfDomain(data.items, domain.code);
  const { year, plan, unit } = data;
  const charts: Chart[] = [
    ...trendItems(items, plan.baselineYear, year).map((i) => trendChart(i, unit.name, plan.baselineYear, year, data.sourceLine)),
    ...countyChartCandidates(countyValues(data, domain)).map((c) => countyChart(c, year, data.sourceLine)),
  ];
  return {
    heading: chapterHeading(number, domain.name),
    paragraphs: domainFindings(domain, unit.name, items, summaryOf(items)),
    tables: [indicatorTable(`${year}年${unit.name}${domain.name}领域监测指标`, items, year, plan.baselineYear)],
    charts,
    subsections: [],
  };
}
