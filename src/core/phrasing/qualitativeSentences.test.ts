import { describe, expect, it } from 'vitest';
import { qualitativeSummarySentence } from './qualitativeSentences.js';

const none = { achieved: 0, on_track: 0, needs_acceleration: 0, off_track: 0, not_assessed: 0, unrated: 0 };

describe('the qualitative goals in words', () => {
  it('counts reports and ratings, and what is still open', () => {
    expect(
      qualitativeSummarySentence(2024, 120, 30, { ...none, achieved: 5, on_track: 10, needs_acceleration: 6, off_track: 4, unrated: 95 }),
    ).toBe(
      '2024年,纳入评估的主要目标和策略措施共120项,已有30项报送了进展情况;已评估25项,其中已实现5项、进展顺利10项、需加快进度6项、滞后4项;尚有95项未评估。',
    );
  });

  it('counts a rating of 未评估 as not yet evaluated', () => {
    expect(qualitativeSummarySentence(2024, 3, 3, { ...none, achieved: 2, not_assessed: 1 })).toBe(
      '2024年,纳入评估的主要目标和策略措施共3项,已有3项报送了进展情况;已评估2项,其中已实现2项;尚有1项未评估。',
    );
  });

  it('says when nothing was reported or rated', () => {
    expect(qualitativeSummarySentence(2024, 120, 0, { ...none, unrated: 120 })).toBe(
      '2024年,纳入评估的主要目标和策略措施共120项,尚无牵头单位报送进展情况;评估组尚未作出评估。',
    );
  });
});
