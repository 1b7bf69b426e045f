import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/core/plan/types.js';
import { loadBuiltinPlan } from '../../src/plans/siping/loadPlan.js';
import type { StatisticalRow, StatisticalTables } from '../../src/reports/statisticalTables.js';
import { writeStatisticalTablesXlsx } from '../../src/reports/xlsx/writeStatisticalTablesXlsx.js';
import { openWorkbook, rowTexts, sheetOf } from './workbook.js';

const plan = loadBuiltinPlan();
const indicator = (code: string): Indicator => {
  const found = plan.indicators.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
};
const CITY = { code: '220300', name: '四平市', level: 'city' };
const LISHU = { code: '220322', name: '梨树县', level: 'county' };
const VILLAGE = { code: '220322100001', name: '某村', level: 'village' };

function row(
  code: string,
  unit: StatisticalRow['orgUnit'],
  values: (number | null)[],
  rolledUp = false,
  group: Partial<StatisticalRow> = {},
): StatisticalRow {
  return {
    indicator: indicator(code),
    orgUnit: unit,
    sex: 'total',
    area: 'total',
    ageGroup: 'total',
    target: '≤3‰',
    cells: values.map((value) => ({ value, rolledUp: rolledUp && value !== null })),
    ...group,
  };
}

function tables(options: { draft?: boolean; scopeNote?: string } = {}): StatisticalTables {
  const health = plan.domains.find((d) => d.code === 'H');
  const welfare = plan.domains.find((d) => d.code === 'W');
  if (!health || !welfare) throw new Error('plan domains');
  return {
    meta: {
      kind: 'statistical_tables',
      title: '四平市儿童发展统计资料(2020—2022年)',
      author: '四平市统计局',
      year: 2022,
      orgUnit: CITY,
      generatedAt: '2025-03-01T08:00:00.000Z',
      draft: options.draft ?? false,
      draftReason: options.draft ? '本报告含未经批准的数据:梨树县卫生健康委员会的2022年数据尚未批准。' : null,
      synthetic: false,
      sourceLine: '资料来源:四平市卫生健康委员会。',
    },
    scopeNote: options.scopeNote ?? null,
    years: [2020, 2021, 2022],
    domains: [
      {
        domain: health,
        rows: [
          row('neonatal_mortality', CITY, [3.66, 3.41, null], true),
          row('neonatal_mortality', CITY, [2.9, 2.7, 2.6], true, { area: 'urban' }),
          row('neonatal_mortality', LISHU, [3.6, 3.6, 3.2]),
          row('pediatricians_per_1000', CITY, [0.8, 0.85, 0.9]),
        ],
      },
      { domain: welfare, rows: [row('children_home_coverage', VILLAGE, [0, 1, 1])] },
    ],
  };
}

describe('the statistical tables as an Excel workbook', () => {
  it('has a cover sheet with the contents, then one sheet per domain', async () => {
    const book = await openWorkbook(await writeStatisticalTablesXlsx(tables()));
    expect(book.worksheets.map((s) => s.name)).toEqual(['说明', '一、儿童与健康', '二、儿童与福利']);
    const cover = rowTexts(sheetOf(book, '说明'));
    expect(cover[0]).toBe('四平市儿童发展统计资料(2020—2022年)');
    expect(cover).toContain('表号|领域|指标数');
    expect(cover).toContain('表1|儿童与健康|2');
    expect(cover.some((t) => t.startsWith('注:1. 带“*”的数值'))).toBe(true);
  });

  it('lists every indicator by unit and group under a bold, frozen header of years, its name and unit merged down its rows', async () => {
    const book = await openWorkbook(await writeStatisticalTablesXlsx(tables()));
    const sheet = sheetOf(book, '一、儿童与健康');
    const texts = rowTexts(sheet);
    expect(texts[1]).toBe('表1 儿童与健康');
    const header = texts.indexOf('指标|计量单位|规划目标|地区|分组|2020年|2021年|2022年') + 1;
    expect(header).toBe(3);
    expect(sheet.getRow(header).getCell(6).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    // exceljs reads the value, not its format: the * of a rolled-up value is its number format (checked below).
    expect(texts[header]).toBe('新生儿死亡率|‰|≤3‰|四平市|合计|3.7|3.4|—');
    expect(texts[header + 1]).toBe('四平市|城镇|2.9|2.7|2.6');
    expect(texts[header + 2]).toBe('梨树县|合计|3.6|3.6|3.2');
    expect(sheet.getCell(header + 3, 1).isMerged).toBe(true);
    expect(sheet.getCell(header + 3, 1).master.address).toBe(`A${header + 1}`);
  });

  it('keeps values as rounded numbers with the precision of the reports, marking the rolled-up ones', async () => {
    const book = await openWorkbook(await writeStatisticalTablesXlsx(tables()));
    const sheet = sheetOf(book, '一、儿童与健康');
    const first = sheet.getRow(4);
    expect(first.getCell(6).value).toBe(3.7);
    expect(first.getCell(6).numFmt).toBe('0.0"*"');
    expect(first.getCell(6).font?.italic).toBe(true);
    const lishu = sheet.getRow(6);
    expect(lishu.getCell(6).numFmt).toBe('0.0');
    const doctors = sheet.getRow(7);
    expect(doctors.getCell(7).value).toBe(0.85);
    expect(doctors.getCell(7).numFmt).toBe('0.00');
  });

  it('writes 是 or 否 for a yes/no indicator at the level it is reported at', async () => {
    const book = await openWorkbook(await writeStatisticalTablesXlsx(tables()));
    expect(rowTexts(sheetOf(book, '二、儿童与福利'))).toContain('城乡社区儿童之家覆盖率|%|≤3‰|某村|合计|否|是|是');
  });

  it('sets every sheet up for printing with the title, page numbers and repeated header rows', async () => {
    const book = await openWorkbook(await writeStatisticalTablesXlsx(tables()));
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddHeader).toContain('四平市儿童发展统计资料');
      expect(sheet.headerFooter.oddFooter).toContain('第 &P 页,共 &N 页');
      expect(sheet.headerFooter.oddHeader).not.toContain('草稿');
    }
    expect(sheetOf(book, '一、儿童与健康').pageSetup.printTitlesRow).toBe('2:3');
  });

  it('marks a draft on every sheet and says which indicators a partial set holds', async () => {
    const book = await openWorkbook(
      await writeStatisticalTablesXlsx(tables({ draft: true, scopeNote: '本资料仅包含卫生健康委员会牵头或配合的2项监测指标。' })),
    );
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader).toContain('草稿');
      expect(sheet.headerFooter.oddFooter).toContain('草稿');
      const texts = rowTexts(sheet);
      expect(texts[1]).toBe('草稿:本报告含未经批准的数据:梨树县卫生健康委员会的2022年数据尚未批准。');
      expect(texts[2]).toBe('本资料仅包含卫生健康委员会牵头或配合的2项监测指标。');
      expect(texts.some((t) => t.includes('含未经批准的数据(草稿)'))).toBe(true);
    }
  });
});
