/**
 * Problems and suggestions: the targets at risk, the gaps that widened, and a recommendation
 * drafted from each warning (grouped when indicators of one goal share status and lead), for editing.
 */
import { riskFigureOf } from '../core/phrasing/figures.js';
import { findingNumber, joinNames } from '../core/phrasing/numbering.js';
import { riskSentence } from '../core/phrasing/progressSentences.js';
import { recommendation } from '../core/phrasing/warningSentences.js';
import { countyTrend, urbanRuralTrend } from '../app/disparityTrends.js';
import type { Paragraph, Section } from './model.js';
import type { ReportData } from './reportData.js';
import type { ReportItem } from './reportItems.js';
import { departmentsOfItem, warnedItems } from './warningSection.js';

export function riskSentences(items: readonly ReportItem[]): string {
  return items
    .map((i) => {
      const f = riskFigureOf(i.indicator, i.row.target, i.row, i.name);
      return f ? riskSentence(f) : '';
    })
    .join('');
}

/** One recommendation per red or yellow indicator, or per group of one goal's indicators with the same status and lead. */
export function recommendations(data: ReportData, items: readonly ReportItem[]): string[] {
  const groups = new Map<string, ReportItem[]>();
  for (const item of warnedItems(items)) {
    const lead = data.responsibilities.get(item.indicator.code)?.lead ?? '';
    const key = `${item.indicator.planRef}|${item.row.status}|${item.row.volatile}|${lead}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = group;
    if (!first) return [];
    const departments = departmentsOfItem(data, first);
    const cooperating = [...new Set(group.flatMap((i) => departmentsOfItem(data, i).cooperating))];
    const text = recommendation({
      name: joinNames(group.map((i) => i.name)),
      status: first.row.status,
      volatile: first.row.volatile,
      lead: departments.lead,
      cooperating,
    });
    return text ? [text] : [];
  });
}

/** Up to five names, then how many in all: 甲、乙、丙、丁、戊等17项指标. */
function namesOf(names: readonly string[]): string {
  return names.length <= NAMED ? joinNames(names) : `${names.slice(0, NAMED).join('、')}等${names.length}项指标`;
}

const NAMED = 5;

/** The widening gaps by indicator name: 城乡 and 县(市、区)间. */
function wideningSentence(data: ReportData): string {
  const urbanRural = data.disparities.filter((r) => urbanRuralTrend(r) === 'widening').map((r) => r.indicator.name);
  const county = data.disparities.filter((r) => countyTrend(r) === 'widening').map((r) => r.indicator.name);
  const parts = [
    urbanRural.length > 0 ? `${namesOf(urbanRural)}的城乡差距比基期扩大` : '',
    county.length > 0 ? `${namesOf(county)}的县(市、区)间差距比基期扩大` : '',
  ].filter(Boolean);
  return parts.length === 0 ? '' : `${parts.join(';')}。`;
}

export function problemsSection(data: ReportData, heading: string): Section {
  const { items } = data;
  const behind = items.filter((i) => i.row.status === 'off_track' || i.row.status === 'needs_acceleration');
  const regressing = items.filter((i) => i.row.status === 'regressing');
  const paragraphs: Paragraph[] = [];
  const finding = (bold: string, text: string): void => {
    if (text) paragraphs.push({ bold: `${findingNumber(paragraphs.length + 1)}${bold}`, text });
  };
  finding('部分指标预计难以如期实现规划目标。', riskSentences(behind));
  finding('部分指标出现退步。', riskSentences(regressing));
  finding('部分城乡、区域差距有所扩大。', wideningSentence(data));
  const drafted = recommendations(data, items);
  if (paragraphs.length === 0 && drafted.length === 0) {
    return {
      heading,
      paragraphs: [
        { text: `${data.year}年${data.unit.name}各项可监测指标均已实现目标或进展顺利,建议各成员单位保持工作力度,巩固已取得的成果。` },
      ],
      tables: [],
      charts: [],
      subsections: [],
    };
  }
  if (drafted.length > 0) {
    paragraphs.push({ bold: `${findingNumber(paragraphs.length + 1)}工作建议。`, text: '根据监测结果,提出以下建议(初稿,请结合实际修改):' });
    drafted.forEach((text, i) => paragraphs.push({ text: `${i + 1}.${text}` }));
  }
  return { heading, paragraphs, tables: [], charts: [], subsections: [] };
}
