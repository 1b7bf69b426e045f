/**
 * The values of one import file, kept compactly while it streams (a key and four numbers a row),
 * so that duplicates, year-on-year jumps and parent/children gaps inside the file are found
 * without asking the database.
 */
import type { KeyParts, RowKeys } from './rowKeys.js';

export interface StoredValue {
  line: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export class FileValues {
  private readonly ordinals = new Map<number | string, number>();
  private lines = new Int32Array(1024);
  private numbers = new Float64Array(3 * 1024);
  private count = 0;

  constructor(readonly keys: RowKeys) {}

  /** Records a row; returns the line of an earlier row with the same key instead, if any. */
  add(parts: KeyParts, line: number, value: number, numerator: number | null, denominator: number | null): number | null {
    const key = this.keys.key(parts);
    const earlier = this.ordinals.get(key);
    if (earlier !== undefined) return this.lines[earlier] ?? null;
    if (this.count === this.lines.length) this.grow();
    const i = this.count++;
    this.ordinals.set(key, i);
    this.lines[i] = line;
    this.numbers[3 * i] = value;
    this.numbers[3 * i + 1] = numerator ?? Number.NaN;
    this.numbers[3 * i + 2] = denominator ?? Number.NaN;
    return null;
  }

  get size(): number {
    return this.count;
  }

  lineOf(parts: KeyParts): number | null {
    const i = this.ordinals.get(this.keys.key(parts));
    return i === undefined ? null : (this.lines[i] ?? null);
  }

  get(key: number | string): StoredValue | undefined {
    const i = this.ordinals.get(key);
    if (i === undefined) return undefined;
    const n = this.numbers[3 * i + 1] ?? Number.NaN;
    const d = this.numbers[3 * i + 2] ?? Number.NaN;
    return {
      line: this.lines[i] ?? 0,
      value: this.numbers[3 * i] ?? 0,
      numerator: Number.isNaN(n) ? null : n,
      denominator: Number.isNaN(d) ? null : d,
    };
  }

  /** Every numeric key with its row (string keys, for codes the keys cannot number, are skipped). */
  *numericEntries(): Generator<[number, StoredValue]> {
    for (const [key, i] of this.ordinals) {
      if (typeof key !== 'number') continue;
      const n = this.numbers[3 * i + 1] ?? Number.NaN;
      const d = this.numbers[3 * i + 2] ?? Number.NaN;
      yield [
        key,
        {
          line: this.lines[i] ?? 0,
          value: this.numbers[3 * i] ?? 0,
          numerator: Number.isNaN(n) ? null : n,
          denominator: Number.isNaN(d) ? null : d,
        },
      ];
    }
  }

  private grow(): void {
    const lines = new Int32Array(this.lines.length * 2);
    lines.set(this.lines);
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.lines = lines;
    this.numbers = numbers;
  }
}
