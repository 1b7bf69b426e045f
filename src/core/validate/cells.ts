/** Reading single cells: numbers, years and the disaggregation words clerks write. */
import type { Area, Sex } from '../plan/types.js';

const FULL_WIDTH = /[０-９．，－＋]/g;
const PLAIN = /^\d{1,15}(\.\d{1,15})?$/;

/** A number as written in a cell, or null when it is not one. Accepts 1,234.5, full-width digits and 1.5E-05. */
export function parseNumber(text: string): number | null {
  // Most cells are plain decimals: read them without the rewriting below (a million rows a file).
  if (PLAIN.test(text)) return Number(text);
  let t = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const SEX_WORDS: Record<string, Sex> = {
  total: 'total',
  合计: 'total',
  总计: 'total',
  全部: 'total',
  male: 'male',
  m: 'male',
  男: 'male',
  男性: 'male',
  female: 'female',
  f: 'female',
  女: 'female',
  女性: 'female',
};

const AREA_WORDS: Record<string, Area> = {
  total: 'total',
  合计: 'total',
  总计: 'total',
  全部: 'total',
  城乡合计: 'total',
  urban: 'urban',
  城镇: 'urban',
  城市: 'urban',
  城: 'urban',
  城区: 'urban',
  rural: 'rural',
  农村: 'rural',
  乡村: 'rural',
  乡: 'rural',
};

export function parseSex(text: string): Sex | null {
  return text === '' ? 'total' : (SEX_WORDS[text] ?? SEX_WORDS[text.toLowerCase()] ?? null);
}

export function parseArea(text: string): Area | null {
  return text === '' ? 'total' : (AREA_WORDS[text] ?? AREA_WORDS[text.toLowerCase()] ?? null);
}

const YES = new Set(['1', '是', '有', 'yes', 'y', 'true', '√', '已建立', '已开通', '已配备']);
const NO = new Set(['0', '否', '无', 'no', 'n', 'false', '×', '未建立', '未开通', '未配备']);

/** A yes/no cell: 1 for yes, 0 for no, null when it is neither. */
export function parseYesNo(text: string): 0 | 1 | null {
  const t = text.trim().toLowerCase();
  if (YES.has(t) || t === '100') return 1;
  if (NO.has(t)) return 0;
  return null;
}

const TOTAL_AGE = new Set(['', 'total', '合计', '总计', '全部', '全年龄', '所有年龄']);

/** An age group as written; the words for "all ages" are the total. */
export function parseAgeGroup(text: string): string {
  return TOTAL_AGE.has(text.toLowerCase()) ? 'total' : text;
}

const NO_DATA = new Set(['—', '–', '-', '－', '/', '／', '——', '…', '...']);

/** A cell that says "no figure" the way Chinese statistical tables do. */
export function isNoData(text: string): boolean {
  return NO_DATA.has(text);
}
