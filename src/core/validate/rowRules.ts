/** The checks one row of an import must pass, and the clean row it becomes. */
import type { Area, Indicator, OrgLevel, Sex } from '../plan/types.js';
import { ORG_LEVELS } from '../plan/types.js';
import { isNoData, parseAgeGroup, parseArea, parseNumber, parseSex, parseYesNo } from './cells.js';
import { type Column, COLUMN_LABELS } from './columns.js';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** value and numerator/denominator × factor must agree to this relative tolerance. */
export const AGREEMENT_TOLERANCE = 0.005;
/** The age_group column's width in the database. */
export const MAX_AGE_GROUP = 40;
const FREE_TEXT: Column[] = ['age_group', 'source', 'note'];
const YEAR = /^\d{4}年?$/;

export interface RowContext {
  indicator(code: string): Indicator | undefined;
  orgLevel(code: string): OrgLevel | undefined;
}

export interface CleanRow {
  indicator: string;
  orgUnit: string;
  year: number;
  sex: Sex;
  area: Area;
  ageGroup: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  note: string | null;
}

export interface CellError {
  column: Column | null;
  message: string;
}

export type RowResult = { kind: 'row'; row: CleanRow } | { kind: 'empty' } | { kind: 'errors'; errors: CellError[] };

export type Cells = Partial<Record<Column, string>>;

/** Indicators whose numerator is a part of the denominator: a numerator above it is impossible. */
export function isProperRate(indicator: Indicator): boolean {
  if (indicator.bounded) return true;
  if (['‰', '1/万', '1/10万'].includes(indicator.unit)) return true;
  // Among unbounded percentages only gross ratios (毛入园率, 毛入学率) rise above 100, and they should rise.
  return indicator.unit === '%' && indicator.direction === 'down';
}

/** A value may carry its unit as printed: 95%, 95％, 3.5‰. */
function stripUnit(text: string, unit: string | undefined): string {
  // Most cells end in a digit: no rewriting for them (a million rows a file).
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0x30 && last <= 0x39) return text;
  if (unit === '%') return text.replace(/[%％]$/, '');
  if (unit === '‰') return text.replace(/‰$/, '');
  return text;
}

/** Whether no cell holds anything (absent columns are undefined). */
export function allBlank(cells: Cells): boolean {
  for (const column in cells) {
    const v = cells[column as Column];
    if (v !== undefined && v !== '') return false;
  }
  return true;
}

export function validateRow(cells: Cells, ctx: RowContext): RowResult {
  const errors: CellError[] = [];
  const fail = (column: Column | null, message: string): void => {
    errors.push({ column, message });
  };
  const text = (column: Column): string => cells[column] ?? '';

  if (allBlank(cells)) return { kind: 'empty' };

  const indicatorCode = text('indicator');
  const indicator = indicatorCode === '' ? undefined : ctx.indicator(indicatorCode);
  if (indicatorCode === '') fail('indicator', '指标代码为空');
  else if (!indicator) fail('indicator', `未知的指标代码“${indicatorCode}”`);
  else if (indicator.aggregation === 'coverage') {
    fail('indicator', `指标“${indicator.name}”(${indicator.code})由下级单位数据计算得出,不能直接导入`);
  }

  const orgCode = text('org_unit');
  const level = orgCode === '' ? undefined : ctx.orgLevel(orgCode);
  if (orgCode === '') fail('org_unit', '单位代码为空');
  else if (!level) fail('org_unit', `未知的单位代码“${orgCode}”`);

  const yearText = text('year');
  const year = YEAR.test(yearText) ? Number(yearText.slice(0, 4)) : null;
  if (yearText === '') fail('year', '年份为空');
  else if (year === null) fail('year', `年份“${yearText}”不是四位数的年份`);
  else if (year < MIN_YEAR || year > MAX_YEAR) fail('year', `年份 ${year} 超出范围(${MIN_YEAR}–${MAX_YEAR})`);

  const sex = parseSex(text('sex'));
  if (!sex) fail('sex', `性别“${text('sex')}”无法识别(应为 合计/男/女 或 total/male/female)`);
  const area = parseArea(text('area'));
  if (!area) fail('area', `城乡“${text('area')}”无法识别(应为 合计/城镇/农村 或 total/urban/rural)`);
  const ageGroup = parseAgeGroup(text('age_group'));
  if (ageGroup.length > MAX_AGE_GROUP) fail('age_group', `年龄组“${ageGroup.slice(0, 20)}…”过长(最多 ${MAX_AGE_GROUP} 个字)`);
  for (const column of FREE_TEXT) {
    // PostgreSQL cannot store a NUL character; SQLite would. Refused on both alike.
    if (cells[column]?.includes('\u0000')) fail(column, `${COLUMN_LABELS[column]}含有不可见的控制字符(NUL),请删除后再导入`);
  }

  const yesNoUnit = indicator?.yesNo === true && level === indicator.level;
  const numbers = readNumbers(cells, indicator, yesNoUnit, fail);
  if (numbers === 'absent') {
    return errors.length > 0 ? { kind: 'errors', errors } : { kind: 'empty' };
  }
  if (errors.length > 0 || !indicator || !numbers || year === null || !sex || !area) {
    return { kind: 'errors', errors };
  }
  return {
    kind: 'row',
    row: {
      indicator: indicator.code,
      orgUnit: orgCode,
      year,
      sex,
      area,
      ageGroup,
      value: numbers.value,
      numerator: numbers.numerator,
      denominator: numbers.denominator,
      source: text('source') || null,
      note: text('note') || null,
    },
  };
}

