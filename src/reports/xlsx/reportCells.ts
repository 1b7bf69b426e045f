/** The model's table cells (final text) as Excel cells: plain numbers become numbers, warnings colour the row. */
import type { Table, TableRow } from '../model.js';
import { warningFill } from '../warningFills.js';
import type { GridCell, GridColumn } from './sheetWriter.js';

/** A number as the text shows it (e.g. "5.6", "-0.3", "1,234"): kept as a number with the same decimals. */
export function numericCell(text: string): GridCell {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return { value: text };
  const value = Number(`${m[1] ?? ''}${(m[2] ?? '').replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  const decimals = m[3]?.length ?? 0;
  const grouping = (m[2] ?? '').includes(',') ? '#,##0' : '0';
  const format = decimals > 0 ? `${grouping}.${'0'.repeat(decimals)}` : grouping;
  // A change written with its sign (+0.3) keeps it.
  return { value, numFmt: m[1] === '+' ? `+${format};-${format};${format}` : format };
}

export function gridColumns(table: Table): GridColumn[] {
  return table.columns.map((c) => ({ title: c.title, numeric: c.numeric === true, maxWidth: c.numeric ? 16 : 40 }));
}

export function gridRow(table: Table, row: TableRow): GridCell[] {
  const rgb = warningFill(row.warning);
  const fill = rgb === null ? undefined : `FF${rgb}`;
  return table.columns.map((c) => {
    const text = row.cells[c.key] ?? '';
    const cell = c.numeric ? numericCell(text) : { value: text };
    return fill ? { ...cell, fill } : cell;
  });
}
