import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Table as ReportTable } from '../model.js';
import { tableCaption } from '../reportText.js';
import { warningFill } from '../warningFills.js';
import { TEXT_WIDTH_TWIPS } from './docxStyles.js';

const HEADER_FILL = 'D9D9D9';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** A report table as Word paragraphs and a table: caption, header row repeated on every page, note. */
export function docxTable(table: ReportTable, number: number): (Paragraph | Table)[] {
  const widths = columnWidths(table);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => cell(column.title, { bold: true, alignment: AlignmentType.CENTER, fill: HEADER_FILL })),
  });
  const rows = table.rows.map((row) => {
    const fill = warningFill(row.warning);
    return new TableRow({
      cantSplit: true,
      children: table.columns.map((column) =>
        cell(row.cells[column.key] ?? '', { alignment: column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, fill }),
      ),
    });
  });
  const parts: (Paragraph | Table)[] = [
    new Paragraph({ style: 'ReportCaption', children: [new TextRun(tableCaption(number, table.title))] }),
    new Table({
      rows: [header, ...rows],
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      alignment: AlignmentType.CENTER,
    }),
  ];
  parts.push(new Paragraph({ style: 'ReportNote', children: table.note ? [new TextRun(table.note)] : [] }));
  return parts;
}

interface CellLook {
  bold?: boolean;
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType];
  fill: string | null;
}

function cell(text: string, look: CellLook): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    shading: look.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: look.fill } : undefined,
    children: [new Paragraph({ style: 'ReportTableText', alignment: look.alignment, children: [new TextRun({ text, bold: look.bold })] })],
  });
}

/** Width in characters of 五号: Chinese characters count as one, figures and Latin letters about half. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.55;
  return width;
}

/** One character of 五号 (10.5 pt) in twips, and the cell's left and right margins in characters. */
const CHAR_TWIPS = 210;
const CELL_PADDING = 0.9;
/** Columns at most this wide (in characters) never wrap: units, figures, short headings. */
const SHORT = 6;

/**
 * Column widths in twips filling the text width: short columns (figures, units) get all they need so that numbers
 * never wrap; long text columns (indicator names, targets, statuses) share the rest by their length and wrap.
 */
export function columnWidths(table: ReportTable): number[] {
  const wanted = table.columns.map(
    (column) => Math.max(textWidth(column.title), ...table.rows.map((row) => textWidth(row.cells[column.key] ?? ''))) + CELL_PADDING,
  );
  const available = TEXT_WIDTH_TWIPS / CHAR_TWIPS;
  const total = wanted.reduce((sum, w) => sum + w, 0);
  let widths = wanted;
  if (total > available) {
    const shortTotal = wanted.filter((w) => w <= SHORT).reduce((sum, w) => sum + w, 0);
    const longTotal = total - shortTotal;
    const room = Math.max(available - shortTotal, 0);
    widths = wanted.map((w) => (w <= SHORT ? w : Math.max((w / longTotal) * room, 2 + CELL_PADDING)));
  }
  const sum = widths.reduce((acc, w) => acc + w, 0);
  return widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH_TWIPS));
}
