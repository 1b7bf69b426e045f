import { describe, expect, it } from 'vitest';
import { loadBuiltinPlan } from '../../plans/siping/loadPlan.js';
import {
  decodeRatingRecord,
  encodeRatingRecord,
  lookupPlanItem,
  qualitativeItems,
  summarizeRatings,
  textProblem,
  type QualitativeItem,
  type QualitativeRating,
} from './qualitative.js';

const plan = loadBuiltinPlan();

describe('qualitative items', () => {
  it('are the 114 of the 140 goals and measures that no indicator monitors, in plan order', () => {
    const items = qualitativeItems(plan);
    expect(items).toHaveLength(114);
    const refs = new Set(plan.indicators.map((i) => i.planRef));
    expect(items.some((i) => refs.has(i.code))).toBe(false);
    expect(items.slice(0, 3).map((i) => i.code)).toEqual(['H1', 'H2', 'H4']);
    expect(items.find((i) => i.code === 'HM1')).toMatchObject({ kind: 'measure', domain: 'H', domainName: '儿童与健康', number: 1 });
  });

  it('tells an unknown code from a monitored one', () => {
    expect(lookupPlanItem(plan, 'H99')).toEqual({ found: false });
    const h3 = lookupPlanItem(plan, 'H3');
    expect(h3.found && h3.monitoredBy).toEqual(['neonatal_mortality', 'infant_mortality', 'under5_mortality']);
    const h1 = lookupPlanItem(plan, 'H1');
    expect(h1.found && h1.monitoredBy).toEqual([]);
  });
});

describe('summarizeRatings', () => {
  const item = (code: string, domain: 'H' | 'E'): QualitativeItem => ({
    code,
    kind: 'goal',
    domain,
    domainName: domain === 'H' ? '儿童与健康' : '儿童与教育',
    number: 1,
    text: '',
  });

  it('counts each item once per domain and in the total, unrated ones apart, ignoring ratings of other items', () => {
    const ratings = new Map<string, QualitativeRating>([
      ['H1', 'achieved'],
      ['H2', 'off_track'],
      ['X9', 'achieved'],
    ]);
    const s = summarizeRatings([item('H1', 'H'), item('H2', 'H'), item('E1', 'E')], ratings, new Set(['H1', 'E1', 'X9']));
    expect(s.domains.map((d) => [d.domain, d.items, d.reported])).toEqual([
      ['H', 2, 1],
      ['E', 1, 1],
    ]);
    expect(s.domains[0]?.counts).toMatchObject({ achieved: 1, off_track: 1, unrated: 0 });
    expect(s.total).toEqual({
      items: 3,
      reported: 2,
      counts: { achieved: 1, on_track: 0, needs_acceleration: 0, off_track: 1, not_assessed: 0, unrated: 1 },
    });
  });
});

describe('rating records', () => {
  it('read back what was written, and a damaged one as not assessed with its text kept', () => {
    expect(decodeRatingRecord(encodeRatingRecord({ rating: 'on_track', comment: '按计划推进' }))).toEqual({
      rating: 'on_track',
      comment: '按计划推进',
    });
    expect(decodeRatingRecord('旧数据')).toEqual({ rating: 'not_assessed', comment: '旧数据' });
    expect(decodeRatingRecord('{"rating":"great","comment":""}').rating).toBe('not_assessed');
  });
});

describe('textProblem', () => {
  it('counts characters, not UTF-16 units, and refuses blank required text and NUL', () => {
    expect(textProblem('𠀀'.repeat(10), '进展情况', 10, true)).toBeNull();
    expect(textProblem('进'.repeat(11), '进展情况', 10, true)).toBe('进展情况不能超过 10 字(现为 11 字)');
    expect(textProblem(' ', '进展情况', 10, true)).toBe('进展情况不能为空');
    expect(textProblem('', '评估意见', 10, false)).toBeNull();
    expect(textProblem('a\u0000', '评估意见', 10, false)).toContain('NUL');
  });
});
