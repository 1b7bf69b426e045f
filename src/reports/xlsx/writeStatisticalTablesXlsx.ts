/**
 * The statistical tables (统计资料) as a print-ready workbook: a cover sheet with the notes, then one
 * sheet per domain, every indicator by unit, disaggregation and year.
 */
import ExcelJS from 'exceljs';
import { AREA_LABELS, SEX_LABELS } from '../../core/phrasing/labels.js';
import type { StatisticalRow, StatisticalTables } from '../statisticalTables.js';
import { DRAFT_MARK } from '../reportText.js';
import { SheetNames } from './sheetNames.js';
import { type GridCell, type GridColumn, SheetWriter } from './sheetWriter.js';
import { numberFormat, printedValue, ROLLED_UP_MARK } from './valueFormats.js';

export const COVER_SHEET = '说明';
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SYNTHETIC_NOTE = '本资料所用数据为系统生成的演示数据(合成),不是真实统计数据。';
const NO_DATA = '—';

export async function writeStatisticalTablesXlsx(tables: StatisticalTables): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'childplan';
  book.title = tables.meta.title;
  book.created = new Date(tables.meta.generatedAt);
  const names = new SheetNames();
  writeCover(book.addWorksheet(names.take(COVER_SHEET)), tables);
  tables.domains.forEach((d, i) => {
    const heading = `${CHINESE_NUMBERS[i] ?? String(i + 1)}、${d.domain.name}`;
    writeDomain(book.addWorksheet(names.take(heading)), tables, `表${i + 1} ${d.domain.name}`, d.rows);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function writeCover(sheet: ExcelJS.Worksheet, tables: StatisticalTables): void {
  const { meta } = tables;
  const writer = new SheetWriter(sheet, 3);
  writeHeading(writer, tables);
  writer.line(`${meta.author}    生成于 ${meta.generatedAt.slice(0, 10)}`, { center: true });
  writer.blank();
  writer.line('目录', { bold: true, center: true });
  writer.grid(
    [
      { title: '表号', minWidth: 12 },
      { title: '领域', minWidth: 40 },
      { title: '指标数', numeric: true, minWidth: 14 },
    ],
    tables.domains.map((d, i) => [
      { value: `表${i + 1}` },
      { value: d.domain.name },
      { value: new Set(d.rows.map((r) => r.indicator.code)).size },
    ]),
  );
  writer.blank();
  for (const note of notes(tables)) writer.line(note);
  writer.finish({ title: meta.title, draft: meta.draft });
}

function writeDomain(sheet: ExcelJS.Worksheet, tables: StatisticalTables, heading: string, rows: StatisticalRow[]): void {
  const columns: GridColumn[] = [
    { title: '指标', maxWidth: 30 },
    { title: '计量单位', maxWidth: 8 },
    { title: '规划目标', maxWidth: 22 },
    { title: '地区', maxWidth: 16 },
    { title: '分组', maxWidth: 12 },
    ...tables.years.map((y) => ({ title: `${y}年`, numeric: true, maxWidth: 10 })),
  ];
  const writer = new SheetWriter(sheet, columns.length);
  writeHeading(writer, tables);
  writer.line(heading, { size: 12, bold: true, center: true });
  const header = writer.grid(
    columns,
    rows.map((r, i) => {
      const first = i === 0 || rows[i - 1]?.indicator !== r.indicator;
      return [
        { value: first ? r.indicator.name : '' },
        { value: first ? r.indicator.unit : '' },
        { value: first ? r.target : '' },
        { value: r.orgUnit.name },
        { value: groupLabel(r) },
        ...r.cells.map((c) => valueCell(r, c.value, c.rolledUp)),
      ];
    }),
  );
  // Each indicator's name, unit and target merged down its rows, as printed statistical tables do.
  let start = 0;
  rows.forEach((r, i) => {
    if (rows[i + 1]?.indicator === r.indicator) return;
    if (i > start) {
      for (const column of [1, 2, 3]) sheet.mergeCells(header + 1 + start, column, header + 1 + i, column);
    }
    start = i + 1;
  });
  writer.blank();
  for (const note of notes(tables)) writer.line(note);
  writer.finish({ title: tables.meta.title, draft: tables.meta.draft });
}

function writeHeading(writer: SheetWriter, tables: StatisticalTables): void {
  const { meta } = tables;
  writer.line(meta.title, { size: 14, bold: true, center: true });
  if (meta.draft) writer.line(`${DRAFT_MARK}:${meta.draftReason ?? '本资料含未经批准的数据。'}`, { bold: true, color: 'FFC00000' });
  if (meta.synthetic) writer.line(SYNTHETIC_NOTE, { bold: true, color: 'FFC00000' });
  if (tables.scopeNote) writer.line(tables.scopeNote, { bold: true });
}

function notes(tables: StatisticalTables): string[] {
  const { meta } = tables;
  return [
    `注:1. 带“${ROLLED_UP_MARK}”的数值该单位未直接报送,由下级单位数据汇总(或按规划规则推算)得出。`,
    `2. “${NO_DATA}”表示无数据。`,
    `3. 数据口径:${meta.draft ? `含未经批准的数据(${DRAFT_MARK})` : '仅含已批准的数据'},截至 ${meta.generatedAt.slice(0, 10)}。`,
    meta.sourceLine,
  ];
}

function valueCell(row: StatisticalRow, value: number | null, rolledUp: boolean): GridCell {
  if (value === null) return { value: NO_DATA };
  // A unit at the level a yes/no indicator is reported at has 是 or 否, not a share.
  if (row.indicator.yesNo && row.orgUnit.level === row.indicator.level) {
    return { value: (value >= 0.5 ? '是' : '否') + (rolledUp ? ROLLED_UP_MARK : '') };
  }
  return { value: printedValue(row.indicator, value), numFmt: numberFormat(row.indicator, rolledUp), italic: rolledUp };
}

function groupLabel(r: StatisticalRow): string {
  const parts = [
    r.sex === 'total' ? '' : SEX_LABELS[r.sex],
    r.area === 'total' ? '' : AREA_LABELS[r.area],
    r.ageGroup === 'total' ? '' : `${r.ageGroup}岁`,
  ];
  const label = parts.filter((p) => p !== '').join('·');
  return label === '' ? '合计' : label;
}
