import { describe, expect, it } from 'vitest';
import { hostileReport } from '../../src/reports/report.fixtures.js';
import { writeReportXlsx } from '../../src/reports/xlsx/writeReportXlsx.js';
import { sampleReport } from './sampleReport.js';
import { openWorkbook as open, rowTexts, sheetOf } from './workbook.js';

describe('the report as an Excel workbook', () => {
  it('has a summary sheet and one sheet per chapter with tables, under valid sheet names', async () => {
    const book = await open(await writeReportXlsx(sampleReport()));
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '一、儿童与健康', '三、儿童与教育 培训 试']);
  });

  it('writes the title, the summary figures and the preamble on the summary sheet', async () => {
    const book = await open(await writeReportXlsx(sampleReport()));
    const texts = rowTexts(sheetOf(book, '概况'));
    expect(texts[0]).toBe('四平市儿童发展规划(2021-2030年)2024年统计监测报告');
    expect(texts).toContain('领域|可监测指标|已达标|达标率(%)');
    expect(texts).toContain('合计|33|31|93.9');
    expect(texts).toContain('表1　各领域指标达标情况');
    expect(texts.some((t) => t.startsWith('规划实施总体进展顺利。多数指标'))).toBe(true);
  });

  it("writes a chapter's tables and its subsections' tables with bold, frozen headers", async () => {
    const book = await open(await writeReportXlsx(sampleReport()));
    const sheet = sheetOf(book, '一、儿童与健康');
    const texts = rowTexts(sheet);
    const header = texts.indexOf('指标|单位|目标值|2024年|2023年|变化|状态|预警') + 1;
    expect(header).toBeGreaterThan(0);
    expect(sheet.getRow(header).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(texts).toContain('(一)城乡差异');
    expect(texts).toContain('表2　儿童与健康主要指标');
    expect(texts).toContain('表3　城乡差异');
    expect(texts).toContain('新生儿死亡率|2.1|2.9');
    expect(texts).toContain('注:变化为比上年增减。');
  });

  it('keeps figures as numbers with the decimals of the text, and text as text', async () => {
    const book = await open(await writeReportXlsx(sampleReport()));
    const sheet = sheetOf(book, '一、儿童与健康');
    let found = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '新生儿死亡率' && row.getCell(2).value === '‰') {
        expect(row.getCell(4).value).toBe(2.5);
        expect(row.getCell(4).numFmt).toBe('0.0');
        expect(row.getCell(6).value).toBe(-0.3);
        expect(row.getCell(6).text).toBe('-0.3');
        found++;
      }
      if (row.getCell(1).value === '每千名儿童儿科床位数') {
        expect(row.getCell(4).value).toBe(1234);
        expect(row.getCell(4).numFmt).toBe('#,##0');
        expect(row.getCell(5).value).toBe('—');
        found++;
      }
      if (row.getCell(1).value === '5岁以下儿童死亡率') {
        expect(row.getCell(6).value).toBe(0.3);
        expect(row.getCell(6).numFmt).toBe('+0.0;-0.0;0.0');
        expect(row.getCell(8).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
        found++;
      }
    });
    expect(found).toBe(3);
  });

  it('sets every sheet up for printing: A4 landscape, fit to width, repeated header rows, title and page numbers', async () => {
    const book = await open(await writeReportXlsx(sampleReport()));
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(sheet.headerFooter.oddHeader).toContain('2024年统计监测报告');
      expect(sheet.headerFooter.oddFooter).toContain('&P');
      expect(sheet.headerFooter.oddFooter).toContain('&N');
      expect(sheet.headerFooter.oddHeader).not.toContain('草稿');
      expect(sheet.getColumn(1).width ?? 0).toBeGreaterThan(8);
    }
  });

  it('marks a draft in the page header and footer and on a note line of every sheet', async () => {
    const book = await open(await writeReportXlsx(sampleReport({ draft: true })));
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader).toContain('草稿');
      expect(sheet.headerFooter.oddFooter).toContain('草稿');
      expect(rowTexts(sheet)[1]).toBe('草稿:本报告含未经批准的数据(1 个成员单位的 2024 年数据尚未批准)。');
    }
  });

  it('says on every sheet when the figures are the synthetic demo data', async () => {
    const book = await open(await writeReportXlsx(sampleReport({ synthetic: true })));
    for (const sheet of book.worksheets)
      expect(rowTexts(sheet).some((t) => t.startsWith('本报告所用数据为系统生成的合成演示数据'))).toBe(true);
  });

  it('keeps markup, quotes and ampersands as plain text, in cells, sheet names and the page header', async () => {
    const book = await open(await writeReportXlsx(hostileReport()));
    const chapter = sheetOf(book, '<script>alert("x")< script>&<b>');
    expect(rowTexts(sheetOf(book, '概况'))[0]).toBe('<script>alert("x")</script>&<b>报告');
    expect(chapter.headerFooter.oddHeader).toContain('<script>alert("x")</script>&&<b>报告');
  });
});
