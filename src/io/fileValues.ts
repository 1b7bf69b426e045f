/**
 * The values of one import file, kept compactly while it streams (a key and four numbers a row),
 * so that duplicates, year-on-year jumps and parent/children gaps inside the file are found
 * without asking the database. Rows are addressed by their ordinal to avoid an object per row.
 */
import type { KeyParts, RowKeys } from './rowKeys.js';

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
    return i === undefined ? null : this.lineAt(i);
  }

  /** The ordinal of the row with this key, or −1. */
  ordinalOf(key: number | string): number {
    return this.ordinals.get(key) ?? -1;
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

  /** Calls back with every numeric key and its ordinal (string keys, for codes the keys cannot number, are skipped). */
  forEachNumeric(callback: (key: number, ordinal: number) => void): void {
    for (const [key, i] of this.ordinals) if (typeof key === 'number') callback(key, i);
  }

  /** The years of each indicator in the file. */
  indicatorYears(): [string, number[]][] {
    const years = new Map<string, Set<number>>();
    for (const key of this.ordinals.keys()) {
      const [indicator, year] = this.keys.indicatorYear(key);
      let set = years.get(indicator);
      if (!set) years.set(indicator, (set = new Set()));
      set.add(year);
    }
    return [...years].map(([indicator, set]) => [indicator, [...set]]);
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
