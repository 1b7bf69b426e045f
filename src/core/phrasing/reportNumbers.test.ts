import { describe, expect, it } from 'vitest';
import { changeUnit, formatPercent, formatSignedChange, formatValue, roundTo, valueDigits } from './reportNumbers.js';

describe('figures as the reports print them', () => {
  it('prints rates with one decimal and the unit after the number', () => {
    expect(formatValue(3.24, '‰', valueDigits('‰'))).toBe('3.2‰');
    expect(formatValue(95.05, '%', valueDigits('%'))).toBe('95.1%');
    expect(formatValue(13.56, '1/10万', valueDigits('1/10万'))).toBe('13.6/10万');
    expect(formatValue(100, '%', 1)).toBe('100.0%');
  });

  it('keeps the decimals of a target written more finely than the unit’s usual precision', () => {
    expect(valueDigits('人', [1.05])).toBe(2);
    expect(formatValue(1.05, '人', valueDigits('人', [1.05]))).toBe('1.05人');
    expect(valueDigits('张', [2.8])).toBe(1);
    expect(valueDigits('%', [95])).toBe(1);
  });

  it('counts inspections in whole times', () => {
    expect(formatValue(2, '次/年', valueDigits('次/年', [2]))).toBe('2次');
  });

  it('rounds half away from zero without binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.45, 1)).toBe(2.5);
    expect(roundTo(-2.45, 1)).toBe(-2.5);
    expect(roundTo(-0.04, 1)).toBe(0);
  });

  it('names the unit of a change: points for rates, the unit itself for counts', () => {
    expect(changeUnit('%')).toBe('个百分点');
    expect(changeUnit('‰')).toBe('个千分点');
    expect(changeUnit('1/10万')).toBe('个十万分点');
    expect(changeUnit('人')).toBe('人');
    expect(changeUnit('次/年')).toBe('次');
  });

  it('signs a change for a table and never prints -0.0', () => {
    expect(formatSignedChange(0.31, 1)).toBe('+0.3');
    expect(formatSignedChange(-1.25, 1)).toBe('-1.3');
    expect(formatSignedChange(-0.01, 1)).toBe('0.0');
  });

  it('prints a share with one decimal', () => {
    expect(formatPercent(31 / 33)).toBe('93.9%');
    expect(formatPercent(0)).toBe('0.0%');
  });
});
