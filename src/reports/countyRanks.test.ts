import { describe, expect, it } from 'vitest';
import { countyRanks } from './countyRanks.js';

describe('ranks of the county-level units', () => {
  it('puts the lowest first where lower is better, and equal printed values share a rank', () => {
    expect(countyRanks([2.94, 2.6, 3.3, 2.61, null], 'down', 1)).toEqual([3, 1, 4, 1, null]);
  });

  it('puts the highest first where higher is better', () => {
    expect(countyRanks([95.1, 97.2, 96], 'up', 1)).toEqual([3, 1, 2]);
  });
});
