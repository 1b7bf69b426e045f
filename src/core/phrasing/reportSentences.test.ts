import { describe, expect, it } from 'vitest';
import { assessSeries } from '../assess/assess-series.js';
import type { Indicator, Target } from '../plan/types.js';
import { figureOf } from './figures.js';
import {
  breakdownSentence,
  changeClause,
  fromToClause,
  type IndicatorFigure,
  indicatorSentence,
  indicatorsSentence,
  judgementsSentence,
  missingDataSentence,
  percentChangeClause,
  statusJudgement,
  summarySentence,
} from './reportSentences.js';

function target(kind: Target['kind'], value: number | null, extra: Partial<Target> = {}): Target {
  return { kind, value, milestones: null, coverage: null, baselineYear: 2020, targetYear: 2030, sex: 'total', area: 'total', ...extra };
}

function indicator(code: string, name: string, unit: string, direction: 'up' | 'down', targets: Target[], bounded = false): Indicator {
  return {
    code,
    name,
    unit,
    domain: 'H',
    planRef: 'H3',
    direction,
    bounded,
    yesNo: false,
    formula: { numerator: null, denominator: null, factor: unit === '‰' ? 1000 : 100 },
    aggregation: 'ratio',
    level: 'county',
    targets,
    note: '',
  };
}

/** The sentence of a hand-made series assessed in `year`, through assessSeries as the reports do it. */
function sentenceOf(ind: Indicator, series: Record<number, number>, year: number, place = '四平市'): string {
  const t = ind.targets[0] ?? null;
  const observations = Object.entries(series).map(([y, value]) => ({ year: Number(y), value }));
  const a = assessSeries({ target: t, bounded: ind.bounded, direction: ind.direction, observations, year });
  const figure = figureOf(ind, t, a, (y) => series[y] ?? null);
  if (!figure) throw new Error('no figure');
  return indicatorSentence(place, figure);
}

const neonatal = indicator('neonatal_mortality', '新生儿死亡率', '‰', 'down', [target('max', 3)]);
const infant = indicator('infant_mortality', '婴儿死亡率', '‰', 'down', [target('max', 4)]);
const under5 = indicator('under5_mortality', '5岁以下儿童死亡率', '‰', 'down', [target('max', 5)]);
const fitness = indicator('fitness_good_rate', '国家学生体质健康标准达标优良率', '%', 'up', [target('min', 60)], true);
const doctors = indicator('pediatricians_per_1000', '每千名儿童儿科执业(助理)医生数', '人', 'up', [target('min', 1.05)]);
const immunization = indicator('immunization_rate', '适龄儿童免疫规划疫苗接种率', '%', 'up', [target('maintain_min', 95)], true);
const inspections = indicator('school_food_inspections', '校园及周边食品安全专项检查次数', '次/年', 'up', [target('maintain_min', 2)]);
const overweight = indicator('child_overweight_obesity', '儿童超重肥胖率', '%', 'up', [target('no_increase', null)]);
overweight.direction = 'down';

