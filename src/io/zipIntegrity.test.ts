import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkZip } from './zipIntegrity.js';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  sheet.addRow(['指标代码', '单位代码', '年份', '数值']);
  for (let i = 0; i < 200; i++) sheet.addRow([`a${i}`, '220322', 2025, i]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('checkZip', () => {
  it('finds a workbook written with data descriptors whole', async () => {
    expect(checkZip(await workbook(), 100_000_000)).toBe('whole');
  });

  it('finds damaged every workbook whose compressed data or headers were overwritten', async () => {
    const good = await workbook();
    // Offsets inside the first entries' headers and data, where the streaming reader used to wait for ever.
    for (const at of [0, 8, 26, 200, 500, 1000, Math.floor(good.length / 2)]) {
      const bad = Buffer.from(good);
      bad[at] = (bad[at] ?? 0) ^ 0xff;
      expect(checkZip(bad, 100_000_000), `byte ${at}`).toBe('damaged');
    }
    expect(checkZip(good.subarray(0, good.length - 30), 100_000_000)).toBe('damaged');
    expect(checkZip(Buffer.from('PK\u0003\u0004 not a zip'), 100_000_000)).toBe('damaged');
  });

  it('refuses an archive that unpacks to more than allowed', async () => {
    expect(checkZip(await workbook(), 1000)).toBe('too_large');
  });
});
