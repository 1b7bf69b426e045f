/** Reading a written workbook back with exceljs, as the tests check it. */
import ExcelJS from 'exceljs';

export async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

/** Each row's cells as shown, joined with |; a merged range counts once. */
export function rowTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    // A merged range repeats its value in every cell when read back: only its first cell counts.
    row.eachCell((cell) => {
      if (cell.master.address === cell.address && cell.value !== null) cells.push(cell.text);
    });
    texts.push(cells.join('|'));
  });
  return texts;
}

export function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${book.worksheets.map((s) => s.name).join(', ')}`);
  return sheet;
}
