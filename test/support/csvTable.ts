/** CSV text read back as the tests check it (RFC 4180 quoting), the header naming each row's cells. */

export interface CsvTable {
  bom: boolean;
  header: string[];
  rows: Record<string, string>[];
}

export function readCsv(text: string): CsvTable {
  const bom = text.startsWith('\ufeff');
  const lines = parseLines(bom ? text.slice(1) : text);
  const [header = [], ...body] = lines;
  return { bom, header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

function parseLines(text: string): string[][] {
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) lines.push([...cells, cell]);
  return lines;
}
