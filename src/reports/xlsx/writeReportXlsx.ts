/**
 * A report's tables as an Excel workbook: a summary sheet (title, draft and demo notices, the
 * preamble and the summary figures), then one sheet per chapter that has tables.
 */
import ExcelJS from 'exceljs';
import type { Report, Section, Table } from '../model.js';
import { DRAFT_MARK, syntheticNotice, tableCaption } from '../reportText.js';
import { gridColumns, gridRow } from './reportCells.js';
import { SheetNames } from './sheetNames.js';
import { SheetWriter } from './sheetWriter.js';

export const SUMMARY_SHEET = '概况';

interface Counter {
  table: number;
}

export async function writeReportXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'childplan';
  book.title = report.meta.title;
  book.created = new Date(report.meta.generatedAt);
  const names = new SheetNames();
  // Tables numbered through the workbook as in the Word file: the summary is 表1.
  const counter = { table: 0 };
  writeSummarySheet(book, names.take(SUMMARY_SHEET), report, counter);
  for (const section of report.sections) {
    if (!hasTables(section)) continue;
    const sheet = book.addWorksheet(names.take(section.heading));
    const writer = new SheetWriter(sheet, spanOf(section));
    writeHeading(writer, report);
    writer.line(section.heading, { size: 12, bold: true });
    writeSectionTables(writer, section, true, counter);
    writer.line(report.meta.sourceLine, { italic: true });
    writer.finish({ title: report.meta.title, draft: report.meta.draft });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function writeSummarySheet(book: ExcelJS.Workbook, name: string, report: Report, counter: Counter): void {
  const sheet = book.addWorksheet(name);
  const writer = new SheetWriter(sheet, Math.max(report.summary.columns.length, 4));
  writeHeading(writer, report);
  const { meta } = report;
  writer.line(`${meta.author}    ${meta.orgUnit.name}    ${meta.year}年    生成于 ${meta.generatedAt.slice(0, 10)}`);
  writer.blank();
  writeTable(writer, report.summary, ++counter.table);
  for (const p of report.preamble) writer.line(p.bold ? `${p.bold}${p.text}` : p.text);
  writer.line(meta.sourceLine, { italic: true });
  writer.finish({ title: meta.title, draft: meta.draft });
}

/** The title, then the draft and demo-data notices: on every sheet, so a printed page is never mistaken for final. */
function writeHeading(writer: SheetWriter, report: Report): void {
  const { meta } = report;
  writer.line(meta.title, { size: 14, bold: true, center: true });
  if (meta.draft) writer.line(`${DRAFT_MARK}:${meta.draftReason ?? '本报告含未经批准的数据。'}`, { bold: true, color: 'FFC00000' });
  if (meta.synthetic) writer.line(syntheticNotice(meta), { bold: true, color: 'FFC00000' });
}

function writeSectionTables(writer: SheetWriter, section: Section, top: boolean, counter: Counter): void {
  if (!top && hasTables(section)) writer.line(section.heading, { bold: true });
  for (const table of section.tables) writeTable(writer, table, ++counter.table);
  for (const sub of section.subsections) writeSectionTables(writer, sub, false, counter);
}

function writeTable(writer: SheetWriter, table: Table, number: number): void {
  writer.line(tableCaption(number, table.title), { bold: true, center: true });
  writer.grid(
    gridColumns(table),
    table.rows.map((r) => gridRow(table, r)),
  );
  if (table.note) writer.line(table.note, { italic: true });
  writer.blank();
}

function hasTables(section: Section): boolean {
  return section.tables.length > 0 || section.subsections.some(hasTables);
}

/** The widest table of a chapter: title lines are merged across it. */
function spanOf(section: Section): number {
  return Math.max(1, ...section.tables.map((t) => t.columns.length), ...section.subsections.map(spanOf));
}
