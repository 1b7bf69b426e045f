/** CSV text for people who open it in Excel: UTF-8 with a byte-order mark, CRLF lines. */

/** Excel needs the mark to read UTF-8 instead of the system code page (GBK on Chinese Windows). */
export const UTF8_BOM = '\ufeff';

export type CsvCell = string | number | boolean | null;

/**
 * One CSV line. Text that Excel would run as a formula (= + - @ at the start) is prefixed with an
 * apostrophe: log entries carry what strangers typed into the login form.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
