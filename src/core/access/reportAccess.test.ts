import { describe, expect, it } from 'vitest';
import type { Principal } from './roles.js';
import type { OrgScope } from './scope.js';
import { reportAccess } from './reportAccess.js';

const parents: Record<string, string | null> = { '220300': null, '220322': '220300', '220302': '220300' };
const scope: OrgScope = {
  isWithin(code, ancestor) {
    for (let c: string | null | undefined = code; c; c = parents[c]) if (c === ancestor) return true;
    return false;
  },
  levelOf: (code) => (code === '220300' ? 'city' : 'county'),
  reportingUnitOf: (code) => code,
};
const departments = new Map([
  ['neonatal_mortality', ['health']],
  ['preschool_enrolment', ['education', 'health']],
  ['juvenile_crime_rate', ['public_security']],
]);

function user(role: Principal['role'], org: string, department: string | null = null): Principal {
  return { id: 1, username: 'u', displayName: 'u', role, orgUnitCode: org, departmentCode: department };
}

describe('what a report may be built from', () => {
  it('gives the statistics bureau every indicator of a unit in its subtree, approved or not', () => {
    expect(reportAccess(user('monitor', '220300'), { orgUnit: '220322', data: 'all' }, scope, departments)).toEqual({
      allowed: true,
      indicators: 'all',
    });
  });

  it("refuses a unit outside the user's subtree", () => {
    expect(reportAccess(user('monitor', '220322'), { orgUnit: '220300', data: 'approved' }, scope, departments)).toEqual({
      allowed: false,
      reason: '无权查看该单位的数据',
    });
  });

  it('lets a viewer have approved data only', () => {
    expect(reportAccess(user('viewer', '220300'), { orgUnit: '220300', data: 'approved' }, scope, departments).allowed).toBe(true);
    expect(reportAccess(user('viewer', '220300'), { orgUnit: '220300', data: 'all' }, scope, departments)).toEqual({
      allowed: false,
      reason: '只读用户只能生成基于已批准数据的报告',
    });
  });

  it("builds a department's report only from the indicators it leads or cooperates on", () => {
    expect(reportAccess(user('department', '220322', 'health'), { orgUnit: '220322', data: 'all' }, scope, departments)).toEqual({
      allowed: true,
      indicators: ['neonatal_mortality', 'preschool_enrolment'],
    });
  });

  it('refuses a department without indicators', () => {
    expect(reportAccess(user('department', '220300', 'women_federation'), { orgUnit: '220300', data: 'all' }, scope, departments)).toEqual({
      allowed: false,
      reason: '本成员单位没有牵头或配合的监测指标,无法生成报告',
    });
  });
});
