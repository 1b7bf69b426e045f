/**
 * Batches of clean rows prepared for writing off the main thread (by the import worker): new rows
 * encoded in the layout of the database they go to, and rows that may replace stored values.
 */
import type { CleanRow } from '../core/validate/rowRules.js';
import { encodeCopyRows } from './valueRowsCopy.js';
import { encodeValueRows } from './valueRowsJson.js';

/** How the writer wants new rows: JSON text for SQLite (rowsFromJson); COPY text for PostgreSQL, each line ending in `suffix` (the writer's own columns). */
export type RowEncoding = { layout: 'json' } | { layout: 'copy'; suffix: string };

/** COPY text travels as UTF-8 bytes: handed from the worker without a copy, written to the socket as they are. */
export type EncodedRows = { layout: 'json'; text: string } | { layout: 'copy'; bytes: Uint8Array };

export interface PreparedBatch {
  rows: EncodedRows;
  count: number;
  /** Rows that may meet stored values: looked up and compared by the writer. */
  candidates: CleanRow[];
  /** The indicators and years of `rows`, as "code|year". */
  indicatorYears: string[];
}

export function encodeRows(rows: readonly CleanRow[], encoding: RowEncoding): EncodedRows {
  if (encoding.layout === 'json') return { layout: 'json', text: encodeValueRows(rows) };
  return { layout: 'copy', bytes: encodeCopyRows(rows, encoding.suffix) };
}
