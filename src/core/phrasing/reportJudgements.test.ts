import { describe, expect, it } from 'vitest';
import type { Status } from '../assess/types.js';
import { attentionFinding, overallJudgement, progressFinding } from './reportJudgements.js';

function counts(c: Partial<Record<Status, number>>): Record<Status, number> {
  return { achieved: 0, on_track: 0, needs_acceleration: 0, off_track: 0, regressing: 0, insufficient_data: 0, not_assessed: 0, ...c };
}

describe('judgements chosen from the statuses', () => {
  it('says the domain improves when most of its indicators are achieved or on track', () => {
    expect(progressFinding('H', counts({ achieved: 10, on_track: 5, off_track: 2, regressing: 1 }))).toBe('儿童健康水平持续提高。');
    expect(progressFinding('V', counts({ achieved: 1, on_track: 1, needs_acceleration: 1 }))).toBe('儿童成长环境持续改善。');
  });

  it('speaks only of some indicators when the progress is the minority', () => {
    expect(progressFinding('S', counts({ on_track: 1, off_track: 1, regressing: 1 }))).toBe('部分指标取得积极进展。');
  });

  it('asks for attention more sharply when indicators are off track or falling back', () => {
    expect(attentionFinding(counts({ needs_acceleration: 2 }))).toBe('部分指标需加快推进。');
    expect(attentionFinding(counts({ needs_acceleration: 1, regressing: 1 }))).toBe('部分指标进展滞后,需引起重视。');
  });

  it('judges the year as a whole', () => {
    expect(overallJudgement(counts({ achieved: 20, on_track: 10, needs_acceleration: 2 }))).toBe('总体进展顺利');
    expect(overallJudgement(counts({ achieved: 13, on_track: 15, needs_acceleration: 2, off_track: 4, regressing: 3 }))).toBe(
      '总体进展顺利,但部分指标需加快推进',
    );
    expect(overallJudgement(counts({ achieved: 2, on_track: 2, off_track: 5 }))).toBe('稳步推进,但部分指标进展滞后');
    expect(overallJudgement(counts({ achieved: 1, off_track: 5 }))).toBe('面临较大压力,多数指标需加快推进');
    expect(overallJudgement(counts({ insufficient_data: 3 }))).toBe('因缺少监测数据,暂无法作出总体判断');
  });
});
