import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/appError.js';
import { departmentsOf, getResponsibilities } from '../../src/app/responsibilities.js';
import type { Principal } from '../../src/core/access/roles.js';
import type { Status, Warning } from '../../src/core/assess/types.js';
import { indicatorDigits } from '../../src/core/phrasing/figures.js';
import { STATUS_LABELS, WARNING_LABELS } from '../../src/core/phrasing/labels.js';
import { formatNumber, formatValue } from '../../src/core/phrasing/reportNumbers.js';
import { buildAnnualReport } from '../../src/reports/annualModel.js';
import type { Report } from '../../src/reports/model.js';
import { ReportAccessError } from '../../src/reports/reportData.js';
import { qualitativeItems } from '../../src/core/plan/qualitative.js';
import { saveRating, saveReport } from '../../src/db/repositories/qualitative.js';
import { DIALECTS } from '../support/databases.js';
import {
  type AssessedRecord,
  countedRecords,
  recordName,
  reportText,
  sectionNamed,
  tableTitled,
  useDemoDatabase,
} from './demoReportSupport.js';

const CITY = '220300';
const YITONG = '220323';
const NOW = new Date('2025-03-01T02:00:00.000Z');

const DOMAIN_CHAPTERS = [
  '一、儿童与健康',
  '二、儿童与安全',
  '三、儿童与教育',
  '四、儿童与福利',
  '五、儿童与家庭',
  '六、儿童与环境',
  '七、儿童与法律保护',
];

