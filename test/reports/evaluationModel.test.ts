import { beforeAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/assess/types.js';
import { indicatorDigits } from '../../src/core/phrasing/figures.js';
import { STATUS_LABELS } from '../../src/core/phrasing/labels.js';
import { formatNumber } from '../../src/core/phrasing/reportNumbers.js';
import { buildEvaluationReport } from '../../src/reports/evaluationModel.js';
import type { Report } from '../../src/reports/model.js';
import { DIALECTS } from '../support/databases.js';
import { type AssessedRecord, countedRecords, recordName, sectionNamed, tableTitled, useDemoDatabase } from './demoReportSupport.js';

const CITY = '220300';
const NOW = new Date('2025-06-30T02:00:00.000Z');

describe.each(DIALECTS)('the mid-term evaluation of the demo data on %s', (dialect) => {
  const demo = useDemoDatabase(dialect);
  let report: Report;
  let records: AssessedRecord[];

  beforeAll(async () => {
    report = await buildEvaluationReport(demo.db, demo.plan, { kind: 'midterm', year: 2025, orgUnit: CITY, data: 'approved', now: NOW });
    records = countedRecords(await demo.assess(2025, CITY), demo.plan);
  });

  it('is the evaluation group’s mid-term report, with its chapters', () => {
    expect(report.meta).toMatchObject({
      kind: 'midterm',
      title: '四平市儿童发展规划(2021-2030年)中期评估报告',
      author: '四平市妇女儿童工作委员会办公室',
      year: 2025,
      draft: false,
      synthetic: true,
    });
    expect(report.sections.map((s) => s.heading)).toEqual([
      '一、总体进展',
      '二、各领域目标进展',
      '三、预计难以如期实现的目标',
      '四、定性目标评估',
      '五、对策建议',
      '附:数据来源与方法',
    ]);
    expect(sectionNamed(report, '二、各领域目标进展').subsections.map((s) => s.heading)).toEqual(
      demo.plan.domains.map((d, i) => `(${'一二三四五六七'[i] ?? ''})${d.name}`),
    );
  });

  it('states the basis, the baseline and the data years in the preamble', () => {
    expect(report.preamble[0]?.text).toContain('关于开展中期评估的要求');
    expect(report.preamble[0]?.text).toContain('以2020年为基期');
    expect(report.preamble[0]?.text).toContain('2020—2024年数据');
    expect(report.preamble[1]?.text).toMatch(/^评估结果显示,规划实施以来四平市儿童发展/);
  });

  it('gives every target from the baseline to its latest approved value with a status', () => {
    const rows = sectionNamed(report, '二、各领域目标进展').subsections.flatMap((s) => s.tables.flatMap((t) => t.rows));
    expect(rows.length).toBe(records.length);
    const neonatal = rows.find((r) => r.cells.indicator === '新生儿死亡率');
    expect(neonatal?.cells.baseline).toMatch(/^\d+\.\d$/);
    expect(neonatal?.cells.latest).toMatch(/^\d+\.\d\(2024年\)$/);
    expect(Object.values(STATUS_LABELS)).toContain(neonatal?.cells.status);
  });

  it('says each target’s progress since 2020 in words, with the actual against the required yearly rate', () => {
    const health = sectionNamed(report, '(一)儿童与健康');
    const text = health.paragraphs.map((p) => p.text).join('');
    expect(text).toMatch(/新生儿死亡率由2020年的\d+\.\d‰下降到2024年的\d+\.\d‰/);
    expect(text).toMatch(
      /5岁以下儿童死亡率由2020年的\d+\.\d‰下降到2024年的\d+\.\d‰,年均下降\d+\.\d%,而实现规划目标需年均下降\d+\.\d%,距目标尚有差距。/,
    );
    expect(health.tables[0]?.columns.map((c) => c.title)).toEqual([
      '指标',
      '单位',
      '目标',
      '基期值',
      '最新值',
      '比基期变化',
      '实际年均变化',
      '所需年均变化',
      '按现有速度预计',
      '状态',
    ]);
  });

  it('gives the share achieved per domain as sentences and a chart', () => {
    const overview = sectionNamed(report, '一、总体进展');
    expect(overview.paragraphs.length).toBe(7);
    expect(overview.paragraphs[0]?.text).toMatch(/^在儿童与健康领域可监测的19项指标中/);
    expect(overview.charts[0]).toMatchObject({ kind: 'bar', unit: '%', categories: demo.plan.domains.map((d) => d.name) });
  });

  it('lists the targets expected to be missed with their projection and lead department', () => {
    const risk = sectionNamed(report, '三、预计难以如期实现的目标');
    const table = tableTitled(risk, '预计难以如期实现');
    const atRisk = new Set(['needs_acceleration', 'off_track', 'regressing']);
    const rows = sectionNamed(report, '二、各领域目标进展').subsections.flatMap((s) => s.tables.flatMap((t) => t.rows));
    expect(table.rows.length).toBe(rows.filter((r) => [...atRisk].some((s) => STATUS_LABELS[s as Status] === r.cells.status)).length);
    expect(risk.paragraphs[0]?.text).toMatch(/按2020年以来的变化速度推算,到2030年.+预计为/);
    for (const row of table.rows) expect(row.cells.lead).not.toBe('未指定');
  });

  it('drafts one recommendation per warning for editing', () => {
    const section = sectionNamed(report, '五、对策建议');
    expect(section.paragraphs[0]?.text).toContain('初稿');
    for (const p of section.paragraphs.slice(1)) expect(p.text).toMatch(/^\d+\.针对.+的问题,建议.+。$/);
  });

  it('evaluates the qualitative goals apart from the indicators', () => {
    const section = sectionNamed(report, '四、定性目标评估');
    expect(section.paragraphs[1]?.text).toMatch(/^2025年,纳入评估的主要目标和策略措施共\d+项/);
  });

  it('uses the values childplan assess uses when built from all data', async () => {
    const all = await buildEvaluationReport(demo.db, demo.plan, { kind: 'midterm', year: 2025, orgUnit: CITY, data: 'all', now: NOW });
    expect(all.meta.draft).toBe(true);
    const rows = sectionNamed(all, '二、各领域目标进展').subsections.flatMap((s) => s.tables.flatMap((t) => t.rows));
    for (const r of records) {
      const row = rows.find((x) => x.cells.indicator === recordName(r));
      const indicator = demo.plan.indicators.find((i) => i.code === r.indicator);
      if (!row || !indicator || r.value === null) throw new Error(`missing ${r.indicator}`);
      expect(row.cells.latest).toBe(`${formatNumber(r.value, indicatorDigits(indicator))}(${r.latest_year ?? ''}年)`);
      expect(row.cells.status).toBe(STATUS_LABELS[r.status as Status]);
    }
  });

  it('makes the final evaluation at the target year, naming targets not met', async () => {
    const final = await buildEvaluationReport(demo.db, demo.plan, { kind: 'final', year: 2030, orgUnit: CITY, data: 'approved', now: NOW });
    expect(final.meta.title).toBe('四平市儿童发展规划(2021-2030年)终期评估报告');
    expect(final.sections[2]?.heading).toBe('三、未如期实现的目标');
    expect(final.preamble[0]?.text).toContain('关于开展终期评估的要求');
  });
});
