/** The annex 附:数据来源与方法. */
import { dataScopeNote, METHOD_NOTES } from '../core/phrasing/methodNotes.js';
import type { Section } from './model.js';
import type { ReportData } from './reportData.js';

export const METHOD_HEADING = '附:数据来源与方法';

export function methodSection(data: ReportData): Section {
  const { plan, unit, year, sources } = data;
  return {
    heading: METHOD_HEADING,
    paragraphs: [
      { bold: '数据来源。', text: dataScopeNote(sources, unit.name, plan.baselineYear, year, data.data === 'approved') },
      { bold: '监测指标。', text: `监测指标和目标值依据《${plan.name}》的统计监测指标体系。` },
      ...METHOD_NOTES.map((text) => ({ text })),
    ],
    tables: [],
    charts: [],
    subsections: [],
  };
}
