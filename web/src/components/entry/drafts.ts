/**
 * Unsaved cell texts kept in the browser (localStorage) at every keystroke, so that a closed tab,
 * a crash or an expired session loses nothing: the form restores them when opened again.
 */
import type { Edits, LineEdit } from './entryModel';
import { FIELDS } from './entryModel';

const PREFIX = 'childplan.draft.v1';

export function draftKey(username: string, department: string, org: string, year: number): string {
  return `${PREFIX}:${username}:${department}:${org}:${year}`;
}

function isLineEdit(v: unknown): v is LineEdit {
  if (!v || typeof v !== 'object') return false;
  return Object.entries(v).every(([k, t]) => (FIELDS as readonly string[]).includes(k) && typeof t === 'string');
}

export function readDraft(key: string): Edits {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    const edits = parsed && typeof parsed === 'object' ? (parsed as { edits?: unknown }).edits : undefined;
    if (!edits || typeof edits !== 'object') return {};
    const out: Edits = {};
    for (const [line, edit] of Object.entries(edits)) if (isLineEdit(edit)) out[line] = edit;
    return out;
  } catch {
    return {};
  }
}

/** Writes the draft, or removes it when nothing is left unsaved. False when the browser refused (storage full, private mode). */
export function writeDraft(key: string, edits: Edits): boolean {
  try {
    if (Object.keys(edits).length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), edits }));
    return true;
  } catch {
    return false;
  }
}
