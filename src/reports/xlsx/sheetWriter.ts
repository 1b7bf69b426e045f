/**
 * Writes a print-ready sheet from the top down: title lines, notes, and bordered tables with a bold
 * header row, keeping track of the widths the columns need. Both workbooks (the report's tables and
 * the statistical tables) are laid out with it.
 */
import type { Alignment, Cell, Fill, Font, Worksheet } from 'exceljs';
import { applyPrintSetup } from './printSetup.js';

export type CellValue = string | number | null;

export interface GridCell {
  value: CellValue;
  /** Excel number format, e.g. `0.0` or `0.0"*"`. */
  numFmt?: string;
  italic?: boolean;
  /** ARGB fill colour, e.g. FFFFC7CE. */
  fill?: string;
}

export interface GridColumn {
  title: string;
  numeric?: boolean;
  /** Widest a column grows before its text wraps, in characters. */
  maxWidth?: number;
  /** Narrowest it may be: room for the title lines merged across a narrow table. */
  minWidth?: number;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FONT = '宋体';
const MAX_FROZEN_ROWS = 8;
const BODY_SIZE = 10.5;

export class SheetWriter {
  /** The next row to write. */
  row = 1;
  /** The first table header row: frozen, and repeated on printed pages. */
  private firstHeaderRow: number | null = null;
  private readonly widths: number[] = [];
  private readonly maxWidths: number[] = [];
  private readonly lines: { row: number; text: string; size: number }[] = [];

  constructor(
    readonly sheet: Worksheet,
    /** Columns that title and note lines are merged across. */
    private readonly span: number,
  ) {}

  /** A line merged across the sheet: the report title, a section heading, a note. */
  line(
    text: string,
    style: { size?: number; bold?: boolean; italic?: boolean; color?: string; wrap?: boolean; center?: boolean } = {},
  ): void {
    const r = this.row++;
    if (this.span > 1) this.sheet.mergeCells(r, 1, r, this.span);
    const cell = this.sheet.getCell(r, 1);
    cell.value = text;
    cell.font = font({
      size: style.size ?? 10.5,
      bold: style.bold,
      italic: style.italic,
      color: style.color ? { argb: style.color } : undefined,
    });
    cell.alignment = { vertical: 'middle', horizontal: style.center ? 'center' : 'left', wrapText: style.wrap ?? true };
    this.lines.push({ row: r, text, size: style.size ?? 10.5 });
  }

  blank(): void {
    this.row++;
  }

  /** A bordered table: bold header row, then the rows; returns the header row's number. */
  grid(columns: readonly GridColumn[], rows: readonly GridCell[][]): number {
    const headerRow = this.row++;
    this.firstHeaderRow ??= headerRow;
    columns.forEach((c, i) => {
      const cell = this.sheet.getCell(headerRow, i + 1);
      cell.value = c.title;
      cell.font = font({ bold: true });
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      this.fit(i, c.title, Math.min(c.maxWidth ?? 40, 16));
      if (c.minWidth) this.widths[i] = Math.max(this.widths[i] ?? 0, c.minWidth);
      this.maxWidths[i] = Math.max(this.maxWidths[i] ?? 0, c.maxWidth ?? 40);
    });
    for (const cells of rows) {
      const r = this.row++;
      columns.forEach((c, i) => {
        const spec = cells[i] ?? { value: null };
        const cell = this.sheet.getCell(r, i + 1);
        writeCell(cell, spec, c.numeric === true);
        this.fit(i, displayText(spec), c.maxWidth ?? 40);
      });
    }
    return headerRow;
  }

  /** Column widths, frozen header and print set-up; call once, last. */
  finish(options: { title: string; draft: boolean }): void {
    this.widths.forEach((w, i) => {
      this.sheet.getColumn(i + 1).width = Math.max(6, Math.min(w + 2, (this.maxWidths[i] ?? 40) + 2));
    });
    // Merged cells do not grow with wrapped text: give each line the height its text needs at the final widths.
    const perLine = Math.max(20, this.totalWidth());
    for (const l of this.lines) {
      this.sheet.getRow(l.row).height = Math.max(
        l.size * 1.8,
        Math.ceil((textWidth(l.text) * l.size) / BODY_SIZE / perLine) * l.size * 1.45,
      );
    }
    // Frozen only when the header is near the top: a tall frozen block would leave no room to scroll.
    if (this.firstHeaderRow !== null && this.firstHeaderRow <= MAX_FROZEN_ROWS) {
      this.sheet.views = [{ state: 'frozen', ySplit: this.firstHeaderRow, xSplit: 0, topLeftCell: `A${this.firstHeaderRow + 1}` }];
    }
    applyPrintSetup(this.sheet, {
      title: options.title,
      draft: options.draft,
      // The table's title line and its header row.
      repeatRows: this.firstHeaderRow === null ? null : { from: Math.max(1, this.firstHeaderRow - 1), to: this.firstHeaderRow },
    });
  }

  private fit(column: number, text: string, cap: number): void {
    this.widths[column] = Math.max(this.widths[column] ?? 0, Math.min(textWidth(text), cap));
  }

  private totalWidth(): number {
    let total = 0;
    for (let i = 0; i < this.span; i++) total += this.sheet.getColumn(i + 1).width ?? 10;
    return total;
  }
}

function writeCell(cell: Cell, spec: GridCell, numeric: boolean): void {
  cell.value = spec.value;
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  cell.font = font({ italic: spec.italic });
  cell.border = BORDER;
  if (spec.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec.fill } };
  const alignment: Partial<Alignment> = { vertical: 'middle', wrapText: true, horizontal: numeric ? 'right' : 'left' };
  cell.alignment = alignment;
}

function font(f: Partial<Font>): Partial<Font> {
  return { name: FONT, size: 10.5, ...stripUndefined(f) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function displayText(spec: GridCell): string {
  if (spec.value === null) return '';
  if (typeof spec.value === 'number') return String(spec.value) + (spec.numFmt?.includes('*') ? '*' : '');
  return spec.value;
}

/** Width in Excel's character units: a Chinese character takes two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return w;
}
