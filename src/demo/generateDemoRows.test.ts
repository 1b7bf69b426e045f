import { describe, expect, it } from 'vitest';
import { loadDivisionFile, orgUnitsOfPrefecture } from '../plans/divisions.js';
import { loadBuiltinPlan } from '../plans/siping/loadPlan.js';
import { DEMO_SOURCE, generateDemoRows } from './generateDemoRows.js';

const plan = loadBuiltinPlan();
const units = orgUnitsOfPrefecture(loadDivisionFile(), '2203');

describe('the demo data set', () => {
  const rows = generateDemoRows(plan, units);

  it('is the same on every run', () => {
    expect(JSON.stringify(generateDemoRows(plan, units))).toBe(JSON.stringify(rows));
  });

  it('covers 2018–2024 and every importable indicator of the plan', () => {
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2018, 2019, 2020, 2021, 2022, 2023, 2024]));
    const importable = plan.indicators.filter((i) => i.aggregation !== 'coverage').map((i) => i.code);
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(importable));
  });

  it('labels every value as synthetic in its source', () => {
    expect(rows.every((r) => r.source === DEMO_SOURCE)).toBe(true);
    expect(DEMO_SOURCE).toContain('合成');
  });

  it('keeps percentages within 0–100 and numerators within denominators for rates', () => {
    const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
    for (const r of rows) {
      const indicator = byCode.get(r.indicator);
      if (indicator?.bounded) expect(r.value).toBeLessThanOrEqual(100);
      if (r.numerator !== null && r.denominator !== null && indicator?.bounded) expect(r.numerator).toBeLessThanOrEqual(r.denominator);
      expect(r.value).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives each key only once', () => {
    const keys = rows.map((r) => `${r.indicator}|${r.orgUnit}|${r.year}|${r.sex}|${r.area}|${r.ageGroup}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
