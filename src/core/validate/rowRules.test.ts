import { describe, expect, it } from 'vitest';
import type { Indicator, OrgLevel } from '../plan/types.js';
import { type Cells, isProperRate, type RowContext, validateRow } from './rowRules.js';

function indicator(code: string, over: Partial<Indicator> = {}): Indicator {
  return {
    code,
    name: code,
    unit: '%',
    domain: 'H',
    planRef: 'H1',
    direction: 'up',
    bounded: true,
    yesNo: false,
    formula: { numerator: 'n', denominator: 'd', factor: 100 },
    aggregation: 'ratio',
    level: 'county',
    targets: [],
    note: '',
    ...over,
  };
}

const indicators = new Map([
  ['visit', indicator('visit')],
  [
    'mortality',
    indicator('mortality', { unit: '‰', direction: 'down', bounded: false, formula: { numerator: 'n', denominator: 'd', factor: 1000 } }),
  ],
  ['gross', indicator('gross', { bounded: false })],
  ['home', indicator('home', { yesNo: true, level: 'village' })],
  ['share', indicator('share', { aggregation: 'coverage' })],
]);
const orgs = new Map<string, OrgLevel>([
  ['220300', 'city'],
  ['220302', 'county'],
  ['220302001001', 'village'],
]);
const ctx: RowContext = { indicator: (c) => indicators.get(c), orgLevel: (c) => orgs.get(c) };
const row = (cells: Cells) => validateRow({ indicator: 'visit', org_unit: '220302', year: '2024', ...cells }, ctx);
const messages = (cells: Cells) => {
  const result = row(cells);
  return result.kind === 'errors' ? result.errors.map((e) => `${e.column}: ${e.message}`) : [];
};

describe('the rules of one import row', () => {
  it('accepts a value and fills the defaults', () => {
    expect(row({ value: '95.5' })).toEqual({
      kind: 'row',
      row: {
        indicator: 'visit',
        orgUnit: '220302',
        year: 2024,
        sex: 'total',
        area: 'total',
        ageGroup: 'total',
        value: 95.5,
        numerator: null,
        denominator: null,
        source: null,
        note: null,
      },
    });
  });

  it('computes the value from numerator and denominator with the factor', () => {
    const result = validateRow({ indicator: 'mortality', org_unit: '220302', year: '2024', numerator: '8', denominator: '2000' }, ctx);
    expect(result.kind === 'row' && result.row.value).toBe(4);
  });

  it('accepts a value within 0.5 % of numerator / denominator and refuses one beyond', () => {
    const base = { indicator: 'mortality', org_unit: '220302', year: '2024', numerator: '8', denominator: '2000' };
    expect(validateRow({ ...base, value: '4.019' }, ctx).kind).toBe('row');
    expect(validateRow({ ...base, value: '4.03' }, ctx).kind).toBe('errors');
  });

  it('treats a row without any number as unfilled, not as an error', () => {
    expect(row({}).kind).toBe('empty');
    expect(validateRow({}, ctx).kind).toBe('empty');
  });

  it('names the column of every problem in the row', () => {
    expect(validateRow({ indicator: 'nope', org_unit: 'x', year: '1999', value: 'abc', sex: '?' }, ctx)).toEqual({
      kind: 'errors',
      errors: [
        { column: 'indicator', message: '未知的指标代码“nope”' },
        { column: 'org_unit', message: '未知的单位代码“x”' },
        { column: 'year', message: '年份 1999 超出范围(2000–2100)' },
        { column: 'sex', message: '性别“?”无法识别(应为 合计/男/女 或 total/male/female)' },
        { column: 'value', message: '数值“abc”不是数字' },
      ],
    });
  });

  it('refuses negative numbers, percentages above 100 and a zero denominator', () => {
    expect(messages({ value: '-1' })).toEqual(['value: 数值不能为负数(-1)']);
    expect(messages({ value: '100.1' })).toEqual(['value: “visit”是百分比,不能超过 100(当前为 100.1)']);
    expect(messages({ numerator: '1', denominator: '0' })).toEqual(['denominator: 分母不能为 0']);
  });

  it('lets a gross ratio exceed 100 and its numerator exceed the denominator', () => {
    expect(validateRow({ indicator: 'gross', org_unit: '220302', year: '2024', numerator: '105', denominator: '100' }, ctx).kind).toBe(
      'row',
    );
    expect(isProperRate(indicators.get('gross') as Indicator)).toBe(false);
    expect(isProperRate(indicators.get('mortality') as Indicator)).toBe(true);
  });

  it('refuses a numerator above the denominator of a proper rate', () => {
    expect(messages({ numerator: '30', denominator: '20' })[0]).toContain('numerator: 分子(30)大于分母(20)');
  });

  it('reads a village answer to a yes/no indicator as 1/1 or 0/1', () => {
    const yes = validateRow({ indicator: 'home', org_unit: '220302001001', year: '2024', value: '是' }, ctx);
    expect(yes.kind === 'row' && [yes.row.value, yes.row.numerator, yes.row.denominator]).toEqual([100, 1, 1]);
    const no = validateRow({ indicator: 'home', org_unit: '220302001001', year: '2024', value: '0' }, ctx);
    expect(no.kind === 'row' && [no.row.value, no.row.numerator, no.row.denominator]).toEqual([0, 0, 1]);
  });

  it('takes a percentage for a yes/no indicator above its reporting level', () => {
    const county = validateRow({ indicator: 'home', org_unit: '220302', year: '2024', value: '62.5' }, ctx);
    expect(county.kind === 'row' && county.row.value).toBe(62.5);
  });

  it('refuses a derived coverage indicator', () => {
    expect(validateRow({ indicator: 'share', org_unit: '220302', year: '2024', value: '100' }, ctx)).toMatchObject({ kind: 'errors' });
  });

  it('strips a trailing % from a percentage and 年 from a year', () => {
    const result = row({ year: '2024年', value: '95%' });
    expect(result.kind === 'row' && [result.row.year, result.row.value]).toEqual([2024, 95]);
  });

  it('reads the words for all ages as the total age group and refuses one too long for the database', () => {
    for (const word of ['合计', '总计', 'Total', '']) {
      const result = row({ value: '95', age_group: word });
      expect(result.kind === 'row' && result.row.ageGroup).toBe('total');
    }
    const kept = row({ value: '95', age_group: '0-6' });
    expect(kept.kind === 'row' && kept.row.ageGroup).toBe('0-6');
    expect(messages({ value: '95', age_group: '年'.repeat(41) })[0]).toContain('age_group: 年龄组');
  });

  it('refuses a NUL character in free text, which PostgreSQL cannot store', () => {
    expect(messages({ value: '95', note: 'a\u0000b' })).toEqual(['note: 备注含有不可见的控制字符(NUL),请删除后再导入']);
  });

  it('reads a dash or slash as no figure, and a per-mille sign after the number', () => {
    expect(row({ value: '—' }).kind).toBe('empty');
    expect(row({ value: '/' }).kind).toBe('empty');
    const mortality = validateRow({ indicator: 'mortality', org_unit: '220302', year: '2024', value: '3.5‰' }, ctx);
    expect(mortality.kind === 'row' && mortality.row.value).toBe(3.5);
    const fullWidth = row({ value: '95％' });
    expect(fullWidth.kind === 'row' && fullWidth.row.value).toBe(95);
  });

  it('refuses a year that is not four digits', () => {
    expect(messages({ value: '95', year: '2,024' })).toEqual(['year: 年份“2,024”不是四位数的年份']);
    expect(messages({ value: '95', year: '24' })).toEqual(['year: 年份“24”不是四位数的年份']);
  });
});
