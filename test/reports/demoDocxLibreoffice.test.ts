/**
 * The acceptance on the demo data: the city's annual report made by `childplan report`
 * opens in LibreOffice, and the PDF's text has every chapter title, the indicator names and the
 * figures `childplan assess` gives for the same data; page 1 renders (Chinese, not blank).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { convertToPdf, pdfFonts, pdfPagePng, pdfText } from '../support/libreoffice.js';
import { decodePng, inkShare } from '../support/pngPixels.js';
import { useDatabase } from '../support/useDatabase.js';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const CHAPTERS = [
  '一、儿童与健康',
  '二、儿童与安全',
  '三、儿童与教育',
  '四、儿童与福利',
  '五、儿童与家庭',
  '六、儿童与环境',
  '七、儿童与法律保护',
];

describe('the annual report of the demo data in LibreOffice', () => {
  const database = useDatabase('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'childplan-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let pdf: Buffer;
  let text: string;
  let assessed: { indicator: string; indicator_name: string; sex: string; area: string; value: number | null }[];

  beforeAll(async () => {
    expect((await runCli(database.url, 'demo')).code).toBe(0);
    const out = join(dir, 'annual.docx');
    const made = await runCli(database.url, 'report', 'annual', '--year', '2024', '--format', 'docx', '--out', out);
    expect(made.code, made.stderr).toBe(0);
    pdf = await convertToPdf(readFileSync(out), 'annual.docx');
    text = squeeze(await pdfText(pdf));
    const assess = await runCli(database.url, 'assess', '--year', '2024', '--org', '220300', '--format', 'json');
    assessed = JSON.parse(assess.stdout) as typeof assessed;
  }, 600_000);

  it('has the title, the seven chapter titles and the synthetic-data notice', () => {
    expect(text).toContain(squeeze('2024年统计监测报告'));
    for (const chapter of CHAPTERS) expect(text).toContain(chapter);
    expect(text).toContain('合成');
  });

  it('names every indicator the city has a value for, with the value the assessment gives', () => {
    const totals = assessed.filter((r) => r.sex === 'total' && r.area === 'total' && r.value !== null);
    expect(totals.length).toBeGreaterThan(25);
    for (const r of totals) expect(text, r.indicator_name).toContain(squeeze(r.indicator_name));
    const neonatal = totals.find((r) => r.indicator === 'neonatal_mortality');
    expect(neonatal?.value).toEqual(expect.any(Number));
    expect(text).toContain(`${(neonatal?.value ?? 0).toFixed(1)}‰`);
  });

  it('renders page 1 with an embedded CJK font, not blank', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.some((f) => /CJK/.test(f.name) && f.embedded)).toBe(true);
    const png = decodePng(await pdfPagePng(pdf, 1, 50));
    expect(inkShare(png)).toBeGreaterThan(0.005);
  });
});
