/**
 * The bold judgements that open a finding, and the overall judgement of the year, chosen from
 * the statuses of the indicators (report-style.md: "儿童健康水平持续提高。"). Our own words, in the
 * national reports' form: short, ending with a full stop.
 */
import type { Status } from '../assess/types.js';
import type { DomainCode } from '../plan/types.js';

/** What a domain's indicators measure, and how it reads when most of them improve. */
const DOMAIN_PROGRESS: Record<DomainCode, string> = {
  H: '儿童健康水平持续提高。',
  S: '儿童安全保障不断加强。',
  E: '儿童教育事业稳步发展。',
  W: '儿童福利保障水平持续提升。',
  F: '家庭教育指导服务不断加强。',
  V: '儿童成长环境持续改善。',
  L: '儿童法律保护不断加强。',
};

type Counts = Readonly<Record<Status, number>>;

function assessed(c: Counts): number {
  return c.achieved + c.on_track + c.needs_acceleration + c.off_track + c.regressing;
}

/** Achieved or on track, as a share of the assessed; null when none was assessed. */
export function goodShare(c: Counts): number | null {
  const n = assessed(c);
  return n === 0 ? null : (c.achieved + c.on_track) / n;
}

/** The finding on the indicators that are achieved or on track: the domain's progress when they are the majority. */
export function progressFinding(domain: DomainCode, c: Counts): string {
  const share = goodShare(c);
  if (share !== null && share >= 0.5) return DOMAIN_PROGRESS[domain];
  return '部分指标取得积极进展。';
}

/** The finding on the indicators behind schedule: sharper when some are off track or falling back. */
export function attentionFinding(c: Counts): string {
  if (c.off_track + c.regressing > 0) return '部分指标进展滞后,需引起重视。';
  return '部分指标需加快推进。';
}

export const MISSING_DATA_FINDING = '部分指标缺少监测数据。';
export const UNTARGETED_FINDING = '其他监测指标情况。';

/** The year's overall judgement, e.g. 总体进展顺利 (the national report's words for a good first year). */
export function overallJudgement(c: Counts): string {
  const share = goodShare(c);
  if (share === null) return '因缺少监测数据,暂无法作出总体判断';
  if (share >= 0.8 && c.regressing === 0 && c.off_track === 0) return '总体进展顺利';
  if (share >= 0.6) return '总体进展顺利,但部分指标需加快推进';
  if (share >= 0.4) return '稳步推进,但部分指标进展滞后';
  return '面临较大压力,多数指标需加快推进';
}
