/** The deterministic synthetic data set for trying the system: every unit, 2018–2024. */
import type { Indicator, OrgLevel, Plan } from '../core/plan/types.js';
import type { CleanRow } from '../core/validate/rowRules.js';
import { type RateScenario, SCENARIOS, type YesNoScenario } from './scenarios.js';
import { SeededRandom, seedOf } from './random.js';

export const DEMO_YEARS = { first: 2018, last: 2024 } as const;
export const DEMO_SOURCE = '演示数据(合成,非真实统计)';

export interface DemoUnit {
  code: string;
  level: OrgLevel;
  area: 'urban' | 'rural' | null;
}

const years = (): number[] => Array.from({ length: DEMO_YEARS.last - DEMO_YEARS.first + 1 }, (_, i) => DEMO_YEARS.first + i);

export function generateDemoRows(plan: Plan, units: DemoUnit[]): CleanRow[] {
  const rows: CleanRow[] = [];
  for (const indicator of plan.indicators) {
    const scenario = SCENARIOS[indicator.code];
    if (!scenario || indicator.aggregation === 'coverage') continue;
    const atLevel = units.filter((u) => u.level === indicator.level);
    if (scenario.kind === 'rate') atLevel.forEach((u, i) => rows.push(...rateRows(indicator, scenario, u, i === atLevel.length - 1)));
    else if (scenario.kind === 'yes_no') atLevel.forEach((u) => rows.push(...yesNoRows(indicator, scenario, u)));
    else {
      atLevel.forEach((u, i) => {
        const random = new SeededRandom(seedOf(`${indicator.code}/${u.code}`));
        for (const year of years()) {
          const value = i === atLevel.length - 1 && year === DEMO_YEARS.last ? 1 : random.int(scenario.min, scenario.max);
          rows.push(row(indicator, u.code, year, 'total', 'total', value, null, null));
        }
      });
    }
  }
  return rows;
}

function row(
  indicator: Indicator,
  orgUnit: string,
  year: number,
  sex: CleanRow['sex'],
  area: CleanRow['area'],
  value: number,
  numerator: number | null,
  denominator: number | null,
): CleanRow {
  return {
    indicator: indicator.code,
    orgUnit,
    year,
    sex,
    area,
    ageGroup: 'total',
    value,
    numerator,
    denominator,
    source: DEMO_SOURCE,
    note: null,
  };
}

function rateRows(indicator: Indicator, s: RateScenario, unit: DemoUnit, lastUnit: boolean): CleanRow[] {
  const random = new SeededRandom(seedOf(`${indicator.code}/${unit.code}`));
  const unitFactor = 1 + random.noise(s.spread);
  const base = s.denominator ? random.between(s.denominator[0], s.denominator[1]) : 0;
  const factor = indicator.formula.factor;
  const cap = s.cap ?? (indicator.bounded ? 100 : Infinity);
  const out: CleanRow[] = [];
  for (const year of years()) {
    const t = year - DEMO_YEARS.first;
    const typical = s.mode === 'relative' ? s.start * (1 + s.change) ** t : s.start + s.change * t;
    let value = typical * unitFactor * (1 + random.noise(s.noise));
    if (s.shock && year === s.shock.year) value *= s.shock.factor;
    if (s.dip && lastUnit && year === s.dip.year) value = s.dip.value;
    value = Math.max(0, Math.min(cap, value));
    if (!s.denominator) {
      out.push(row(indicator, unit.code, year, 'total', 'total', round(value, 2), null, null));
      continue;
    }
    const denominator = Math.round(base * (1 + 0.01 * t));
    const parts = split(s.split, value, denominator, cap);
    let sumNum = 0;
    let sumDen = 0;
    for (const part of parts) {
      const numerator = Math.min(part.den, Math.round((part.value * part.den) / factor));
      const den = Math.max(1, part.den);
      sumNum += numerator;
      sumDen += den;
      if (part.sex !== 'total' || part.area !== 'total') {
        out.push(row(indicator, unit.code, year, part.sex, part.area, (numerator / den) * factor, numerator, den));
      }
    }
    out.push(row(indicator, unit.code, year, 'total', 'total', (sumNum / sumDen) * factor, sumNum, sumDen));
  }
  return out;
}

interface Part {
  sex: CleanRow['sex'];
  area: CleanRow['area'];
  value: number;
  den: number;
}

function split(kind: RateScenario['split'], value: number, den: number, cap: number): Part[] {
  const urbanDen = Math.round(den * 0.42);
  const maleDen = Math.round(den * 0.52);
  if (kind === 'area') {
    return [
      { sex: 'total', area: 'urban', value: Math.min(cap, value * 0.8), den: urbanDen },
      { sex: 'total', area: 'rural', value: Math.min(cap, value * 1.15), den: den - urbanDen },
    ];
  }
  if (kind === 'sex') {
    return [
      { sex: 'male', area: 'total', value: Math.min(cap, value * 0.96), den: maleDen },
      { sex: 'female', area: 'total', value: Math.min(cap, value * 1.04), den: den - maleDen },
    ];
  }
  return [{ sex: 'total', area: 'total', value, den }];
}

function yesNoRows(indicator: Indicator, s: YesNoScenario, unit: DemoUnit): CleanRow[] {
  if (s.only && unit.area !== s.only) return [];
  const random = new SeededRandom(seedOf(`${indicator.code}/${unit.code}`));
  const threshold = random.next();
  const path = unit.area === 'rural' && s.rural ? s.rural : s;
  const span = DEMO_YEARS.last - DEMO_YEARS.first;
  return years().map((year) => {
    const share = path.from + ((path.to - path.from) * (year - DEMO_YEARS.first)) / span;
    const yes = threshold < share ? 1 : 0;
    return row(indicator, unit.code, year, 'total', 'total', yes * 100, yes, 1);
  });
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
