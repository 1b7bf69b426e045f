import { describe, expect, it } from 'vitest';
import { warningFor } from './warning.js';

describe('early warning', () => {
  it('gives no warning without an assessment, whatever the volatility', () => {
    expect(warningFor('insufficient_data', true)).toBe('none');
    expect(warningFor('not_assessed', true)).toBe('none');
  });

  it('gives a red warning to regressing and off-track series, volatile or not', () => {
    expect(warningFor('regressing', false)).toBe('red');
    expect(warningFor('off_track', true)).toBe('red');
  });

  it('gives a yellow warning when acceleration is needed or the series is volatile', () => {
    expect(warningFor('needs_acceleration', false)).toBe('yellow');
    expect(warningFor('achieved', true)).toBe('yellow');
    expect(warningFor('on_track', true)).toBe('yellow');
  });

  it('gives a green warning to achieved and on-track series that are not volatile', () => {
    expect(warningFor('achieved', false)).toBe('green');
    expect(warningFor('on_track', false)).toBe('green');
  });
});
