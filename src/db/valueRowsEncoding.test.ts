import { describe, expect, it } from 'vitest';
import type { CleanRow } from '../core/validate/rowRules.js';
import { copyText, encodeCopyRows } from './valueRowsCopy.js';
import { encodeValueRows, encodeValueRowsBytes } from './valueRowsJson.js';

const row = (over: Partial<CleanRow>): CleanRow => ({
  indicator: 'newborn_visit_rate',
  orgUnit: '220302',
  year: 2024,
  sex: 'total',
  area: 'total',
  ageGroup: 'total',
  value: 95.5,
  numerator: null,
  denominator: null,
  source: null,
  note: null,
  ...over,
});

const TRICKY = ['引号"内"', 'C:\\数据\\n', '制表\t换行\n回车\r', '\u0001控制', '𠀀 生僻字', '$& 与 %', ''];
const rows = [
  row({}),
  row({ value: 1 / 3, numerator: 1, denominator: 3, source: '卫健委' }),
  row({ value: 1e-7, note: '很小' }),
  row({ value: 123456789012, ageGroup: '0-6岁' }),
  ...TRICKY.map((text, i) => row({ year: 2000 + i, source: text, note: text, ageGroup: text || 'total' })),
];

describe('encoding batches of values for the database', () => {
  it('writes the same JSON as JSON.stringify, as UTF-8 bytes', () => {
    const bytes = encodeValueRowsBytes(rows);
    expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual(JSON.parse(encodeValueRows(rows)));
    expect(JSON.parse(Buffer.from(encodeValueRowsBytes([])).toString('utf8'))).toEqual([]);
  });

  it('writes COPY text that reads back to the same cells, with NULL as \\N and the suffix on every line', () => {
    const text = Buffer.from(encodeCopyRows(rows, `\t${copyText('张$&三')}`)).toString('utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(rows.length);
    const unescape = (cell: string): string | null =>
      cell === '\\N' ? null : cell.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
    lines.forEach((line, i) => {
      const cells = line.split('\t').map(unescape);
      const r = rows[i] as CleanRow;
      expect(cells).toEqual([
        r.indicator,
        r.orgUnit,
        String(r.year),
        r.sex,
        r.area,
        r.ageGroup,
        String(r.value),
        r.numerator === null ? null : String(r.numerator),
        r.denominator === null ? null : String(r.denominator),
        r.source,
        r.note,
        '张$&三',
      ]);
    });
  });

  it('grows its buffer for rows longer than it first reserved', () => {
    const long = '长'.repeat(100_000);
    const bytes = encodeValueRowsBytes([row({ note: long }), row({ note: long, year: 2025 })]);
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown[][];
    expect(parsed.map((r) => r[10])).toEqual([long, long]);
  });
});