describe.each(DIALECTS)('the annual report of the demo data on %s', (dialect) => {
  const demo = useDemoDatabase(dialect);
  let city: Report;
  let cityApproved: Report;
  let records: AssessedRecord[];

  beforeAll(async () => {
    city = await buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: CITY, data: 'all', now: NOW });
    cityApproved = await buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: CITY, data: 'approved', now: NOW });
    records = countedRecords(await demo.assess(2024, CITY), demo.plan);
  });

  it('is titled after the plan and the year, written by the city’s statistics bureau', () => {
    expect(city.meta).toMatchObject({
      kind: 'annual',
      title: '四平市儿童发展规划(2021-2030年)2024年统计监测报告',
      author: '四平市统计局',
      year: 2024,
      orgUnit: { code: CITY, name: '四平市', level: 'city' },
      generatedAt: NOW.toISOString(),
      synthetic: true,
      sourceLine: '资料来源:演示数据(合成,非真实统计)。',
    });
  });

  it('has a chapter per domain in the plan’s order, then warnings, disparities, qualitative goals, problems and the annex', () => {
    expect(city.sections.map((s) => s.heading)).toEqual([
      ...DOMAIN_CHAPTERS,
      '八、监测预警',
      '九、城乡与区域差距',
      '十、定性目标',
      '十一、问题与建议',
      '附:数据来源与方法',
    ]);
  });

  it('opens with the basis of the analysis, the seven domains and one judgement of the year', () => {
    const [basis, overall] = city.preamble;
    expect(basis?.text).toContain('根据《四平市儿童发展规划(2021-2030年)》统计监测指标体系和各成员单位报送的数据');
    expect(basis?.text).toContain('七个领域');
    expect(overall?.text).toMatch(/^监测结果显示,2024年四平市儿童发展规划实施(总体进展顺利|稳步推进|面临较大压力)/);
    const achieved = records.filter((r) => r.status === 'achieved').length;
    const assessed = records.filter((r) => r.status !== 'insufficient_data' && r.status !== 'not_assessed').length;
    expect(overall?.text).toContain(
      `在可监测的${assessed}项指标中,有${achieved}项已实现目标,达标率${formatNumber((achieved / assessed) * 100, 1)}%`,
    );
  });

  it('gives every indicator in its domain’s table with the value, status and warning of childplan assess', () => {
    expect(records.length).toBe(37);
    for (const domain of demo.plan.domains) {
      const chapter = city.sections.find((s) => s.heading.endsWith(`、${domain.name}`));
      if (!chapter) throw new Error(`no chapter ${domain.name}`);
      const table = tableTitled(chapter, '监测指标');
      const expected = records.filter((r) => r.domain === domain.code);
      expect(table.rows.map((r) => r.cells.indicator)).toEqual(expected.map(recordName));
      for (const r of expected) {
        const row = table.rows.find((x) => x.cells.indicator === recordName(r));
        const indicator = demo.plan.indicators.find((i) => i.code === r.indicator);
        if (!row || !indicator || r.value === null) throw new Error(`missing ${r.indicator}`);
        expect(row.cells.current, r.indicator).toBe(formatNumber(r.value, indicatorDigits(indicator)));
        expect(row.cells.status, r.indicator).toBe(STATUS_LABELS[r.status as Status]);
        expect(row.cells.warning, r.indicator).toBe(WARNING_LABELS[r.warning as Warning]);
        expect(row.warning).toBe(r.warning);
      }
      expect(table.columns.map((c) => c.title)).toEqual([
        '指标',
        '单位',
        '目标',
        '2020年(基线)',
        '2023年',
        '2024年',
        '比上年变化',
        '状态',
        '预警',
      ]);
    }
  });

  it('counts the statuses per domain and overall as childplan assess does', () => {
    const rows = city.summary.rows.map((r) => r.cells);
    expect(rows.map((r) => r.domain)).toEqual([...demo.plan.domains.map((d) => d.name), '合计']);
    for (const [i, domain] of demo.plan.domains.entries()) {
      const inDomain = records.filter((r) => r.domain === domain.code);
      const row = rows[i];
      for (const status of ['achieved', 'on_track', 'needs_acceleration', 'off_track', 'regressing', 'insufficient_data'] as const) {
        expect(row?.[status], `${domain.name} ${status}`).toBe(String(inDomain.filter((r) => r.status === status).length));
      }
      expect(row?.total).toBe(String(inDomain.length));
    }
    expect(rows.at(-1)?.total).toBe('37');
  });

  it('writes each indicator in the official sentence with its value and judgement', () => {
    const health = sectionNamed(city, '一、儿童与健康');
    const text = health.paragraphs.map((p) => p.text).join('');
    const neonatal = records.find((r) => r.indicator === 'neonatal_mortality');
    if (!neonatal?.value) throw new Error('no neonatal mortality');
    expect(text).toContain('2024年,四平市新生儿死亡率');
    expect(text).toContain(formatValue(neonatal.value, '‰', 1));
    expect(health.paragraphs[0]?.text).toMatch(/^在儿童与健康领域可监测的19项指标中,有\d+项已实现目标,达标率\d+\.\d%。/);
    const findings = health.paragraphs.filter((p) => p.bold);
    expect(findings[0]?.bold).toMatch(/^\(一\).+。$/);
    expect(findings[1]?.bold).toMatch(/^\(二\).+。$/);
    for (const p of health.paragraphs) expect(p.text).toMatch(/。$/);
  });

  it('draws the mortality trends since the baseline with the target line, and the counties side by side', () => {
    const health = sectionNamed(city, '一、儿童与健康');
    const trend = health.charts.find((c) => c.title === '四平市新生儿死亡率(2020—2024年)');
    expect(trend).toMatchObject({ kind: 'line', unit: '‰', categories: ['2020年', '2021年', '2022年', '2023年', '2024年'] });
    expect(trend?.target).toEqual({ value: 3, label: '规划目标 ≤3‰' });
    expect(trend?.source).toBe(city.meta.sourceLine);
    const bars = health.charts.filter((c) => c.kind === 'bar');
    expect(bars.length).toBeGreaterThan(0);
    expect(bars[0]?.categories).toEqual(['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市']);
  });

  it('lists the red and yellow indicators with why and the lead department', () => {
    const warnings = sectionNamed(city, '八、监测预警');
    const table = tableTitled(warnings, '预警指标');
    const warned = records.filter((r) => r.warning === 'red' || r.warning === 'yellow');
    expect(table.rows.length).toBe(warned.length);
    expect(table.rows.map((r) => r.warning)).toEqual(
      [...warned.filter((r) => r.warning === 'red'), ...warned.filter((r) => r.warning === 'yellow')].map((r) => r.warning),
    );
    for (const row of table.rows) {
      expect(row.cells.reason).not.toBe('');
      expect(row.cells.lead).not.toBe('未指定');
    }
    const under5 = table.rows.find((r) => r.cells.indicator === '5岁以下儿童死亡率');
    expect(under5?.cells.lead).toBe('卫生健康委员会');
    expect(warnings.paragraphs[0]?.text).toBe(
      `2024年,四平市有${warned.filter((r) => r.warning === 'red').length}项指标处于红色预警、${warned.filter((r) => r.warning === 'yellow').length}项指标处于黄色预警。`,
    );
  });

  it('gives urban–rural and county disparities with their tables', () => {
    const section = sectionNamed(city, '九、城乡与区域差距');
    expect(section.paragraphs.map((p) => p.bold)).toEqual([
      expect.stringMatching(/^\(一\)城乡差距/),
      expect.stringMatching(/^\(二\)县\(市、区\)间差距/),
    ]);
    expect(tableTitled(section, '城乡差距').rows.length).toBeGreaterThan(0);
    expect(tableTitled(section, '县(市、区)间差距').rows.length).toBe(36);
  });

  it('lists the qualitative goals apart from the indicators, as not yet rated', () => {
    const section = sectionNamed(city, '十、定性目标');
    const table = tableTitled(section, '定性目标');
    expect(table.rows.length).toBeGreaterThan(50);
    expect(new Set(table.rows.map((r) => r.cells.rating))).toEqual(new Set(['待评估']));
    expect(section.paragraphs.map((p) => p.text).join('')).toContain('不计入监测指标的达标率');
  });

  it('gives a qualitative goal’s rating and comment once the evaluation group has rated it, counted apart', async () => {
    const [item] = qualitativeItems(demo.plan);
    if (!item) throw new Error('no qualitative goal');
    const lead = (await getResponsibilities(demo.db, 2024)).get(item.code)?.lead;
    if (!lead) throw new Error(`no lead for ${item.code}`);
    const at = NOW.toISOString();
    await saveReport(
      demo.db,
      { itemCode: item.code, departmentCode: lead, orgUnitCode: CITY, year: 2024 },
      '已按计划推进。',
      'city_health',
      at,
    );
    await saveRating(
      demo.db,
      { itemCode: item.code, orgUnitCode: CITY, year: 2024 },
      { rating: 'achieved', comment: '目标已实现。' },
      'office',
      at,
    );
    const rated = await buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: CITY, data: 'all', now: NOW });
    const section = sectionNamed(rated, '十、定性目标');
    const row = tableTitled(section, '定性目标').rows.find((r) => r.cells.code === item.code);
    expect(row?.cells).toMatchObject({ reported: '已报送', rating: '已实现', comment: '目标已实现。' });
    expect(section.paragraphs[1]?.text).toMatch(/已有1项报送了进展情况;已评估1项,其中已实现1项;尚有\d+项未评估。$/);
    expect(rated.summary.rows.at(-1)?.cells.total).toBe('37');
  });

  it('drafts a recommendation naming the lead department for each warning', () => {
    const text = sectionNamed(city, '十一、问题与建议')
      .paragraphs.map((p) => p.text)
      .join('\n');
    expect(text).toContain('针对5岁以下儿童死亡率距目标尚有差距的问题,建议卫生健康委员会牵头');
    expect(text).toMatch(/按2020年以来的变化速度推算,到2030年5岁以下儿童死亡率预计为\d+\.\d‰,达不到≤5‰的规划目标。/);
  });

  it('names its data sources and the method in the annex', () => {
    const annex = sectionNamed(city, '附:数据来源与方法');
    expect(annex.paragraphs[0]?.text).toContain('本报告数据来源于演示数据(合成,非真实统计)');
    expect(annex.paragraphs.map((p) => p.text).join('')).toContain('达标率');
  });

  it('is a draft naming the departments whose 2024 figures still wait for approval', () => {
    expect(city.meta.draft).toBe(true);
    expect(city.meta.draftReason).toBe(
      '本报告含未经批准的数据:伊通满族自治县卫生健康委员会、双辽市教育局和铁东区民政局的2024年数据尚未批准。',
    );
  });

  it('is no draft when built from approved data only', () => {
    expect(cityApproved.meta.draft).toBe(false);
    expect(cityApproved.meta.draftReason).toBeNull();
    expect(sectionNamed(cityApproved, '附:数据来源与方法').paragraphs[0]?.text).toContain('仅使用已经批准的数据');
  });

  it('falls back to the last approved year of a county whose 2024 figures are not approved, and says so', async () => {
    const yitong = await buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: YITONG, data: 'approved', now: NOW });
    const table = tableTitled(sectionNamed(yitong, '一、儿童与健康'), '监测指标');
    const neonatal = table.rows.find((r) => r.cells.indicator === '新生儿死亡率');
    expect(neonatal?.cells.current).toMatch(/^\d+\.\d\(2023年\)$/);
    expect(neonatal?.cells.previous).toBe(neonatal?.cells.current?.replace('(2023年)', ''));
    expect(reportText(yitong)).toContain('2023年,伊通满族自治县新生儿死亡率');
    expect(yitong.meta.draft).toBe(false);
  });

  it('makes a county’s report, by the county’s statistics bureau and without county charts, a draft only for its own departments', async () => {
    const yitong = await buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: YITONG, data: 'all', now: NOW });
    expect(yitong.meta.title).toBe('伊通满族自治县实施《四平市儿童发展规划(2021-2030年)》2024年统计监测报告');
    expect(yitong.meta.author).toBe('伊通满族自治县统计局');
    expect(yitong.meta.draftReason).toBe('本报告含未经批准的数据:伊通满族自治县卫生健康委员会的2024年数据尚未批准。');
    expect(yitong.sections.flatMap((s) => s.charts).filter((c) => c.kind === 'bar')).toEqual([]);
    const order: string[] = demo.plan.domains.map((d) => d.code);
    const assessed = countedRecords(await demo.assess(2024, YITONG), demo.plan).sort(
      (a, b) => order.indexOf(a.domain) - order.indexOf(b.domain),
    );
    const rows = yitong.sections.flatMap((s) => s.tables.filter((t) => t.title.endsWith('领域监测指标')).flatMap((t) => t.rows));
    expect(rows.map((r) => r.cells.status)).toEqual(assessed.map((r) => STATUS_LABELS[r.status as Status]));
  });

  it('gives a department’s user only the indicators its department leads or cooperates on', async () => {
    const who: Principal = {
      id: 1,
      username: 'lishu_health',
      displayName: '梨树县卫生健康局',
      role: 'department',
      orgUnitCode: '220322',
      departmentCode: 'health',
    };
    const report = await buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: '220322', data: 'approved', who, now: NOW });
    const responsibilities = await getResponsibilities(demo.db, 2024);
    const rows = report.sections.flatMap((s) => s.tables.filter((t) => t.title.endsWith('领域监测指标')).flatMap((t) => t.rows));
    const allowed = demo.plan.indicators.filter((i) => departmentsOf(responsibilities.get(i.code)).includes('health')).map((i) => i.name);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(allowed.some((name) => row.cells.indicator?.startsWith(name))).toBe(true);
    expect(rows.length).toBeLessThan(37);
  });

  it('refuses a unit outside the user’s own and an unknown unit', async () => {
    const who: Principal = { id: 1, username: 'x', displayName: 'x', role: 'monitor', orgUnitCode: '220322', departmentCode: null };
    await expect(buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: CITY, data: 'approved', who })).rejects.toThrow(
      new ReportAccessError('无权查看该单位的数据'),
    );
    const unknown = buildAnnualReport(demo.db, demo.plan, { year: 2024, orgUnit: '999999', data: 'approved' });
    await expect(unknown).rejects.toBeInstanceOf(AppError);
    await expect(unknown).rejects.toThrow('单位代码“999999”不存在');
  });
});
