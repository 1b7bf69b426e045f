import { describe, expect, it } from 'vitest';
import { outlookFigureOf, progressFigureOf, riskFigureOf } from './figures.js';
import { assess, indicator, target } from './phrasing.fixtures.js';
import { outlookSentence, progressSentence, riskSentence } from './progressSentences.js';

function progress(ind: ReturnType<typeof indicator>, series: Record<number, number>, year: number): string {
  const { target: t, a } = assess(ind, series, year);
  const f = progressFigureOf(ind, t, a);
  if (!f) throw new Error('no figure');
  return progressSentence(f);
}

function risk(ind: ReturnType<typeof indicator>, series: Record<number, number>, year: number): string {
  const { target: t, a } = assess(ind, series, year);
  const f = riskFigureOf(ind, t, a);
  if (!f) throw new Error('no figure');
  return riskSentence(f);
}

function outlook(ind: ReturnType<typeof indicator>, series: Record<number, number>, year: number): string {
  const { target: t, a } = assess(ind, series, year);
  const f = outlookFigureOf(ind, t, a);
  if (!f) throw new Error('no figure');
  return outlookSentence(f);
}

const under5 = indicator('5岁以下儿童死亡率', '‰', 'down', [target('max', 5)]);
const neonatal = indicator('新生儿死亡率', '‰', 'down', [target('max', 3)]);
const fitness = indicator('国家学生体质健康标准达标优良率', '%', 'up', [target('min', 60)], true);
const overweight = indicator('儿童超重肥胖率', '%', 'down', [target('no_increase', null)]);
const inspections = indicator('校园及周边食品安全专项检查次数', '次/年', 'up', [target('maintain_min', 2)]);
const myopia = indicator('儿童新发近视率', '%', 'down', [target('trend_down', null)]);

describe('progress since the baseline', () => {
  it('compares the actual yearly fall with the fall the target requires', () => {
    expect(progress(under5, { 2020: 7.1, 2025: 6.5 }, 2025)).toBe(
      '5岁以下儿童死亡率由2020年的7.1‰下降到2025年的6.5‰,年均下降1.8%,而实现规划目标需年均下降5.1%,距目标尚有差距。',
    );
  });

  it('says an indicator on course moves faster than required', () => {
    expect(progress(fitness, { 2020: 40, 2025: 52 }, 2025)).toBe(
      '国家学生体质健康标准达标优良率由2020年的40.0%上升到2025年的52.0%,与100%的差距年均缩小4.4%,快于实现规划目标所需的年均缩小3.6%,进展顺利。',
    );
  });

  it('says a pace just short of the required one but on track is about as fast', () => {
    const tap = indicator('农村自来水普及率', '%', 'up', [target('min', 99)], true);
    expect(progress(tap, { 2020: 91.3, 2022: 94.3, 2024: 96.3 }, 2024)).toBe(
      '农村自来水普及率由2020年的91.3%上升到2024年的96.3%,与100%的差距年均缩小19.2%,与实现规划目标所需的年均缩小19.6%基本相当,进展顺利。',
    );
  });

  it('leaves out the rates once the target is achieved', () => {
    expect(progress(neonatal, { 2020: 3.5, 2025: 2.9 }, 2025)).toBe('新生儿死亡率由2020年的3.5‰下降到2025年的2.9‰,已提前实现规划目标。');
  });

  it('gives the yearly change of a trend target without a required rate', () => {
    expect(progress(myopia, { 2020: 13, 2025: 11.2 }, 2025)).toBe(
      '儿童新发近视率由2020年的13.0%下降到2025年的11.2%,年均下降2.9%,进展顺利。',
    );
  });
});

