import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/appError.js';
import type { Status } from '../../src/core/assess/types.js';
import { indicatorDigits } from '../../src/core/phrasing/figures.js';
import { STATUS_LABELS } from '../../src/core/phrasing/labels.js';
import { formatNumber } from '../../src/core/phrasing/reportNumbers.js';
import { buildCountyComparisonReport } from '../../src/reports/countyComparisonModel.js';
import type { Report } from '../../src/reports/model.js';
import { DIALECTS } from '../support/databases.js';
import { type AssessedRecord, countedRecords, recordName, useDemoDatabase } from './demoReportSupport.js';

const CITY = '220300';
const COUNTIES = ['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市'];
const NOW = new Date('2025-03-01T02:00:00.000Z');

describe.each(DIALECTS)('the county comparison of the demo data on %s', (dialect) => {
  const demo = useDemoDatabase(dialect);
  let report: Report;
  let records: AssessedRecord[];

  beforeAll(async () => {
    report = await buildCountyComparisonReport(demo.db, demo.plan, { year: 2024, orgUnit: CITY, data: 'all', now: NOW });
    records = countedRecords(await demo.assess(2024, 'all'), demo.plan);
  });

  it('has one chapter per domain and the annex, by the city’s statistics bureau', () => {
    expect(report.meta).toMatchObject({
      kind: 'county_comparison',
      title: '2024年四平市各县(市、区)儿童发展规划监测指标比较',
      author: '四平市统计局',
      draft: true,
    });
    expect(report.sections.map((s) => s.heading)).toEqual([
      ...demo.plan.domains.map((d, i) => `${'一二三四五六七'[i] ?? ''}、${d.name}`),
      '附:数据来源与方法',
    ]);
  });

  it('puts every county beside the city per indicator with the value and status of childplan assess, and a rank', () => {
    const rows = report.sections.flatMap((s) => s.tables.flatMap((t) => t.rows));
    const byUnit = new Map([
      ['四平市(全市)', '220300'],
      ['铁西区', '220302'],
      ['铁东区', '220303'],
      ['梨树县', '220322'],
      ['伊通满族自治县', '220323'],
      ['双辽市', '220382'],
    ]);
    expect(rows.length).toBe(37 * 6);
    for (const row of rows) {
      const unit = byUnit.get(row.cells.unit ?? '');
      const r = records.find((x) => x.org_unit === unit && recordName(x) === row.cells.indicator);
      const indicator = demo.plan.indicators.find((i) => i.code === r?.indicator);
      if (!r || !indicator || r.value === null) throw new Error(`missing ${row.cells.indicator} ${row.cells.unit}`);
      expect(row.cells.value).toBe(formatNumber(r.value, indicatorDigits(indicator)));
      expect(row.cells.status).toBe(STATUS_LABELS[r.status as Status]);
      if (unit === CITY) expect(row.cells.rank).toBe('—');
      else expect(Number(row.cells.rank)).toBeGreaterThanOrEqual(1);
    }
  });

  it('ranks the lowest mortality first', () => {
    const rows = report.sections[0]?.tables[0]?.rows.filter((r) => r.cells.indicator === '新生儿死亡率' && r.cells.rank !== '—') ?? [];
    const best = rows.filter((r) => r.cells.rank === '1').map((r) => Number(r.cells.value));
    expect(Math.min(...rows.map((r) => Number(r.cells.value)))).toBe(best[0]);
  });

  it('draws a bar chart of the counties for each indicator', () => {
    const charts = report.sections.flatMap((s) => s.charts);
    expect(charts.length).toBe(37);
    for (const c of charts) {
      expect(c.kind).toBe('bar');
      expect(c.categories).toEqual(COUNTIES);
    }
  });

  it('sums up each county’s achievement beside the city', () => {
    expect(report.summary.rows.map((r) => r.cells.unit)).toEqual(['四平市(全市)', ...COUNTIES]);
    for (const row of report.summary.rows) expect(row.cells.total).toBe('37');
  });

  it('refuses a unit without county-level units', async () => {
    const county = buildCountyComparisonReport(demo.db, demo.plan, { year: 2024, orgUnit: '220322', data: 'all' });
    await expect(county).rejects.toBeInstanceOf(AppError);
    await expect(county).rejects.toThrow('梨树县没有下辖的县(市、区),无法生成县(市、区)比较报告');
  });
});
