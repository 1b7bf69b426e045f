import { describe, expect, it } from 'vitest';
import { chapterHeading, chineseNumber, findingNumber, joinNames } from './numbering.js';

describe('Chinese numbering', () => {
  it('numbers chapters and findings as the reports do', () => {
    expect(chapterHeading(1, '儿童与健康')).toBe('一、儿童与健康');
    expect(chapterHeading(7, '儿童与法律保护')).toBe('七、儿童与法律保护');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(11)).toBe('十一');
    expect(chineseNumber(20)).toBe('二十');
    expect(chineseNumber(35)).toBe('三十五');
    expect(findingNumber(3)).toBe('(三)');
  });

  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumber(0)).toThrow(RangeError);
  });

  it('joins names with 、 and a final 和', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['新生儿死亡率'])).toBe('新生儿死亡率');
    expect(joinNames(['甲', '乙'])).toBe('甲和乙');
    expect(joinNames(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });
});
