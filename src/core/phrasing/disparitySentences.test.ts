import { describe, expect, it } from 'vitest';
import { countySentence, disparityJudgement, printedTrend, trendSummarySentence, urbanRuralSentence } from './disparitySentences.js';

describe('disparities in words', () => {
  it('gives the urban and rural values, the gap and its change since the baseline', () => {
    expect(
      urbanRuralSentence({
        name: '5岁以下儿童死亡率',
        unit: '‰',
        digits: 1,
        place: '四平市',
        year: 2024,
        urban: 5.12,
        rural: 7.84,
        baselineYear: 2020,
        baselineUrban: 6.0,
        baselineRural: 9.3,
      }),
    ).toBe('2024年,四平市城镇和农村5岁以下儿童死亡率分别为5.1‰和7.8‰,城乡差距为2.7个千分点,比2020年缩小0.6个千分点。');
  });

  it('leaves out the change without baseline values', () => {
    expect(
      urbanRuralSentence({
        name: '建立家长学校或家庭教育指导服务点的社区(村)比例',
        unit: '%',
        digits: 1,
        place: '梨树县',
        year: 2024,
        urban: 96,
        rural: 88.44,
        baselineYear: null,
        baselineUrban: null,
        baselineRural: null,
      }),
    ).toBe('2024年,梨树县城镇和农村建立家长学校或家庭教育指导服务点的社区(村)比例分别为96.0%和88.4%,城乡差距为7.6个百分点。');
  });

  it('names the highest and lowest county and the change of the range', () => {
    expect(
      countySentence({
        name: '儿童伤害死亡率',
        unit: '1/10万',
        digits: 1,
        year: 2024,
        counties: 5,
        highest: { orgName: '双辽市', value: 15.24 },
        lowest: { orgName: '铁西区', value: 11.31 },
        baselineYear: 2020,
        baselineRange: 3.4,
      }),
    ).toBe(
      '2024年,5个县(市、区)中,双辽市儿童伤害死亡率最高,为15.2/10万,铁西区最低,为11.3/10万,相差3.9个十万分点,比2020年扩大0.5个十万分点。',
    );
  });

  it('counts how many gaps narrowed and widened', () => {
    expect(trendSummarySentence('城乡分组数据', '城乡差距', 2020, { narrowing: 2, widening: 1, stable: 0 })).toBe(
      '在有城乡分组数据的3项指标中,与2020年相比,城乡差距缩小的有2项,扩大的有1项。',
    );
    expect(trendSummarySentence('城乡分组数据', '城乡差距', 2020, { narrowing: 0, widening: 0, stable: 0 })).toBe('');
  });

  it('judges whether the gaps narrowed, widened or held', () => {
    expect(disparityJudgement('城乡差距', { narrowing: 3, widening: 1, stable: 0 })).toBe('城乡差距总体缩小。');
    expect(disparityJudgement('县(市、区)间差距', { narrowing: 10, widening: 14, stable: 1 })).toBe('县(市、区)间差距有所扩大。');
    expect(disparityJudgement('城乡差距', { narrowing: 1, widening: 1, stable: 1 })).toBe('城乡差距总体稳定。');
  });

  it('compares gaps as printed, so a gap printed the same is stable', () => {
    expect(printedTrend(2.04, 1.96, 1)).toBe('stable');
    expect(printedTrend(2.06, 1.94, 1)).toBe('widening');
    expect(printedTrend(1.2, 1.3, 1)).toBe('narrowing');
  });
});