describe('the sentence of one indicator, from a hand-made series', () => {
  it('says a mortality rate met before the target year fell by 个千分点 and is 已提前实现规划目标', () => {
    expect(sentenceOf(neonatal, { 2020: 3.6, 2023: 3.2, 2024: 2.94 }, 2024)).toBe(
      '2024年,四平市新生儿死亡率为2.9‰,比上年下降0.3个千分点,已提前实现规划目标。',
    );
  });

  it('says 实现规划目标 when the target year has come', () => {
    expect(sentenceOf(neonatal, { 2020: 3.6, 2029: 3.1, 2030: 2.8 }, 2030)).toBe(
      '2030年,四平市新生儿死亡率为2.8‰,比上年下降0.3个千分点,实现规划目标。',
    );
  });

  it('says a rate on course rose by 个百分点 and is 进展顺利', () => {
    expect(sentenceOf(fitness, { 2020: 40, 2021: 43, 2022: 46, 2023: 49, 2024: 52.56 }, 2024)).toBe(
      '2024年,四平市国家学生体质健康标准达标优良率为52.6%,比上年上升3.6个百分点,进展顺利。',
    );
  });

  it('says 与上年持平 when the printed figures are equal, though the stored ones differ', () => {
    expect(sentenceOf(under5, { 2020: 7, 2023: 6.54, 2024: 6.51 }, 2024)).toBe(
      '2024年,四平市5岁以下儿童死亡率为6.5‰,与上年持平,距目标尚有差距。',
    );
  });

  it('takes the change between the printed figures, so that it matches the table', () => {
    // 2.549 → 2.5 and 2.751 → 2.8: the reader sees a fall of 0.3, not the stored 0.202.
    expect(sentenceOf(neonatal, { 2020: 3.6, 2023: 2.751, 2024: 2.549 }, 2024)).toBe(
      '2024年,四平市新生儿死亡率为2.5‰,比上年下降0.3个千分点,已提前实现规划目标。',
    );
  });

  it('says a rate that needs to fall faster 需加快进度', () => {
    expect(sentenceOf(infant, { 2020: 6, 2023: 5.5, 2024: 5.3 }, 2024)).toBe(
      '2024年,四平市婴儿死亡率为5.3‰,比上年下降0.2个千分点,需加快进度。',
    );
  });

  it('says a rate moving away from its target rose and 出现退步', () => {
    expect(sentenceOf(under5, { 2020: 6, 2023: 6.2, 2024: 6.4 }, 2024)).toBe(
      '2024年,四平市5岁以下儿童死亡率为6.4‰,比上年上升0.2个千分点,出现退步。',
    );
  });

  it('gives doctors per 1000 children with the two decimals of their target and a change in 人', () => {
    expect(sentenceOf(doctors, { 2020: 0.8, 2023: 0.89, 2024: 0.924 }, 2024, '梨树县')).toBe(
      '2024年,梨树县每千名儿童儿科执业(助理)医生数为0.92人,比上年增加0.03人,进展顺利。',
    );
  });

  it('says a maintained level that held is 实现规划目标, not 提前', () => {
    expect(sentenceOf(immunization, { 2020: 96.2, 2023: 97.5, 2024: 97.74 }, 2024)).toBe(
      '2024年,四平市适龄儿童免疫规划疫苗接种率为97.7%,比上年上升0.2个百分点,实现规划目标。',
    );
  });

  it('counts inspections as whole times and a fall below the maintained level as 出现退步', () => {
    expect(sentenceOf(inspections, { 2020: 3, 2022: 4, 2023: 3, 2024: 1 }, 2024)).toBe(
      '2024年,四平市校园及周边食品安全专项检查次数为1次,比上年减少2次,出现退步。',
    );
  });

  it('speaks of the latest year with data and leaves out the change without the year before', () => {
    expect(sentenceOf(overweight, { 2020: 15, 2022: 14.2 }, 2024)).toBe('2022年,四平市儿童超重肥胖率为14.2%,实现规划目标。');
  });
});

describe('clauses', () => {
  it('compares with the baseline year in 个千分点', () => {
    expect(changeClause(4.0, 5.4, '‰', 1, '2020年')).toBe('比2020年下降1.4个千分点');
  });

  it('says where a rate went from and to', () => {
    expect(fromToClause(2020, 5.4, 4.0, '‰', 1)).toBe('由2020年的5.4‰下降到4.0‰');
    expect(fromToClause(2020, 88.04, 92.51, '%', 1, 2024)).toBe('由2020年的88.0%上升到2024年的92.5%');
    expect(fromToClause(2020, 2.8, 2.84, '张', 1)).toBe('与2020年持平,为2.8张');
  });

  it('gives a count change as a percentage when asked', () => {
    expect(percentChangeClause(1052, 1000)).toBe('比上年增长5.2%');
    expect(percentChangeClause(969, 1000)).toBe('比上年下降3.1%');
    expect(percentChangeClause(1000, 1000)).toBe('与上年持平');
  });

  it('uses 个十万分点 for rates per 100 000', () => {
    expect(changeClause(13.56, 14.02, '1/10万', 1)).toBe('比上年下降0.4个十万分点');
  });

  it('judges each status in the issue words', () => {
    expect(statusJudgement('achieved', 2024, 2030)).toBe('已提前实现规划目标');
    expect(statusJudgement('achieved', 2030, 2030)).toBe('实现规划目标');
    expect(statusJudgement('achieved', 2024, null)).toBe('实现规划目标');
    expect(statusJudgement('on_track', 2024, 2030)).toBe('进展顺利');
    expect(statusJudgement('needs_acceleration', 2024, 2030)).toBe('需加快进度');
    expect(statusJudgement('off_track', 2024, 2030)).toBe('距目标尚有差距');
    expect(statusJudgement('regressing', 2024, 2030)).toBe('出现退步');
    expect(statusJudgement('not_assessed', 2024, null)).toBe('');
  });
});

function figure(name: string, value: number, previous: number | null, status: IndicatorFigure['status'], unit = '‰'): IndicatorFigure {
  return { name, unit, digits: 1, year: 2024, value, previous, status, targetYear: 2030 };
}

