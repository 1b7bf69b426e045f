/** The qualitative goals with their ratings (methodology §6): apart from the indicators, never in their counts. */
import { listQualitative, summarizeQualitative } from '../app/qualitative.js';
import { QUALITATIVE_BASIS, qualitativeSummarySentence } from '../core/phrasing/qualitativeSentences.js';
import type { Db } from '../db/dialect.js';
import type { Section, Table } from './model.js';
import type { ReportData } from './reportData.js';

export async function qualitativeSection(db: Db, data: ReportData, heading: string): Promise<Section> {
  const { plan, year, unit } = data;
  const [items, summary] = await Promise.all([
    listQualitative(db, plan, year, unit.code, data.qualitativeFilter),
    summarizeQualitative(db, plan, year, unit.code, data.qualitativeFilter),
  ]);
  const { total } = summary;
  const table: Table = {
    title: `${year}年${unit.name}定性目标评估情况`,
    columns: [
      { key: 'domain', title: '领域' },
      { key: 'kind', title: '类别' },
      { key: 'code', title: '编号' },
      { key: 'text', title: '目标或措施' },
      { key: 'lead', title: '牵头单位' },
      { key: 'reported', title: '进展情况' },
      { key: 'rating', title: '评估结论' },
      { key: 'comment', title: '评估意见' },
    ],
    rows: items.map((item) => ({
      cells: {
        domain: item.domainName,
        kind: item.kindLabel,
        code: item.code,
        text: item.text,
        lead: item.lead?.name ?? '未指定',
        reported: item.report && item.report.text.trim() !== '' ? '已报送' : '未报送',
        rating: item.rating?.label ?? '待评估',
        comment: item.rating?.comment || '—',
      },
    })),
  };
  return {
    heading,
    paragraphs: [{ text: QUALITATIVE_BASIS }, { text: qualitativeSummarySentence(year, total.items, total.reported, total.counts) }],
    tables: items.length === 0 ? [] : [table],
    charts: [],
    subsections: [],
  };
}
