/** The qualitative goals (methodology §6) in words: what they are and how the evaluation group rated them. */
import type { RatingCounts } from '../plan/qualitative.js';
import { RATING_LABELS } from './qualitativeLabels.js';

export const QUALITATIVE_BASIS =
  '规划中未设监测指标的主要目标和策略措施,由妇儿工委办公室(评估组)根据牵头单位报送的进展情况逐项评估;评估结果单独统计,不计入监测指标的达标率。';

const RATED = ['achieved', 'on_track', 'needs_acceleration', 'off_track'] as const;

/**
 * 「2024年,纳入评估的主要目标和策略措施共120项,已有30项报送了进展情况;已评估25项,其中已实现5项、
 * 进展顺利10项、需加快进度6项、滞后4项;尚有95项未评估。」
 */
export function qualitativeSummarySentence(year: number, items: number, reported: number, counts: Readonly<RatingCounts>): string {
  if (items === 0) return `${year}年没有需要单独评估的主要目标和策略措施。`;
  const rated = RATED.reduce((n, r) => n + counts[r], 0);
  const opening = `${year}年,纳入评估的主要目标和策略措施共${items}项,${reported === 0 ? '尚无牵头单位报送进展情况' : `已有${reported}项报送了进展情况`}`;
  if (rated === 0) return `${opening};评估组尚未作出评估。`;
  const listed = RATED.filter((r) => counts[r] > 0).map((r) => `${RATING_LABELS[r]}${counts[r]}项`);
  const open = items - rated;
  return `${opening};已评估${rated}项,其中${listed.join('、')}${open > 0 ? `;尚有${open}项未评估` : ''}。`;
}
