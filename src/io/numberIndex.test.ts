import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../demo/random.js';
import { NumberIndex } from './numberIndex.js';

describe('the index of numeric row keys', () => {
  it('finds what a Map finds for 200,000 keys up to 2^53, including keys that differ only in their high bits', () => {
    const random = new SeededRandom(11);
    const index = new NumberIndex(4);
    const reference = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      const key = i % 3 === 0 ? (i % 1000) * 4294967296 : Math.floor(random.next() * Number.MAX_SAFE_INTEGER);
      index.set(key, i);
      reference.set(key, i);
    }
    expect(index.size).toBe(reference.size);
    for (const [key, ordinal] of reference) expect(index.get(key)).toBe(ordinal);
    for (let i = 0; i < 10_000; i++) {
      const absent = Math.floor(random.next() * Number.MAX_SAFE_INTEGER) + 0.5;
      expect(index.get(absent)).toBe(-1);
    }
    const seen = new Map<number, number>();
    index.forEach((key, ordinal) => seen.set(key, ordinal));
    expect(seen).toEqual(reference);
  });

  it('holds the key 0 and replaces an ordinal stored again', () => {
    const index = new NumberIndex();
    expect(index.get(0)).toBe(-1);
    index.set(0, 5);
    index.set(0, 7);
    expect(index.get(0)).toBe(7);
    expect(index.size).toBe(1);
  });
});
