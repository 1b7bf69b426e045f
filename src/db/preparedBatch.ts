/**
 * Batches of clean rows prepared for writing off the main thread (by the import worker): new rows
 * encoded in the layout of the database they go to, and rows that may replace stored values.
 */
import type { CleanRow } from '../core/validate/rowRules.js';
import { encodeCopyRows } from './valueRowsCopy.js';
import { encodeValueRowsBytes } from './valueRowsJson.js';

/** How the writer wants new rows: JSON text for SQLite (rowsFromJson); COPY text for PostgreSQL, each line ending in `suffix` (the writer's own columns). */
export type RowEncoding = { layout: 'json' } | { layout: 'copy'; suffix: string };

/** Rows travel as UTF-8 bytes: handed over by the worker without a copy, given to the database as they are. */
export interface EncodedRows {
  layout: RowEncoding['layout'];
  bytes: Uint8Array;
}

export interface PreparedBatch {
  rows: EncodedRows;
  count: number;
  /** Rows that may meet stored values: looked up and compared by the writer. */
  candidates: CleanRow[];
  /** The indicators and years of `rows`, as "code|year". */
  indicatorYears: string[];
}

export function encodeRows(rows: readonly CleanRow[], encoding: RowEncoding): EncodedRows {
  if (encoding.layout === 'json') return { layout: 'json', bytes: encodeValueRowsBytes(rows) };
  return { layout: 'copy', bytes: encodeCopyRows(rows, encoding.suffix) };
}
