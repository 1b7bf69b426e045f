/**
 * The JSON layout in which batches of new values travel to the database as one parameter
 * (see rowsFromJson): an array of arrays in the order of VALUE_COLUMNS. Pure, so that the
 * import worker can prepare batches off the main thread.
 */
import type { CleanRow } from '../core/validate/rowRules.js';
import { ByteWriter, rowRoom } from './byteWriter.js';

/** What makes a value one value (the unique key of data_value). */
export const KEY_COLUMNS = [
  { name: 'indicator_code', type: 'text' },
  { name: 'org_unit_code', type: 'text' },
  { name: 'year', type: 'integer' },
  { name: 'sex', type: 'text' },
  { name: 'area', type: 'text' },
  { name: 'age_group', type: 'text' },
] as const;

export const VALUE_COLUMNS = [
  ...KEY_COLUMNS,
  { name: 'value', type: 'real' },
  { name: 'numerator', type: 'real' },
  { name: 'denominator', type: 'real' },
  { name: 'source', type: 'text' },
  { name: 'note', type: 'text' },
] as const;

/** A replaced version and what replaced it, as data_value_history keeps them. */
export const HISTORY_COLUMNS = [
  ...KEY_COLUMNS,
  { name: 'old_value', type: 'real' },
  { name: 'old_numerator', type: 'real' },
  { name: 'old_denominator', type: 'real' },
  { name: 'old_source', type: 'text' },
  { name: 'old_note', type: 'text' },
  { name: 'old_by', type: 'text' },
  { name: 'old_at', type: 'text' },
  { name: 'new_value', type: 'real' },
  { name: 'new_numerator', type: 'real' },
  { name: 'new_denominator', type: 'real' },
  { name: 'new_source', type: 'text' },
  { name: 'new_note', type: 'text' },
] as const;

/** Text that JSON must escape: quotes, backslashes, control characters, lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonText(text: string | null): string {
  if (text === null) return 'null';
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function jsonNumber(n: number | null): string {
  return n === null ? 'null' : String(n);
}

/** encodeValueRows as UTF-8 bytes, written without the intermediate arrays and string (see ByteWriter). */
export function encodeValueRowsBytes(rows: readonly CleanRow[]): Uint8Array {
  const out = new ByteWriter(rows.length * 160);
  out.text('[');
  rows.forEach((r, i) => {
    out.reserve(rowRoom(r, 40));
    out.text(i === 0 ? '[' : ',[');
    out.text(`${jsonText(r.indicator)},${jsonText(r.orgUnit)},${r.year},${jsonText(r.sex)},${jsonText(r.area)},${jsonText(r.ageGroup)},`);
    out.text(`${jsonNumber(r.value)},${jsonNumber(r.numerator)},${jsonNumber(r.denominator)},${jsonText(r.source)},${jsonText(r.note)}]`);
  });
  out.reserve(1);
  out.text(']');
  return out.done();
}

export function encodeValueRows(rows: readonly CleanRow[]): string {
  return JSON.stringify(
    rows.map((r) => [r.indicator, r.orgUnit, r.year, r.sex, r.area, r.ageGroup, r.value, r.numerator, r.denominator, r.source, r.note]),
  );
}
