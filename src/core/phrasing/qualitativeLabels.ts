/** Chinese names of the qualitative goals' ratings and of plan item kinds, as reports spell them. */
import type { PlanItemKind, QualitativeRating } from '../plan/qualitative.js';

export const RATING_LABELS: Record<QualitativeRating, string> = {
  achieved: '已实现',
  on_track: '进展顺利',
  needs_acceleration: '需加快进度',
  off_track: '滞后',
  not_assessed: '未评估',
};

export const PLAN_ITEM_KIND_LABELS: Record<PlanItemKind, string> = {
  goal: '主要目标',
  measure: '策略措施',
};
