/** The Excel files open in LibreOffice: converted to PDF, their text carries the titles of every sheet and the figures. */
import { describe, expect, it } from 'vitest';
import { openApp, requirePlan } from '../../src/app/context.js';
import { sampleReport } from '../../src/reports/report.fixtures.js';
import { buildStatisticalTables } from '../../src/reports/statisticalTables.js';
import { writeReportXlsx } from '../../src/reports/xlsx/writeReportXlsx.js';
import { writeStatisticalTablesXlsx } from '../../src/reports/xlsx/writeStatisticalTablesXlsx.js';
import { runCli } from '../support/cli.js';
import { convertToPdf, pdfPageCount, pdfText } from '../support/libreoffice.js';
import { useDatabase } from '../support/useDatabase.js';

/** pdftotext breaks lines and may space out characters: compare without white space. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the Excel files in LibreOffice', () => {
  const database = useDatabase('sqlite');

  it("converts the report workbook to PDF with the title, every chapter sheet's heading and the table captions", async () => {
    const pdf = await convertToPdf(await writeReportXlsx(sampleReport), '报告.xlsx');
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain(squeeze(sampleReport.meta.title));
    for (const section of sampleReport.sections.filter((s) => s.tables.length > 0)) expect(text).toContain(squeeze(section.heading));
    expect(text).toContain('表1');
    expect(text).toContain(squeeze(sampleReport.summary.title));
    expect(text).toContain('草稿');
    expect(text).toMatch(/第1页,共\d+页/);
  });

  it("converts the statistical tables of the demo data to PDF with every domain's table, the indicators and the figures", async () => {
    const demo = await runCli(database.url, 'demo');
    expect(demo.code, demo.stderr).toBe(0);
    const app = await openApp(database.url);
    try {
      const plan = await requirePlan(app.db);
      const tables = await buildStatisticalTables(app.db, plan, { year: 2024, orgUnit: '220300', data: 'all' });
      const pdf = await convertToPdf(await writeStatisticalTablesXlsx(tables), '统计资料.xlsx');
      const text = squeeze(await pdfText(pdf));
      expect(text).toContain('四平市儿童发展统计资料(2020—2024年)');
      plan.domains.forEach((d, i) => expect(text).toContain(`表${i + 1}${d.name}`));
      expect(text).toContain('新生儿死亡率');
      expect(text).toContain('伊通满族自治县');
      expect(text).toContain('草稿');
      // The city's figure is the roll-up of the counties', printed with the mark.
      const neonatal = tables.domains[0]?.rows.find((r) => r.indicator.code === 'neonatal_mortality' && r.orgUnit.code === '220300');
      const latest = neonatal?.cells.at(-1)?.value;
      expect(latest).toBeTypeOf('number');
      expect(text).toContain(`${(latest ?? 0).toFixed(1)}*`);
      expect(await pdfPageCount(pdf)).toBeGreaterThan(plan.domains.length);
    } finally {
      await app.close();
    }
  });
});
