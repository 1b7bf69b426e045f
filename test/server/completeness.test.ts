import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAssignments } from '../../src/db/repositories/departments.js';
import { DIALECTS } from '../support/databases.js';
import { CITY, LISHU, TIEXI, useServer } from '../support/server.js';

interface Row {
  orgUnitCode: string;
  orgUnitName: string;
  departmentCode: string;
  departmentName: string;
  expected: number;
  filled: number;
  state: string;
  stateLabel: string;
  submittedAt: string | null;
  approved: boolean;
  late: boolean;
  daysLate: number;
}
interface Result {
  year: number;
  deadline: string | null;
  rows: Row[];
  totals: { rows: number; expected: number; filled: number; submitted: number; approved: number; late: number };
}

const DAY = 86_400_000;
const beijingDate = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('completeness and timeliness (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000 } });
  let healthLeads: string[] = [];
  let leaders: Set<string>;
  const deadline = beijingDate(Date.now() + 10 * DAY);

  beforeAll(async () => {
    const db = server.ctx.db;
    const coverage = new Set(
      server.ctx
        .plan()
        .indicators.filter((i) => i.aggregation === 'coverage')
        .map((i) => i.code),
    );
    const leads = (await getAssignments(db, 2024)).filter(
      (a) => a.role === 'lead' && server.ctx.plan().indicators.some((i) => i.code === a.itemCode),
    );
    healthLeads = leads.filter((a) => a.departmentCode === 'health' && !coverage.has(a.itemCode)).map((a) => a.itemCode);
    leaders = new Set(leads.filter((a) => !coverage.has(a.itemCode)).map((a) => a.departmentCode));
    expect(coverage.has('immunization_township_coverage')).toBe(true);

    const township = await db.selectFrom('org_unit').select('code').where('parent_code', '=', LISHU).executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const value = (indicator: string, org: string, more: { year?: number; sex?: string } = {}) => ({
      indicator_code: indicator,
      org_unit_code: org,
      year: more.year ?? 2024,
      sex: more.sex ?? 'total',
      area: 'total',
      age_group: 'total',
      value: 1,
      created_by: 't',
      created_at: at,
      updated_by: 't',
      updated_at: at,
    });
    await db
      .insertInto('data_value')
      .values([
        value('neonatal_mortality', LISHU),
        value('infant_mortality', LISHU),
        value('under5_mortality', LISHU, { sex: 'male' }),
        value('under5_mortality', township.code),
        value('under5_mortality', LISHU, { year: 2023 }),
        value('immunization_township_coverage', LISHU),
        value('fitness_good_rate', LISHU),
        value('neonatal_mortality', TIEXI),
      ])
      .execute();
    const submission = (department: string, org: string, state: string, submittedAt: string | null) => ({
      department_code: department,
      org_unit_code: org,
      year: 2024,
      state,
      updated_by: 't',
      updated_at: at,
      submitted_at: submittedAt,
    });
    await db
      .insertInto('submission')
      .values([
        submission('health', LISHU, 'submitted', '2025-02-01T02:00:00.000Z'),
        submission('education', LISHU, 'approved', '2025-01-20T02:00:00.000Z'),
        submission('health', TIEXI, 'draft', null),
      ])
      .execute();
    await (await server.login('office')).put('/api/deadlines/2024', { deadline });
  });

  const get = async (who: 'office' | 'city_monitor' | 'lishu_monitor' | 'admin', query = 'year=2024'): Promise<Result> => {
    const res = await (await server.login(who)).get(`/api/completeness?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Result;
  };
  const find = (r: Result, department: string, org: string) => r.rows.find((x) => x.departmentCode === department && x.orgUnitCode === org);

  it('gives every lead department × the city and each county: due, filled and the workflow state', async () => {
    const r = await get('office');
    const units = server.ctx.org().ordered.filter((c) => ['city', 'county'].includes(server.ctx.org().tree.get(c)?.level ?? ''));
    expect(r.rows).toHaveLength(leaders.size * units.length);
    expect(r.deadline).toBe(deadline);
    expect(find(r, 'health', LISHU)).toEqual({
      orgUnitCode: LISHU,
      orgUnitName: '梨树县',
      departmentCode: 'health',
      departmentName: '卫生健康委员会',
      expected: healthLeads.length,
      filled: 2,
      state: 'submitted',
      stateLabel: '已提交',
      submittedAt: '2025-02-01T02:00:00.000Z',
      approved: false,
      late: false,
      daysLate: 0,
    });
    expect(find(r, 'education', LISHU)).toMatchObject({ filled: 1, state: 'approved', stateLabel: '已批准', approved: true });
    expect(find(r, 'health', CITY)).toMatchObject({ filled: 0, state: 'draft', stateLabel: '草稿', submittedAt: null });
    expect(find(r, 'health', TIEXI)).toMatchObject({ filled: 1, state: 'draft' });
    expect(r.totals).toMatchObject({ rows: r.rows.length, filled: 4, submitted: 2, approved: 1, late: 0 });
    expect(r.totals.expected).toBe(r.rows.reduce((n, x) => n + x.expected, 0));
  });

  it('counts neither coverage indicators, nor breakdowns, nor units below the county, nor other years', async () => {
    const r = await get('office');
    expect(healthLeads).not.toContain('immunization_township_coverage');
    expect(find(r, 'health', LISHU)?.filled).toBe(2);
  });

  it('keeps a county bureau to its county, and narrows to a unit or a department on request', async () => {
    const county = await get('lishu_monitor');
    expect(new Set(county.rows.map((x) => x.orgUnitCode))).toEqual(new Set([LISHU]));
    const tiexi = await get('city_monitor', `year=2024&org=${TIEXI}&department=health`);
    expect(tiexi.rows.map((x) => [x.departmentCode, x.orgUnitCode])).toEqual([['health', TIEXI]]);
  });

  it('marks unsubmitted rows late once the deadline has passed, with the days', async () => {
    server.advanceClock(12 * DAY);
    const r = await get('admin');
    expect(find(r, 'health', TIEXI)).toMatchObject({ late: true, daysLate: 2 });
    expect(find(r, 'health', CITY)).toMatchObject({ late: true, daysLate: 2 });
    expect(find(r, 'health', LISHU)).toMatchObject({ late: false, daysLate: 0 });
    expect(find(r, 'education', LISHU)).toMatchObject({ late: false });
    expect(r.totals.late).toBe(r.rows.length - 2);
  });

  it('writes the reminder list of unsubmitted departments as an Excel file', async () => {
    const res = await (await server.login('office')).get(`/api/completeness/reminders.xlsx?year=2024&org=${LISHU}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('催报名单_2024.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, '单位', '成员单位', '应报', '已填', '状态', '截止日期', '逾期天数']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const lines = sheet.getSheetValues().slice(2) as unknown[][];
    expect(lines).toHaveLength(leaders.size - 2);
    expect(lines.some((l) => l[2] === '卫生健康委员会' || l[2] === '教育局')).toBe(false);
    expect(lines[0]?.slice(1)).toEqual(['梨树县', expect.any(String), expect.any(Number), 0, '草稿', deadline, 2]);
  });

  it('refuses departments and viewers, a unit outside the user’s own, a unit below the county and odd years', async () => {
    for (const who of ['lishu_health', 'city_health', 'viewer'] as const) {
      const c = await server.login(who);
      const res = await c.get('/api/completeness?year=2024');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: '只有监测组、评估组和系统管理员可以查看报送进度' });
      expect((await c.get('/api/completeness/reminders.xlsx?year=2024')).statusCode).toBe(403);
    }
    const lishu = await server.login('lishu_monitor');
    const wide = await lishu.get(`/api/completeness?year=2024&org=${CITY}`);
    expect(wide.statusCode).toBe(403);
    expect(wide.json()).toEqual({ error: '无权查看该单位的数据' });
    expect((await lishu.get(`/api/completeness/reminders.xlsx?year=2024&org=${TIEXI}`)).statusCode).toBe(403);
    const township = await server.ctx.db.selectFrom('org_unit').select('code').where('parent_code', '=', LISHU).executeTakeFirstOrThrow();
    const low = await lishu.get(`/api/completeness?year=2024&org=${township.code}`);
    expect(low.statusCode).toBe(400);
    expect(low.json().error).toBe('报送进度按市或县(市、区)一级单位查看');
    expect((await lishu.get('/api/completeness?year=1990')).json().error).toBe('年份须在 2020–2030 之间');
    expect((await lishu.get('/api/completeness')).statusCode).toBe(400);
  });
});
