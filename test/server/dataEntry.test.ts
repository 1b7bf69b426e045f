import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { LISHU, TIEXI, useServer } from '../support/server.js';

const YEAR = 2025;
const entry = (value: string | null, extra: Record<string, unknown> = {}) => ({
  indicator: 'newborn_visit_rate',
  orgUnit: LISHU,
  sex: 'total',
  area: 'total',
  value,
  ...extra,
});

describe.each(DIALECTS)('data entry, review and approval (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  it('gives a department the form of the indicators it leads, with the three years before', async () => {
    const c = await server.login('lishu_health');
    const res = await c.get(`/api/forms?org=${LISHU}&year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.department).toEqual({ code: 'health', name: '卫生健康委员会' });
    expect(form.submission).toMatchObject({ state: 'draft', stateLabel: '草稿', editable: true });
    expect(form.submission.actions.map((a: { action: string }) => a.action)).toEqual(['submit']);
    const codes = new Set(form.lines.map((l: { indicator: { code: string } }) => l.indicator.code));
    expect(codes.has('neonatal_mortality')).toBe(true);
    expect(codes.has('preschool_gross_enrollment')).toBe(false);
    expect(codes.has('immunization_township_coverage')).toBe(false);
    const line = form.lines.find((l: { key: string }) => l.key === `newborn_visit_rate|${LISHU}|total|total|total`);
    expect(line.previous.map((p: { year: number }) => p.year)).toEqual([2022, 2023, 2024]);
    expect(line.previous[2].value).toEqual(expect.any(Number));
  });

  it('shows the same Chinese error as the import for an invalid value and saves nothing', async () => {
    const c = await server.login('lishu_health');
    const body = { year: YEAR, department: 'health', entries: [entry('abc'), entry('120', { indicator: 'under3_management_rate' })] };
    const check = await c.post('/api/values/validate', body);
    expect(check.statusCode).toBe(200);
    expect(check.json().errors).toEqual([
      { index: 0, column: 'value', message: '数值“abc”不是数字' },
      { index: 1, column: 'value', message: '“3岁以下儿童系统管理率”是百分比,不能超过 100(当前为 120)' },
    ]);
    const save = await c.put('/api/values', body);
    expect(save.statusCode).toBe(400);
    expect(save.json().error).toBe('有 2 处错误,未保存任何数据');
    const stored = await server.ctx.db.selectFrom('data_value').select('id').where('year', '=', YEAR).execute();
    expect(stored).toHaveLength(0);
  });

  it('saves corrected values and keeps the earlier version with who, when and why', async () => {
    const c = await server.login('lishu_health');
    const first = await c.put('/api/values', { year: YEAR, department: 'health', entries: [entry('96.5')] });
    expect(first.json()).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const second = await c.put('/api/values', {
      year: YEAR,
      department: 'health',
      entries: [entry('97.1', { source: '妇幼年报' })],
      reason: '核对年报后更正',
    });
    expect(second.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const history = await c.get(`/api/values/history?indicator=newborn_visit_rate&org=${LISHU}&year=${YEAR}`);
    expect(history.json().current).toMatchObject({ value: 97.1, source: '妇幼年报', updatedBy: 'lishu_health' });
    expect(history.json().versions).toEqual([
      expect.objectContaining({ value: 96.5, by: 'lishu_health', replacedBy: 'lishu_health', reason: '核对年报后更正' }),
    ]);
  });

  it('warns of a change of more than half against last year without refusing it', async () => {
    const c = await server.login('lishu_health');
    const res = await c.post('/api/values/validate', { year: YEAR, department: 'health', entries: [entry('30')] });
    expect(res.json().errors).toEqual([]);
    expect(res.json().warnings[0].message).toMatch(/^与 2024 年\(\d+(\.\d{1,4})?\)相比下降 \d+%,请核实$/);
  });

  it('refuses values of another department, another county, or from a viewer', async () => {
    const health = await server.login('lishu_health');
    const otherCounty = await health.put('/api/values', { year: YEAR, department: 'health', entries: [entry('95', { orgUnit: TIEXI })] });
    expect(otherCounty.statusCode).toBe(403);
    expect(otherCounty.json().error).toBe('无权填报“新生儿访视率”在“铁西区”的数据');
    const otherIndicator = await health.put('/api/values', {
      year: YEAR,
      department: 'health',
      entries: [entry('95', { indicator: 'preschool_gross_enrollment' })],
    });
    expect(otherIndicator.statusCode).toBe(403);
    const posingAsEducation = await health.put('/api/values', { year: YEAR, department: 'education', entries: [entry('95')] });
    expect(posingAsEducation.statusCode).toBe(403);

    const education = await server.login('lishu_education');
    expect((await education.get(`/api/forms?department=health&org=${LISHU}&year=${YEAR}`)).statusCode).toBe(403);
    const tiexi = await server.login('tiexi_health');
    expect((await tiexi.get(`/api/forms?org=${LISHU}&year=${YEAR}`)).statusCode).toBe(403);
    expect((await tiexi.get(`/api/values/history?indicator=newborn_visit_rate&org=${LISHU}&year=${YEAR}`)).statusCode).toBe(403);

    const viewer = await server.login('viewer');
    const write = await viewer.put('/api/values', { year: YEAR, department: 'health', entries: [entry('95')] });
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toBe('只有成员单位用户可以填报数据');
    const stored = await server.ctx.db
      .selectFrom('data_value')
      .select('value')
      .where('year', '=', YEAR)
      .where('org_unit_code', '=', TIEXI)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('goes through submit, return with a reason, resubmit, county review and city approval, which locks the data', async () => {
    const dept = await server.login('lishu_health');
    const county = await server.login('lishu_monitor');
    const city = await server.login('city_monitor');
    const step = (c: typeof dept, action: string, reason = '') => c.post(`/api/submissions/health/${LISHU}/${YEAR}/${action}`, { reason });

    expect((await step(dept, 'submit')).json()).toMatchObject({ state: 'submitted', stateLabel: '已提交' });
    const locked = await dept.put('/api/values', { year: YEAR, department: 'health', entries: [entry('90')] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toContain('已提交,已锁定');

    const noReason = await step(county, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toBe('退回须填写理由');
    expect((await step(county, 'return', '新生儿访视率与妇幼年报不一致')).json()).toMatchObject({ state: 'draft' });
    expect((await dept.put('/api/values', { year: YEAR, department: 'health', entries: [entry('96.8')] })).statusCode).toBe(200);
    expect((await step(dept, 'submit')).json().state).toBe('submitted');

    expect((await step(dept, 'review')).statusCode).toBe(403);
    expect((await step(county, 'review')).json().state).toBe('reviewed');
    const countyApproves = await step(county, 'approve');
    expect(countyApproves.statusCode).toBe(403);
    expect(countyApproves.json().error).toBe('无权批准该单位的报送数据');
    expect((await step(city, 'approve')).json()).toMatchObject({
      state: 'approved',
      stateLabel: '已批准',
      actions: [{ action: 'reopen' }],
    });
    expect((await step(city, 'approve')).statusCode).toBe(409);

    const afterApproval = await dept.put('/api/values', { year: YEAR, department: 'health', entries: [entry('97')] });
    expect(afterApproval.statusCode).toBe(409);
    expect(afterApproval.json().error).toContain('须由批准人重新打开');
    expect((await step(city, 'reopen')).statusCode).toBe(400);
    expect((await step(city, 'reopen', '省里反馈需更正')).json().state).toBe('draft');

    const events = (await county.get(`/api/submissions/health/${LISHU}/${YEAR}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submit', 'return', 'submit', 'review', 'approve', 'reopen']);
    expect(events[1]).toMatchObject({ label: '退回', by: 'lishu_monitor', reason: '新生儿访视率与妇幼年报不一致' });
    const history = (await dept.get(`/api/values/history?indicator=newborn_visit_rate&org=${LISHU}&year=${YEAR}`)).json();
    expect(history.events).toHaveLength(6);
    expect(history.versions.map((v: { value: number }) => v.value)).toEqual([97.1, 96.5]);
  });

  it('lists for a department only its own submissions, and for a county bureau only its county', async () => {
    const dept = (await (await server.login('lishu_health')).get(`/api/submissions?year=${YEAR}`)).json();
    expect(
      new Set(dept.map((s: { department: { code: string }; orgUnit: { code: string } }) => `${s.department.code}@${s.orgUnit.code}`)),
    ).toEqual(new Set([`health@${LISHU}`]));
    const county = (await (await server.login('lishu_monitor')).get(`/api/submissions?year=${YEAR}`)).json();
    expect(new Set(county.map((s: { orgUnit: { code: string } }) => s.orgUnit.code))).toEqual(new Set([LISHU]));
    const city = (await (await server.login('city_monitor')).get(`/api/submissions?year=${YEAR}`)).json();
    expect(new Set(city.map((s: { orgUnit: { code: string } }) => s.orgUnit.code)).size).toBe(6);
    const health = city.find(
      (s: { department: { code: string }; orgUnit: { code: string } }) => s.department.code === 'health' && s.orgUnit.code === LISHU,
    );
    expect(health.filled).toBe(1);
  });

  it('refuses a step on a unit outside the user’s subtree by guessing its code', async () => {
    const tiexiHealth = await server.login('tiexi_health');
    const res = await tiexiHealth.post(`/api/submissions/health/${LISHU}/${YEAR}/submit`, { reason: '' });
    expect(res.statusCode).toBe(403);
    const unknown = await tiexiHealth.post(`/api/submissions/health/999999/${YEAR}/submit`, { reason: '' });
    expect(unknown.statusCode).toBe(404);
  });
});