describe('several indicators in one sentence', () => {
  it('gives values and changes 分别 when they all moved the same way, and one judgement for all', () => {
    expect(
      indicatorsSentence('四平市', [
        figure('新生儿死亡率', 2.5, 2.8, 'on_track'),
        figure('婴儿死亡率', 4.0, 4.5, 'on_track'),
        figure('5岁以下儿童死亡率', 5.6, 6.2, 'on_track'),
      ]),
    ).toBe(
      '2024年,四平市新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别为2.5‰、4.0‰和5.6‰,分别比上年下降0.3个、0.5个和0.6个千分点,均进展顺利。',
    );
  });

  it('gives each change and groups the judgements when they differ', () => {
    expect(
      indicatorsSentence('四平市', [
        figure('新生儿死亡率', 2.5, 2.8, 'achieved'),
        figure('婴儿死亡率', 4.5, 4.5, 'on_track'),
        figure('5岁以下儿童死亡率', 6.3, 6.2, 'on_track'),
      ]),
    ).toBe(
      '2024年,四平市新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别为2.5‰、4.5‰和6.3‰,新生儿死亡率比上年下降0.3个千分点,婴儿死亡率与上年持平,5岁以下儿童死亡率比上年上升0.1个千分点,其中新生儿死亡率已提前实现规划目标,婴儿死亡率和5岁以下儿童死亡率进展顺利。',
    );
  });

  it('lists amounts with their unit each', () => {
    expect(
      indicatorsSentence('四平市', [
        { ...figure('每千名儿童儿科床位数', 2.4, 2.3, 'needs_acceleration', '张') },
        { ...figure('每千人口拥有3岁以下婴幼儿托位数', 3.1, 2.6, 'needs_acceleration', '个') },
      ]),
    ).toBe(
      '2024年,四平市每千名儿童儿科床位数和每千人口拥有3岁以下婴幼儿托位数分别为2.4张和3.1个,每千名儿童儿科床位数比上年增加0.1张,每千人口拥有3岁以下婴幼儿托位数比上年增加0.5个,均需加快进度。',
    );
  });

  it('says 均与上年持平 when none changed', () => {
    expect(indicatorsSentence('铁西区', [figure('新生儿死亡率', 2.5, 2.5, 'achieved'), figure('婴儿死亡率', 3.9, 3.9, 'achieved')])).toBe(
      '2024年,铁西区新生儿死亡率和婴儿死亡率分别为2.5‰和3.9‰,均与上年持平,均已提前实现规划目标。',
    );
  });
});

describe('summary figures', () => {
  it('gives the line of the previous decade’s reports overall', () => {
    expect(summarySentence({ total: 33, assessed: 33, achieved: 31, insufficientData: 0, notAssessed: 0 })).toBe(
      '在可监测的33项指标中,有31项已实现目标,达标率93.9%。',
    );
  });

  it('names the domain and says how many could not be monitored for lack of data', () => {
    expect(summarySentence({ total: 19, assessed: 17, achieved: 10, insufficientData: 2, notAssessed: 0 }, '儿童与健康')).toBe(
      '在儿童与健康领域可监测的17项指标中,有10项已实现目标,达标率58.8%;另有2项指标因缺少数据暂无法监测。',
    );
  });

  it('says when none is achieved yet, and when nothing could be monitored', () => {
    expect(summarySentence({ total: 3, assessed: 3, achieved: 0, insufficientData: 0, notAssessed: 0 }, '儿童与安全')).toBe(
      '在儿童与安全领域可监测的3项指标中,尚无指标实现目标,达标率0.0%。',
    );
    expect(summarySentence({ total: 2, assessed: 0, achieved: 0, insufficientData: 2, notAssessed: 0 }, '儿童与法律保护')).toBe(
      '儿童与法律保护领域2项指标均因缺少数据暂无法监测。',
    );
    expect(summarySentence({ total: 37, assessed: 0, achieved: 0, insufficientData: 37, notAssessed: 0 })).toBe(
      '全部37项指标均因缺少数据暂无法监测。',
    );
  });

  it('breaks down the rest by status', () => {
    expect(
      breakdownSentence({
        achieved: 13,
        on_track: 15,
        needs_acceleration: 2,
        off_track: 4,
        regressing: 3,
        insufficient_data: 0,
        not_assessed: 0,
      }),
    ).toBe('其余指标中,进展顺利15项,需加快进度2项,距目标尚有差距4项,出现退步3项。');
  });

  it('lists indicators without data', () => {
    expect(missingDataSentence(['儿童溺水死亡率', '儿童伤害死亡率'])).toBe('儿童溺水死亡率和儿童伤害死亡率缺少监测数据,暂无法监测。');
  });
});

describe('the judgements of several units', () => {
  it('groups the counties by judgement', () => {
    expect(
      judgementsSentence([
        { name: '铁西区', status: 'achieved', year: 2024, targetYear: 2030 },
        { name: '铁东区', status: 'on_track', year: 2024, targetYear: 2030 },
        { name: '梨树县', status: 'achieved', year: 2024, targetYear: 2030 },
        { name: '双辽市', status: 'regressing', year: 2024, targetYear: 2030 },
      ]),
    ).toBe('铁西区和梨树县已提前实现规划目标,铁东区进展顺利,双辽市出现退步。');
  });

  it('says 均 when every county shares one judgement', () => {
    expect(
      judgementsSentence([
        { name: '铁西区', status: 'on_track', year: 2024, targetYear: null },
        { name: '铁东区', status: 'on_track', year: 2024, targetYear: null },
      ]),
    ).toBe('各县(市、区)均进展顺利。');
  });
});
