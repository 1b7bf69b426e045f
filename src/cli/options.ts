/** Option values shared by the commands that read a year, a format and lists of codes. */
export type OutputFormat = 'table' | 'json' | 'csv';

export function parseYearOption(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年份“${text}”无效(应为 2000–2100 的整数)`);
  return year;
}

export function parseFormatOption(text: string): OutputFormat {
  if (text === 'table' || text === 'json' || text === 'csv') return text;
  throw new Error(`输出格式“${text}”无效(应为 table、json 或 csv)`);
}

/** Codes separated by commas (half- or full-width) or spaces. */
export function splitList(text: string): string[] {
  return text.split(/[,,\s]+/).filter((s) => s !== '');
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`端口“${text}”无效(1–65535)`);
  return port;
}
