import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.js';

describe('mapping a header row', () => {
  it('accepts English and Chinese names in any order', () => {
    const { map, problems } = mapHeader(['年份', 'value', '单位代码', '指标代码', '性别']);
    expect(problems).toEqual([]);
    expect(map.index).toEqual({ year: 0, value: 1, org_unit: 2, indicator: 3, sex: 4 });
  });

  it('ignores a unit note in brackets and case', () => {
    const { map } = mapHeader(['Indicator', 'ORG_UNIT', '年份(年)', '数值(‰)']);
    expect(map.index).toMatchObject({ indicator: 0, org_unit: 1, year: 2, value: 3 });
  });

  it('accepts numerator and denominator instead of a value', () => {
    expect(mapHeader(['指标代码', '单位代码', '年份', '分子', '分母']).problems).toEqual([]);
  });

  it('names each missing required column', () => {
    const { problems } = mapHeader(['指标代码', '数值']);
    expect(problems.map((p) => p.message)).toEqual(['缺少必需的列“单位代码”(org_unit)', '缺少必需的列“年份”(year)']);
  });

  it('refuses a file without value or numerator and denominator', () => {
    const { problems } = mapHeader(['指标代码', '单位代码', '年份', '分子']);
    expect(problems[0]?.message).toContain('缺少“数值”列');
  });

  it('refuses a column named twice, naming its position', () => {
    const { problems } = mapHeader(['指标代码', '单位代码', '年份', '数值', 'value']);
    expect(problems).toEqual([{ position: 5, message: '表头“value”重复(与第4列同为“数值”)' }]);
  });

  it('lists unknown columns to be ignored', () => {
    const { map, problems } = mapHeader(['指标代码', '单位代码', '年份', '数值', '填报人']);
    expect(problems).toEqual([]);
    expect(map.ignored).toEqual([{ position: 5, header: '填报人' }]);
  });

  it('hints at the encoding when no column is recognised', () => {
    const { problems } = mapHeader(['ָ�����', '��λ']);
    expect(problems.at(-1)?.message).toContain('请检查文件编码');
  });
});
