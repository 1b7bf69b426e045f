import { describe, expect, it } from 'vitest';
import { warningFactsOf } from './figures.js';
import { assess, indicator, lookup, target } from './phrasing.fixtures.js';
import { recommendation, warningReason } from './warningSentences.js';

function reason(ind: ReturnType<typeof indicator>, series: Record<number, number>, year: number): string {
  const { target: t, a } = assess(ind, series, year);
  return warningReason(warningFactsOf(ind, t, a, lookup(series)));
}

const under5 = indicator('5岁以下儿童死亡率', '‰', 'down', [target('max', 5)]);
const beds = indicator('每千名儿童儿科床位数', '张', 'up', [target('min', 2.8)]);
const inspections = indicator('校园及周边食品安全专项检查次数', '次/年', 'up', [target('maintain_min', 2)]);
const overweight = indicator('儿童超重肥胖率', '%', 'down', [target('no_increase', null)]);
const injury = indicator('儿童伤害死亡率', '1/10万', 'down', [target('max', 12)]);

describe('why an indicator carries a warning', () => {
  it('gives the projection of a red indicator off track', () => {
    expect(reason(under5, { 2020: 7.1, 2023: 6.7, 2024: 6.55 }, 2024)).toBe('按现有速度预计2030年为5.8‰,达不到≤5‰');
  });

  it('compares the actual with the required rate of a yellow indicator', () => {
    expect(reason(beds, { 2020: 2.2, 2023: 2.35, 2024: 2.41 }, 2024)).toBe('年均增长2.3%,慢于所需的年均2.5%');
  });

  it('says a maintained level fell back below the target', () => {
    expect(reason(inspections, { 2020: 3, 2021: 3, 2022: 2, 2023: 3, 2024: 1 }, 2024)).toBe(
      '回落到目标(保持≥2次/年)以下;最新一年变化-66.7%,波动较大',
    );
  });

  it('says a rate rising against a target of no increase moves the wrong way', () => {
    expect(reason(overweight, { 2020: 15, 2023: 15.8, 2024: 16.2 }, 2024)).toBe('年均增长1.9%,与目标方向相反');
  });

  it('says why an indicator on course is yellow: its last change jumped', () => {
    expect(reason(injury, { 2020: 12.5, 2021: 12.3, 2022: 12.1, 2023: 11.9, 2024: 9.0 }, 2024)).toBe('最新一年变化-24.4%,波动较大');
  });

  it('gives no reason without a warning', () => {
    expect(reason(injury, { 2020: 12.5, 2024: 11 }, 2024)).toBe('');
  });
});

describe('recommendations drafted from the warnings', () => {
  it('names the lead and the cooperating departments for an indicator off track', () => {
    expect(
      recommendation({
        name: '5岁以下儿童死亡率',
        status: 'off_track',
        volatile: false,
        lead: '卫生健康委员会',
        cooperating: ['医疗保障局'],
      }),
    ).toBe(
      '针对5岁以下儿童死亡率距目标尚有差距的问题,建议卫生健康委员会牵头,会同医疗保障局,分析差距成因,加大工作力度,力争如期实现规划目标。',
    );
  });

  it('asks to reverse a regression and to speed up a slow indicator', () => {
    expect(recommendation({ name: '儿童超重肥胖率', status: 'regressing', volatile: false, lead: '卫生健康委员会', cooperating: [] })).toBe(
      '针对儿童超重肥胖率出现退步的问题,建议卫生健康委员会牵头,查明退步原因,采取针对性措施扭转不利趋势。',
    );
    expect(
      recommendation({ name: '每千名儿童儿科床位数', status: 'needs_acceleration', volatile: false, lead: null, cooperating: [] }),
    ).toBe('针对每千名儿童儿科床位数需加快进度的问题,建议相关成员单位,加快工作进度,确保如期实现规划目标。');
  });

  it('asks to check the data of a volatile indicator on course, and says nothing of a green one', () => {
    expect(recommendation({ name: '儿童伤害死亡率', status: 'on_track', volatile: true, lead: '卫生健康委员会', cooperating: [] })).toBe(
      '针对儿童伤害死亡率波动较大的问题,建议卫生健康委员会牵头,核实数据质量,分析波动原因。',
    );
    expect(recommendation({ name: '新生儿死亡率', status: 'achieved', volatile: false, lead: '卫生健康委员会', cooperating: [] })).toBe('');
  });
});
