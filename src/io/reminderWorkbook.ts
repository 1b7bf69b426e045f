/** The list of departments to remind (催报名单) as an Excel workbook the office prints or sends on. */
import ExcelJS from 'exceljs';

export interface ReminderLine {
  orgUnitName: string;
  departmentName: string;
  expected: number;
  filled: number;
  stateLabel: string;
  deadline: string | null;
  daysLate: number;
}

const COLUMNS = [
  { header: '单位', width: 14 },
  { header: '成员单位', width: 26 },
  { header: '应报', width: 8 },
  { header: '已填', width: 8 },
  { header: '状态', width: 10 },
  { header: '截止日期', width: 12 },
  { header: '逾期天数', width: 10 },
];

export async function reminderWorkbook(year: number, lines: readonly ReminderLine[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'childplan';
  const sheet = book.addWorksheet(`${year}年催报名单`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const l of lines) {
    sheet.addRow([l.orgUnitName, l.departmentName, l.expected, l.filled, l.stateLabel, l.deadline ?? '未设置', l.daysLate]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
