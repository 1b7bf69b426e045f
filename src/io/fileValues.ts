/**
 * The values of one import file, kept compactly while it streams (a key and four numbers a row),
 * so that duplicates, year-on-year jumps and parent/children gaps inside the file are found
 * without asking the database. Rows are addressed by their ordinal to avoid an object per row.
 */
import { NumberIndex } from './numberIndex.js';
import type { KeyParts, RowKeys } from './rowKeys.js';

export class FileValues {
  private readonly numeric = new NumberIndex(1 << 16);
  /** Keys the row keys could not number (see RowKeys). */
  private readonly textual = new Map<string, number>();
  /** The key of each ordinal; NaN where it is text. */
  private keys = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private numbers = new Float64Array(3 * 1024);
  private count = 0;

  constructor(readonly rowKeys: RowKeys) {}

  /** Records a row; returns the line of an earlier row with the same key instead, if any. */
  add(parts: KeyParts, line: number, value: number, numerator: number | null, denominator: number | null): number | null {
    const key = this.rowKeys.key(parts);
    const earlier = this.ordinalOf(key);
    if (earlier >= 0) return this.lines[earlier] ?? null;
    if (this.count === this.lines.length) this.grow();
    const i = this.count++;
    if (typeof key === 'number') {
      this.numeric.set(key, i);
      this.keys[i] = key;
    } else {
      this.textual.set(key, i);
      this.keys[i] = Number.NaN;
    }
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
    const i = this.ordinalOf(this.rowKeys.key(parts));
    return i < 0 ? null : this.lineAt(i);
  }

  /** The ordinal of the row with this key, or −1. */
  ordinalOf(key: number | string): number {
    return typeof key === 'number' ? this.numeric.get(key) : (this.textual.get(key) ?? -1);
  }

  lineAt(i: number): number {
    return this.lines[i] ?? 0;
  }

  valueAt(i: number): number {
    return this.numbers[3 * i] ?? 0;
  }

  /** The numerator and denominator of a row, or null when it gave only a value. */
  ratioAt(i: number): [number, number] | null {
    const n = this.numbers[3 * i + 1] ?? Number.NaN;
    const d = this.numbers[3 * i + 2] ?? Number.NaN;
    return Number.isNaN(n) || Number.isNaN(d) ? null : [n, d];
  }

  /** Calls back with every numeric key and its ordinal, in the order of the file (string keys, for codes the keys cannot number, are skipped). */
  forEachNumeric(callback: (key: number, ordinal: number) => void): void {
    for (let i = 0; i < this.count; i++) {
      const key = this.keys[i] ?? Number.NaN;
      if (!Number.isNaN(key)) callback(key, i);
    }
  }

  /** The years of each indicator in the file. */
  indicatorYears(): [string, number[]][] {
    const years = new Map<string, Set<number>>();
    const add = (key: number | string): void => {
      const [indicator, year] = this.rowKeys.indicatorYear(key);
      let set = years.get(indicator);
      if (!set) years.set(indicator, (set = new Set()));
      set.add(year);
    };
    this.forEachNumeric((key) => add(key));
    for (const key of this.textual.keys()) add(key);
    return [...years].map(([indicator, set]) => [indicator, [...set]]);
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const lines = new Int32Array(this.lines.length * 2);
    lines.set(this.lines);
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.lines = lines;
    this.numbers = numbers;
  }
}