describe('targets expected to be missed', () => {
  it('projects the current rate to the target year', () => {
    expect(risk(under5, { 2020: 7.1, 2025: 6.5 }, 2025)).toBe(
      '按2020年以来的变化速度推算,到2030年5岁以下儿童死亡率预计为6.0‰,达不到≤5‰的规划目标。',
    );
  });

  it('says a maintained level fell back below the target', () => {
    expect(risk(inspections, { 2020: 3, 2024: 3, 2025: 1 }, 2025)).toBe(
      '2025年校园及周边食品安全专项检查次数为1次,回落到规划目标(保持≥2次/年)以下。',
    );
  });

  it('says a rising rate runs against a target of no increase', () => {
    expect(risk(overweight, { 2020: 15, 2025: 16.2 }, 2025)).toBe('儿童超重肥胖率2020年以来年均增长1.6%,与“不再上升”的规划目标相反。');
  });

  it('says at the final evaluation that a target was not reached by its year', () => {
    expect(risk(under5, { 2020: 7.1, 2030: 5.6 }, 2030)).toBe('5岁以下儿童死亡率2030年为5.6‰,到目标年份仍未达到≤5‰的规划目标。');
  });
});

// Rates and projections computed independently in python3 (r, yP and q of methodology §1.6–1.9).
describe('the outlook to the target year on the indicator page', () => {
  it('gives the projection, the target and the yearly fall it requires', () => {
    expect(outlook(neonatal, { 2020: 3.8, 2024: 3.5 }, 2024)).toBe('按当前速度,2030年预计为3.1‰,目标为3‰以下,需年均下降2.5%。');
  });

  it('speaks of the gap to 100 for a bounded indicator whose direction is up', () => {
    expect(outlook(fitness, { 2020: 40, 2025: 52 }, 2025)).toBe('按当前速度,2030年预计为61.6%,目标为60%以上,需与100%的差距年均缩小3.6%。');
  });

  it('gives a reduction target as the level it comes to', () => {
    const anemia = indicator('儿童贫血患病率', '%', 'down', [target('reduce_by', 0.2)]);
    expect(outlook(anemia, { 2020: 10, 2024: 9 }, 2024)).toBe(
      '按当前速度,2030年预计为7.7%,目标为8.0%以下(比2020年下降20%),需年均下降1.9%。',
    );
  });

  it('looks to the active milestone of a milestone target', () => {
    const centres = indicator(
      '儿童活动中心覆盖率',
      '%',
      'up',
      [
        target('milestones', null, {
          milestones: [
            { year: 2025, value: 70 },
            { year: 2030, value: 90 },
          ],
        }),
      ],
      true,
    );
    expect(outlook(centres, { 2020: 50, 2024: 62 }, 2024)).toBe('按当前速度,2025年预计为64.5%,目标为70%以上,需与100%的差距年均缩小21.1%。');
  });

  it('gives the current rate of a trend target', () => {
    expect(outlook(myopia, { 2020: 13, 2025: 11.2 }, 2025)).toBe('按当前速度(年均下降2.9%),2030年预计为9.6%,目标为持续下降,进展顺利。');
  });

  it('says an achieved target is achieved', () => {
    expect(outlook(neonatal, { 2020: 3.5, 2025: 2.9 }, 2025)).toBe('2025年为2.9‰,目标为3‰以下,已提前实现规划目标。');
  });

  it('says a maintained level fell back', () => {
    expect(outlook(inspections, { 2020: 3, 2024: 3, 2025: 1 }, 2025)).toBe('2025年为1次,目标为保持在2次以上,出现退步。');
  });

  it('says a target was not reached by its year', () => {
    expect(outlook(under5, { 2020: 7.1, 2030: 5.6 }, 2030)).toBe('2030年为5.6‰,目标年份已到,未达到5‰以下的目标。');
  });

  it('says an indicator without a target has none', () => {
    const noTarget = indicator('儿童参加基本医疗保险比例', '%', 'up', []);
    expect(outlook(noTarget, { 2020: 90, 2024: 92 }, 2024)).toBe('2024年为92.0%,本指标没有量化的规划目标。');
  });

  it('says a single value is too little to judge', () => {
    expect(outlook(under5, { 2024: 6.1 }, 2024)).toBe('2024年为6.1‰,目标为5‰以下,尚无法判断进展。');
  });
});
