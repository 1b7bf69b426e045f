/**
 * The layout in which batches of new values travel to PostgreSQL by COPY (see postgresCopy):
 * PostgreSQL's text format, one line a row, the columns of VALUE_COLUMNS separated by tabs, then
 * the writer's own columns (who, when). Pure, so that the import worker can prepare batches off
 * the main thread.
 */
import type { CleanRow } from '../core/validate/rowRules.js';
import { ByteWriter, rowRoom } from './byteWriter.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
/** COPY's spelling of NULL in the text format. */
export const COPY_NULL = '\\N';

export function copyText(text: string | null): string {
  if (text === null) return COPY_NULL;
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : text;
}

/** JavaScript's shortest round-trip spelling of a double is one PostgreSQL reads back exactly. */
export function copyNumber(n: number | null): string {
  return n === null ? COPY_NULL : String(n);
}

const TAB = 0x09;

/** One line a row, each ending in `suffix` (more columns, each already through copyText or copyNumber), as UTF-8. */
export function encodeCopyRows(rows: readonly CleanRow[], suffix = ''): Uint8Array {
  const tail = Buffer.from(`${suffix}\n`);
  const out = new ByteWriter(rows.length * 160);
  const cell = (text: string): void => {
    out.text(text);
    out.byte(TAB);
  };
  for (const r of rows) {
    out.reserve(rowRoom(r, 11 + tail.length));
    cell(copyText(r.indicator));
    cell(copyText(r.orgUnit));
    cell(String(r.year));
    cell(r.sex);
    cell(r.area);
    cell(copyText(r.ageGroup));
    cell(copyNumber(r.value));
    cell(copyNumber(r.numerator));
    cell(copyNumber(r.denominator));
    cell(copyText(r.source));
    out.text(copyText(r.note));
    out.bytes(tail);
  }
  return out.done();
}
