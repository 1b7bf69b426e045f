import { describe, expect, it } from 'vitest';
import type { CleanRow } from '../core/validate/rowRules.js';
import { PendingUploads } from './uploadPreview.js';

const row: CleanRow = {
  indicator: 'newborn_visit_rate',
  orgUnit: '220322',
  year: 2025,
  sex: 'total',
  area: 'total',
  ageGroup: 'total',
  value: 96,
  numerator: null,
  denominator: null,
  source: null,
  note: null,
};
const upload = (owner: number, rows = 1) => ({
  owner,
  department: 'health',
  year: 2025,
  fileName: '模板.xlsx',
  rows: Array(rows).fill(row),
});
const limits = { ttlMs: 1000, maxUploads: 3, maxPerUser: 2, maxRows: 10 };

describe('PendingUploads', () => {
  it('gives a preview back once, to its owner only, before it expires', () => {
    const kept = new PendingUploads(limits);
    const token = kept.put(upload(1), 0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(kept.take(2, token, 10)).toBeNull();
    expect(kept.take(1, token, 10)?.rows).toHaveLength(1);
    expect(kept.take(1, token, 10)).toBeNull();
    const late = kept.put(upload(1), 0);
    expect(kept.take(1, late, 1000)).toBeNull();
  });

  it('keeps at most a few previews per user and in all, and a bounded number of rows, dropping the oldest', () => {
    const kept = new PendingUploads(limits);
    const first = kept.put(upload(1), 0);
    const second = kept.put(upload(1), 1);
    const third = kept.put(upload(1), 2);
    expect(kept.take(1, first, 3)).toBeNull();
    expect(kept.size).toBe(2);
    kept.put(upload(2), 3);
    kept.put(upload(3), 4);
    expect(kept.size).toBe(3);
    expect(kept.take(1, second, 5)).toBeNull();
    const big = kept.put(upload(4, 9), 5);
    expect(kept.take(1, third, 6)).toBeNull();
    expect(kept.take(4, big, 6)?.rows).toHaveLength(9);
  });
});
