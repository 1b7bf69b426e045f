/**
 * The layout in which batches of new values travel to PostgreSQL by COPY (see postgresCopy):
 * PostgreSQL's text format, one line a row, the columns of VALUE_COLUMNS separated by tabs, then
 * the writer's own columns (who, when). Pure, so that the import worker can prepare batches off
 * the main thread.
 */
import type { CleanRow } from '../core/validate/rowRules.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/g;
/** COPY's spelling of NULL in the text format. */
export const COPY_NULL = '\\N';

export function copyText(text: string | null): string {
  if (text === null) return COPY_NULL;
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : text;
}

/** JavaScript's shortest round-trip spelling of a double is one PostgreSQL reads back exactly. */
export function copyNumber(n: number | null): string {
  return n === null ? COPY_NULL : String(n);
}

const TAB = 0x09;
/** The longest spelling of a double ("-1.2345678901234567e-308") and of a year, in bytes. */
const NUMBER_BYTES = 24;

/**
 * One line a row, each ending in `suffix` (more columns, each already through copyText or
 * copyNumber), as UTF-8. Written straight into a buffer: built as strings, the lines cost the
 * collector three times what JSON.stringify of the same rows does.
 */
export function encodeCopyRows(rows: readonly CleanRow[], suffix = ''): Uint8Array {
  const tail = Buffer.from(`${suffix}\n`);
  // Memory of its own, not a slice of Node's shared pool: the import worker hands it over whole.
  let buffer = Buffer.allocUnsafeSlow(Math.max(4096, rows.length * 160));
  let at = 0;
  const put = (text: string): void => {
    at += buffer.write(text, at);
    buffer[at++] = TAB;
  };
  for (const r of rows) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and an escape 2 bytes per character.
    const text = r.indicator.length + r.orgUnit.length + r.sex.length + r.area.length + r.ageGroup.length;
    const free = (r.source?.length ?? 0) + (r.note?.length ?? 0);
    const need = 3 * (text + free) + 4 * NUMBER_BYTES + 11 + tail.length;
    if (buffer.length - at < need) {
      const larger = Buffer.allocUnsafeSlow(Math.max(2 * buffer.length, at + need));
      buffer.copy(larger, 0, 0, at);
      buffer = larger;
    }
    put(copyText(r.indicator));
    put(copyText(r.orgUnit));
    put(String(r.year));
    put(r.sex);
    put(r.area);
    put(copyText(r.ageGroup));
    put(copyNumber(r.value));
    put(copyNumber(r.numerator));
    put(copyNumber(r.denominator));
    put(copyText(r.source));
    at += buffer.write(copyText(r.note), at);
    at += tail.copy(buffer, at);
  }
  return buffer.subarray(0, at);
}
