/** Errors and warnings of the server's checks, put back on the lines and cells they are about. */
import type { EntryError } from '../../hooks/useValues';
import { FIELDS, type Field } from './entryModel';

export interface LineIssues {
  errors: Partial<Record<Field, string[]>>;
  warnings: string[];
}

export type Issues = Record<string, LineIssues>;

/** A message about no one cell (or a column the form has no input for) is shown under 数值. */
function fieldOf(column: string | null): Field {
  return column !== null && (FIELDS as readonly string[]).includes(column) ? (column as Field) : 'value';
}

/** `keys[i]` is the line of the i-th entry sent. */
export function issuesOf(keys: string[], errors: EntryError[], warnings: { index: number; message: string }[]): Issues {
  const out: Issues = {};
  const at = (index: number): LineIssues | null => {
    const key = keys[index];
    if (key === undefined) return null;
    out[key] ??= { errors: {}, warnings: [] };
    return out[key];
  };
  for (const e of errors) {
    const line = at(e.index);
    if (!line) continue;
    const f = fieldOf(e.column);
    (line.errors[f] ??= []).push(e.message);
  }
  for (const w of warnings) at(w.index)?.warnings.push(w.message);
  return out;
}

export function errorCount(issues: Issues, keys: Iterable<string>): number {
  let n = 0;
  for (const k of keys) {
    const line = issues[k];
    if (line) n += Object.values(line.errors).reduce((s, list) => s + (list?.length ?? 0), 0);
  }
  return n;
}
