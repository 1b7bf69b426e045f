/** The early-warning list 预警指标 as an Excel workbook: one row per red or yellow target, filled in its colour. */
import ExcelJS from 'exceljs';
import type { WarningList } from '../app/warningsModel.js';
import { warningFill } from '../reports/warningFills.js';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '领域', width: 14 },
  { header: '指标', width: 36 },
  { header: '最新值', width: 12 },
  { header: '数据年份', width: 10 },
  { header: '目标', width: 18 },
  { header: '状态', width: 14 },
  { header: '预警', width: 10 },
  { header: '预警原因', width: 48 },
  { header: '牵头单位', width: 20 },
  { header: '配合单位', width: 30 },
];

/** 四平市2024年预警指标.xlsx; a list with unapproved values says so in its name. */
export function warningWorkbookName(list: Pick<WarningList, 'year' | 'orgUnit' | 'data'>): string {
  return `${list.orgUnit.name}${list.year}年预警指标${list.data === 'all' ? '(含未批准数据)' : ''}.xlsx`;
}

export async function warningWorkbook(list: WarningList, notes: readonly string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'childplan';
  const sheet = book.addWorksheet(`${list.year}年预警指标`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  list.items.forEach((item, i) => {
    const row = sheet.addRow([
      i + 1,
      item.domainName,
      item.name,
      item.valueText,
      item.latestYear ?? '—',
      item.targetText,
      item.statusLabel,
      item.warningLabel,
      [item.causeLabels.join('、'), item.reason].filter(Boolean).join(':'),
      item.lead?.name ?? '未指定',
      item.cooperating.map((d) => d.name).join('、') || '—',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    const fill = warningFill(item.warning);
    if (fill) row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  if (notes.length > 0) sheet.addRow([]);
  for (const note of notes) sheet.addRow([note]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
