import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../demo/random.js';
import { CsvFileError, type Delimiter, readCsvRecords } from './csvRecords.js';

type Read = [line: number, cells: string[]];

async function read(text: string): Promise<Read[]> {
  const records: Read[] = [];
  await readCsvRecords(Buffer.from(text), (cells, line) => {
    records.push([line, [...cells]]);
  });
  return records;
}

/** What csv-parse makes of the same text, numbered and trimmed as readCsvRecords does it. */
function byCsvParse(text: string, delimiter: Delimiter): Read[] {
  const rows = parse(text, { delimiter, relax_column_count: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return rows
    .map(({ record, info }): Read => [info.lines, record.map((c) => c.trim())])
    .filter(([, cells]) => !(cells.length === 1 && cells[0] === ''));
}

function randomText(random: SeededRandom, delimiter: Delimiter, crlf: boolean): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  const cells = ['newborn_visit_rate', '220302', '2024', '', ' 95.5 ', '基准测试', '合计', '  ', 'a b', '—'];
  const header = ['indicator', 'org_unit', 'year', 'value', 'note'].join(delimiter);
  const lines = [header];
  const count = 1 + Math.floor(random.next() * 3000);
  for (let i = 0; i < count; i++) {
    const width = random.next() < 0.05 ? 0 : 1 + Math.floor(random.next() * 7);
    lines.push(Array.from({ length: width }, () => pick(cells)).join(delimiter));
  }
  const end = crlf ? '\r\n' : '\n';
  return lines.join(end) + (random.next() < 0.5 ? end : '');
}

describe('reading CSV text without quotes', () => {
  it('gives the same records on the same lines as csv-parse, for 60 generated files of up to 3,000 lines', async () => {
    const random = new SeededRandom(7);
    for (let n = 0; n < 60; n++) {
      const delimiter = ([',', '\t', ';'] as const)[n % 3] as Delimiter;
      const text = randomText(random, delimiter, n % 2 === 0);
      expect(await read(text)).toEqual(byCsvParse(text, delimiter));
    }
  });

  it('hands over to csv-parse at a quote far into the file, keeping the line numbers', async () => {
    const plain = Array.from({ length: 4000 }, (_, i) => `newborn_visit_rate,220302,${2000 + (i % 100)},95,备注${i}`);
    const text = [
      'indicator,org_unit,year,value,note',
      ...plain,
      'newborn_visit_rate,220302,2024,95,"第一行',
      '第二行"',
      'x,y,2024,1,last',
    ].join('\r\n');
    const records = await read(text);
    expect(records).toHaveLength(4003);
    expect(records[4001]).toEqual([4002, ['newborn_visit_rate', '220302', '2024', '95', '第一行\r\n第二行']]);
    expect(records[4002]).toEqual([4004, ['x', 'y', '2024', '1', 'last']]);
  });

  it('names the line of a broken quote met after the hand-over', async () => {
    const plain = Array.from({ length: 5000 }, () => 'newborn_visit_rate,220302,2024,95,x');
    const text = ['indicator,org_unit,year,value,note', ...plain, 'newborn_visit_rate,220302,2024,95,"a"b', 'y,y,2024,1,z'].join('\n');
    const error = await read(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as CsvFileError).line).toBe(5002);
    expect((error as CsvFileError).message).toMatch(/引号使用错误/);
  });

  it('reads a file whose lines end in CR alone, as old Mac Excel saves it', async () => {
    expect(await read('a,b\rc,d\r\re,f')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [4, ['e', 'f']],
    ]);
  });

  it('refuses a line longer than 1 MB without quotes, naming it', async () => {
    const text = `indicator,org_unit,year,value\nnewborn_visit_rate,220302,2024,95\n${'x'.repeat(3_000_000)}\n`;
    const error = await read(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as CsvFileError).line).toBe(3);
  });
});
