/**
 * What the form holds while the user types: the text of each edited cell, compared with the stored
 * value to know what changed. Cells are kept as typed (strings) and sent as typed, so that the
 * server checks them with the same rules as a file import.
 */
import type { FormLine } from '../../hooks/useEntryForm';
import type { ValueEntry } from '../../hooks/useValues';

export const FIELDS = ['value', 'numerator', 'denominator', 'source', 'note'] as const;
export type Field = (typeof FIELDS)[number];
export const NUMBER_FIELDS: readonly Field[] = ['value', 'numerator', 'denominator'];

export const FIELD_LABELS: Record<Field, string> = {
  value: '数值',
  numerator: '分子',
  denominator: '分母',
  source: '来源',
  note: '备注',
};

/** Cell texts the user typed, by line key; a field absent is as stored. */
export type LineEdit = Partial<Record<Field, string>>;
export type Edits = Record<string, LineEdit>;

/** A number as the user would type it: at most 6 decimals, no trailing zeros. */
export function numberText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(Number(v.toFixed(6)));
}

/** A number for reading: `digits` decimals at most. */
export function shortNumber(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(Number(v.toFixed(digits)));
}

/** Yes/no indicators are entered as 是 (1) or 否 (0) by units of their own level. */
export function isYesNoLine(line: FormLine, formLevel: string, indicatorLevel: string | undefined): boolean {
  return line.indicator.yesNo && indicatorLevel === formLevel;
}

/**
 * The stored value as the cell shows it. A value derived from 分子/分母 is left empty: it is
 * shown computed beside them, so that changing 分子 does not leave a stale 数值 to disagree with.
 */
export function storedText(line: FormLine, field: Field, yesNo: boolean): string {
  const c = line.current;
  if (!c) return '';
  if (yesNo) {
    if (field !== 'value') return field === 'source' || field === 'note' ? (c[field] ?? '') : '';
    if (c.numerator === 1 || (c.numerator === null && c.value !== null && c.value > 0)) return '1';
    return c.value === null ? '' : '0';
  }
  switch (field) {
    case 'value':
      return line.indicator.hasFormula && c.numerator !== null && c.denominator !== null ? '' : numberText(c.value);
    case 'numerator':
      return numberText(c.numerator);
    case 'denominator':
      return numberText(c.denominator);
    default:
      return c[field] ?? '';
  }
}

export function cellText(line: FormLine, edit: LineEdit | undefined, field: Field, yesNo: boolean): string {
  return edit?.[field] ?? storedText(line, field, yesNo);
}

/** Fields whose text differs from the stored one (blanks around the text do not count). */
export function changedFields(line: FormLine, edit: LineEdit | undefined, yesNo: boolean): Field[] {
  if (!edit) return [];
  return FIELDS.filter((f) => edit[f] !== undefined && (edit[f] ?? '').trim() !== storedText(line, f, yesNo).trim());
}

export function isDirty(line: FormLine, edit: LineEdit | undefined, yesNo: boolean): boolean {
  return changedFields(line, edit, yesNo).length > 0;
}

/** A stored value whose numbers were all cleared: saving skips it, it is not deleted. */
export function clearsStored(line: FormLine, edit: LineEdit | undefined, yesNo: boolean): boolean {
  return line.current !== null && NUMBER_FIELDS.every((f) => cellText(line, edit, f, yesNo).trim() === '');
}

const orNull = (t: string): string | null => (t.trim() === '' ? null : t.trim());

export function entryOf(line: FormLine, edit: LineEdit | undefined, yesNo: boolean): ValueEntry {
  const text = (f: Field) => orNull(cellText(line, edit, f, yesNo));
  return {
    indicator: line.indicator.code,
    orgUnit: line.orgUnit.code,
    sex: line.sex,
    area: line.area,
    ageGroup: line.ageGroup,
    value: text('value'),
    numerator: yesNo ? null : text('numerator'),
    denominator: yesNo ? null : text('denominator'),
    source: text('source'),
    note: text('note'),
  };
}

/** Reads a typed number the way people write them: 1,234.5 or 1 234 or 96.5% (the server has the final word). */
export function parseTyped(text: string): number | null {
  const t = text
    .trim()
    .replace(/[,,\s]/g, '')
    .replace(/[%%‰]$/, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** 分子/分母×factor from the typed cells; null unless both are numbers and 分母 is not 0. */
export function computedValue(line: FormLine, edit: LineEdit | undefined, yesNo: boolean): number | null {
  if (!line.indicator.hasFormula || yesNo) return null;
  const n = parseTyped(cellText(line, edit, 'numerator', yesNo));
  const d = parseTyped(cellText(line, edit, 'denominator', yesNo));
  if (n === null || d === null || d === 0) return null;
  return (n / d) * line.indicator.factor;
}

/** The value the line has now: typed, else computed from 分子/分母, else stored. */
export function effectiveValue(line: FormLine, edit: LineEdit | undefined, yesNo: boolean): number | null {
  const typed = cellText(line, edit, 'value', yesNo);
  if (yesNo) return typed === '1' ? 100 : typed === '0' ? 0 : null;
  return parseTyped(typed) ?? computedValue(line, edit, yesNo) ?? (edit ? null : (line.current?.value ?? null));
}

/** Keeps only the edits that still differ from what is stored. */
export function pruneEdits(lines: FormLine[], edits: Edits, yesNoOf: (line: FormLine) => boolean): Edits {
  const out: Edits = {};
  for (const line of lines) {
    const edit = edits[line.key];
    if (edit && isDirty(line, edit, yesNoOf(line))) out[line.key] = edit;
  }
  return out;
}

/** A line's test id: `value-newborn_visit_rate-220322-total-total`. */
export function cellTestId(field: Field | 'history' | 'computed', line: FormLine): string {
  const age = line.ageGroup === 'total' ? '' : `-${line.ageGroup}`;
  return `${field}-${line.indicator.code}-${line.orgUnit.code}-${line.sex}-${line.area}${age}`;
}
