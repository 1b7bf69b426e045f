import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeHtml } from '../../src/reports/html/writeHtml.js';
import { sampleReport } from '../../src/reports/report.fixtures.js';
import { SCREENSHOTS, useBrowser } from '../support/browser.js';
import { pdfFonts, pdfPagePng, pdfText } from '../support/libreoffice.js';
import { decodePng, inkShare } from '../support/pngPixels.js';

/** The printable page printed by Chromium, as a reader's browser would: A4 pages, 草稿 on each, Chinese drawn. */

const PAGES_DIR = join(SCREENSHOTS, 'reports');

describe('the HTML report printed by Chromium', () => {
  const chrome = useBrowser();
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    const page = await chrome.browser.newPage();
    await page.setContent(writeHtml(sampleReport));
    pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.setViewportSize({ width: 1000, height: 1400 });
    mkdirSync(PAGES_DIR, { recursive: true });
    await page.screenshot({ path: join(PAGES_DIR, 'html-screen.png'), fullPage: true });
    await page.close();
    pages = (await pdfText(pdf)).split('\f').filter((text) => text.trim() !== '');
    for (let i = 1; i <= pages.length; i++) writeFileSync(join(PAGES_DIR, `html-page-${i}.png`), await pdfPagePng(pdf, i, 72));
  });

  it('prints on several A4 pages with the chapters and the figures', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = pages.join('').replace(/\s+/g, '');
    for (const expected of ['一、儿童与健康', '二、儿童与教育', '5岁以下儿童死亡率', '婴儿死亡率为4.0‰', '表2', '图1'])
      expect(text).toContain(expected);
  });

  it('marks every printed page 草稿', () => {
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('草稿'));
  });

  it('embeds its fonts and page 1 is not blank', async () => {
    // Chromium embeds fonts as unnamed Type 3 fonts: the CJK font's name is checked on LibreOffice's PDF only.
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded).toBe(true);
    const pixels = decodePng(await pdfPagePng(pdf, 1, 50));
    expect(inkShare(pixels)).toBeGreaterThan(0.005);
  });
});
