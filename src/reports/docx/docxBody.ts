import { HeadingLevel, Paragraph, TextRun, type Table } from 'docx';
import type { Paragraph as ReportParagraph, Report, Section } from '../model.js';
import { docxChart } from './docxChart.js';
import { docxTable } from './docxTable.js';

type Block = Paragraph | Table;

/** Running numbers of tables and figures through the document (表1, 图1…). */
interface Counters {
  table: number;
  figure: number;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** The body after the cover: title, preamble, summary table, the chapters down to the annex. */
export function docxBody(report: Report): Block[] {
  const counters: Counters = { table: 0, figure: 0 };
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.meta.title)] }),
    ...report.preamble.map(docxParagraph),
    ...docxTable(report.summary, ++counters.table),
    ...report.sections.flatMap((section) => docxSection(section, 0, counters)),
  ];
}

/** A paragraph of body text; a finding's opening judgement in bold. */
export function docxParagraph(paragraph: ReportParagraph): Paragraph {
  const runs = [new TextRun(paragraph.text)];
  if (paragraph.bold) runs.unshift(new TextRun({ text: paragraph.bold, bold: true }));
  return new Paragraph({ style: 'ReportBody', children: runs });
}

function docxSection(section: Section, depth: number, counters: Counters): Block[] {
  return [
    new Paragraph({ heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)], children: [new TextRun(section.heading)] }),
    ...section.paragraphs.map(docxParagraph),
    ...section.tables.flatMap((table) => docxTable(table, ++counters.table)),
    ...section.charts.flatMap((chart) => docxChart(chart, ++counters.figure)),
    ...section.subsections.flatMap((sub) => docxSection(sub, depth + 1, counters)),
  ];
}
