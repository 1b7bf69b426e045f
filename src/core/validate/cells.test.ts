import { describe, expect, it } from 'vitest';
import { parseArea, parseNumber, parseSex, parseYesNo } from './cells.js';

describe('reading cells', () => {
  it.each([
    ['12.5', 12.5],
    ['0', 0],
    ['1,234.5', 1234.5],
    ['１２．５', 12.5],
    ['1.5E-05', 0.000015],
    ['.5', 0.5],
    ['-3', -3],
  ])('reads the number %s as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(['', 'abc', '九十五', '1,23', '12.5.1', 'NaN', 'Infinity', '1e999'])('refuses %j as a number', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('reads sex and area in English and Chinese, defaulting to the total', () => {
    expect(parseSex('')).toBe('total');
    expect(parseSex('男')).toBe('male');
    expect(parseSex('Female')).toBe('female');
    expect(parseSex('未知')).toBeNull();
    expect(parseArea('')).toBe('total');
    expect(parseArea('城镇')).toBe('urban');
    expect(parseArea('农村')).toBe('rural');
    expect(parseArea('郊区')).toBeNull();
  });

  it('reads yes/no answers as 1 and 0', () => {
    expect(['是', '有', '1', 'yes', '√'].map(parseYesNo)).toEqual([1, 1, 1, 1, 1]);
    expect(['否', '无', '0', 'no', '×'].map(parseYesNo)).toEqual([0, 0, 0, 0, 0]);
    expect(parseYesNo('也许')).toBeNull();
  });
});