type Numbers = { value: number; numerator: number | null; denominator: number | null };

/** Value, numerator and denominator; 'absent' when the row gives none of them (an unfilled row). */
function readNumbers(
  cells: Cells,
  indicator: Indicator | undefined,
  yesNoUnit: boolean,
  fail: (column: Column | null, message: string) => void,
): Numbers | 'absent' | null {
  // "—" and "/" are how Chinese tables write "no figure": the same as an empty cell.
  const blank = (t: string | undefined): string => (t === undefined || isNoData(t) ? '' : t);
  const valueText = blank(cells.value);
  const numText = blank(cells.numerator);
  const denText = blank(cells.denominator);
  if (valueText === '' && numText === '' && denText === '') return 'absent';

  if (yesNoUnit && indicator) {
    const yes = valueText === '' ? null : parseYesNo(valueText);
    if (yes === null && valueText !== '') {
      fail('value', `“${indicator.name}”在${levelName(indicator.level)}一级填写“是”或“否”(1 或 0),不能填写“${valueText}”`);
      return null;
    }
    if (yes !== null) return { value: yes * 100, numerator: yes, denominator: 1 };
  }

  const number = (column: Column, t: string): number | null => {
    if (t === '') return null;
    const n = parseNumber(stripUnit(t, indicator?.unit));
    if (n === null) fail(column, `${COLUMN_LABELS[column]}“${t}”不是数字`);
    else if (n < 0) fail(column, `${COLUMN_LABELS[column]}不能为负数(${t})`);
    return n !== null && n >= 0 ? n : null;
  };
  const value = number('value', valueText);
  const numerator = number('numerator', numText);
  const denominator = number('denominator', denText);
  if ((numText === '') !== (denText === '')) {
    fail(numText === '' ? 'numerator' : 'denominator', '分子和分母须同时填写');
    return null;
  }
  if ((valueText !== '' && value === null) || (numText !== '' && (numerator === null || denominator === null))) return null;
  if (!indicator) return null;

  let result: number;
  if (numerator !== null && denominator !== null) {
    if (denominator === 0) {
      fail('denominator', '分母不能为 0');
      return null;
    }
    if (isProperRate(indicator) && numerator > denominator) {
      fail('numerator', `分子(${numerator})大于分母(${denominator}),“${indicator.name}”的分子应是分母的一部分`);
      return null;
    }
    const computed = (numerator / denominator) * indicator.formula.factor;
    if (value !== null && !agrees(value, computed)) {
      fail('value', `数值 ${value} 与 分子/分母×${indicator.formula.factor} = ${round(computed)} 不一致(允许误差 0.5%)`);
      return null;
    }
    result = value ?? computed;
  } else if (value !== null) {
    result = value;
  } else {
    return null;
  }
  if (indicator.bounded && result > 100) {
    fail(value !== null ? 'value' : 'numerator', `“${indicator.name}”是百分比,不能超过 100(当前为 ${round(result)})`);
    return null;
  }
  return { value: result, numerator, denominator };
}

function agrees(value: number, computed: number): boolean {
  if (computed === 0) return Math.abs(value) < 1e-9;
  return Math.abs(value - computed) <= AGREEMENT_TOLERANCE * Math.abs(computed);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

const LEVEL_NAMES: Record<OrgLevel, string> = {
  province: '省',
  city: '市',
  county: '县(市、区)',
  township: '乡镇(街道)',
  village: '村(居)',
};

export function levelName(level: OrgLevel): string {
  return LEVEL_NAMES[level];
}

export { ORG_LEVELS };
