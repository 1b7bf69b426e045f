/** The published data as an Excel workbook: a sheet saying what it holds, then the data sheet. */
import ExcelJS from 'exceljs';
import type { PublicData } from '../app/publicData.js';
import { PUBLIC_COLUMNS, publicCells } from './publicTable.js';

export interface PublicWorkbookInfo {
  planName: string;
  /** Set for the demo's synthetic data: said first, so nobody cites it. */
  syntheticNotice: string | null;
  /** When the file was made, as the reader reads time (Beijing). */
  madeAt: string;
}

export async function publicWorkbook(data: PublicData, info: PublicWorkbookInfo): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'childplan';
  const about = book.addWorksheet('说明');
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 90;
  const title = about.addRow([`${info.planName}监测数据(公开发布)`]);
  title.font = { bold: true, size: 14 };
  const lines: [string, string][] = [
    ['发布年度', data.years.length > 0 ? data.years.map((y) => `${y}年`).join('、') : '尚未发布任何年度'],
    ['地区', data.units.map((u) => u.name).join('、')],
    ['数据范围', '仅含已批准、且已由妇儿工委办公室公开发布年度的数据;上级单位未直接报送的数值由所辖单位汇总(见“备注”列)。'],
    ['数据行数', String(data.rows.length)],
    ['生成时间', info.madeAt],
  ];
  if (info.syntheticNotice) lines.unshift(['注意', info.syntheticNotice]);
  for (const [k, v] of lines) {
    const row = about.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }

  const sheet = book.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PUBLIC_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const o of data.rows) sheet.addRow(publicCells(o));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PUBLIC_COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
