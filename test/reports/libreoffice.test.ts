import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/reports/docx/writeDocx.js';
import { sampleReport } from '../../src/reports/report.fixtures.js';
import { SCREENSHOTS } from '../support/browser.js';
import { convertToPdf, pdfFonts, pdfPageCount, pdfPagePng, pdfText } from '../support/libreoffice.js';
import { decodePng, inkShare } from '../support/pngPixels.js';

/** The acceptance: the Word file opens in LibreOffice, its PDF has the text, page 1 renders Chinese. */

const PAGES_DIR = join(SCREENSHOTS, 'reports');
/** LibreOffice's first start in a fresh profile is slow, more so beside other test files on two cores. */
const CONVERSION_TIMEOUT = 300_000;

/** pdftotext puts spaces between Chinese and figures and breaks lines: compare without any white space. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the Word report converted to PDF by LibreOffice', () => {
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await convertToPdf(await writeDocx(sampleReport), 'annual-report.docx');
    pages = (await pdfText(pdf)).split('\f').filter((page) => page.trim() !== '');
    // For people to look at: every page as the reader would see it.
    mkdirSync(PAGES_DIR, { recursive: true });
    const count = await pdfPageCount(pdf);
    for (let page = 1; page <= count; page++) writeFileSync(join(PAGES_DIR, `docx-page-${page}.png`), await pdfPagePng(pdf, page, 72));
  }, CONVERSION_TIMEOUT);

  it('has the chapter titles, the indicator names and the figures in its text', () => {
    const text = squeeze(pages.join(''));
    for (const expected of [
      '四平市儿童发展规划（2021—2030年）2024年统计监测报告',
      '一、儿童与健康',
      '二、儿童与教育',
      '三、预警指标',
      '附录数据来源与方法',
      '（一）儿童健康水平持续提高。2024年，四平市婴儿死亡率为4.0‰，比上年下降0.3个千分点，已提前实现规划目标。',
      '表2儿童与健康领域主要指标监测情况',
      '5岁以下儿童死亡率',
      '适龄儿童免疫规划疫苗接种率',
      '学前教育毛入园率',
      '92.3',
      '-0.3',
      '图1',
      '图2',
    ])
      expect(text).toContain(squeeze(expected));
  });

  it('has the cover with the draft reason and the synthetic-data notice on page 1, then numbered pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const cover = squeeze(pages[0] ?? '');
    expect(cover).toContain('四平市统计局');
    expect(cover).toContain('2025年3月18日');
    expect(cover).toContain('3个成员单位的2024年数据尚未批准');
    expect(cover).toContain('【合成数据】');
    expect(squeeze(pages[1] ?? '')).toContain('—1—');
  });

  it('marks every page 草稿', () => {
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('草稿'));
  });

  it('embeds a CJK font, so that Chinese is drawn in glyphs and not in boxes', async () => {
    const fonts = await pdfFonts(pdf);
    const cjk = fonts.filter((font) => /CJK|Hei|Song|Fang|Kai|WenQuanYi|Droid/i.test(font.name));
    expect(cjk.length, fonts.map((font) => font.name).join(', ')).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded, font.name).toBe(true);
  });

  it('renders page 1 to a PNG that is not blank', async () => {
    const pixels = decodePng(await pdfPagePng(pdf, 1, 50));
    // A4 at 50 dpi.
    expect(pixels.width).toBeGreaterThan(400);
    expect(pixels.height).toBeGreaterThan(570);
    expect(inkShare(pixels)).toBeGreaterThan(0.005);
  });
});
