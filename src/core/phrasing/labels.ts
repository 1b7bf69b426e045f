/** Chinese names of statuses, warnings, target kinds and disaggregations, as reports spell them. */
import type { Status, Warning } from '../assess/types.js';
import type { Area, Sex, Target } from '../plan/types.js';

export const STATUS_LABELS: Record<Status, string> = {
  achieved: '已达标',
  on_track: '进展顺利',
  needs_acceleration: '需加快进度',
  off_track: '难以如期达标',
  regressing: '出现退步',
  insufficient_data: '数据不足',
  not_assessed: '无量化目标',
};

export const WARNING_LABELS: Record<Warning, string> = {
  red: '红色预警',
  yellow: '黄色预警',
  green: '正常',
  none: '—',
};

export const SEX_LABELS: Record<Sex, string> = { total: '合计', male: '男', female: '女' };
export const AREA_LABELS: Record<Area, string> = { total: '合计', urban: '城镇', rural: '农村' };

/** The target in words, e.g. "≤3‰", "≥95%(每年)", "比2020年下降20%", "持续下降". */
export function describeTarget(target: Target | null, unit: string): string {
  if (!target) return '—';
  const v = target.value;
  switch (target.kind) {
    case 'max':
      return `≤${v}${unit}`;
    case 'min':
      return `≥${v}${unit}`;
    case 'maintain_min':
      return `保持≥${v}${unit}`;
    case 'reduce_by':
      return `比${target.baselineYear}年下降${Math.round((v ?? 0) * 100)}%`;
    case 'trend_down':
      return '持续下降';
    case 'trend_up':
      return '持续提高';
    case 'no_increase':
      return '不再上升';
    case 'milestones':
      return (target.milestones ?? []).map((m) => `${m.year}年≥${m.value}${unit}`).join(',');
    case 'coverage':
      return `${v}${unit}`;
  }
}
