/**
 * How each indicator of the demo behaves, chosen so that the demo shows every status:
 * targets already met, on track, needing acceleration, off track, regressing and volatile.
 * Figures are plausible for a prefecture in north-east China; they are not real statistics.
 */

export interface RateScenario {
  kind: 'rate';
  /** The typical county value in 2018. */
  start: number;
  /** Change per year: relative (0.03 = +3 %) or absolute (in the unit). */
  change: number;
  mode: 'relative' | 'absolute';
  /** Relative spread of the counties around the typical value. */
  spread: number;
  /** Relative year-to-year noise. */
  noise: number;
  /** Range of the denominator per county (births, children, pupils …); null: a plain value. */
  denominator: [number, number] | null;
  split?: 'area' | 'sex';
  /** A one-year jump, to show volatility. */
  shock?: { year: number; factor: number };
  /** A county whose value turns bad in the last year, to show a regression there. */
  dip?: { year: number; value: number };
  cap?: number;
}

export interface YesNoScenario {
  kind: 'yes_no';
  /** Share of units with "yes" in 2018 and in 2024; once yes, a unit stays yes. */
  from: number;
  to: number;
  /** Only units of this area report (城区 townships for activity centres). */
  only?: 'urban';
  /** Different paths for urban and rural units. */
  rural?: { from: number; to: number };
}

export interface CountScenario {
  kind: 'count';
  min: number;
  max: number;
}

export type Scenario = RateScenario | YesNoScenario | CountScenario;

const births: [number, number] = [1800, 5200];
const children: [number, number] = [60_000, 170_000];
const pupils: [number, number] = [20_000, 60_000];
const examined: [number, number] = [8_000, 22_000];

export const SCENARIOS: Record<string, Scenario> = {
  neonatal_mortality: {
    kind: 'rate',
    start: 3.9,
    change: -0.05,
    mode: 'relative',
    spread: 0.15,
    noise: 0.04,
    denominator: births,
    split: 'area',
  },
  infant_mortality: {
    kind: 'rate',
    start: 5.6,
    change: -0.03,
    mode: 'relative',
    spread: 0.12,
    noise: 0.03,
    denominator: births,
    split: 'area',
  },
  under5_mortality: {
    kind: 'rate',
    start: 7.2,
    change: -0.02,
    mode: 'relative',
    spread: 0.12,
    noise: 0.03,
    denominator: births,
    split: 'area',
  },
  immunization_rate: {
    kind: 'rate',
    start: 97.2,
    change: 0.1,
    mode: 'absolute',
    spread: 0.015,
    noise: 0.004,
    denominator: [400, 2600],
    cap: 99.8,
  },
  under5_anemia: { kind: 'rate', start: 8.5, change: -0.02, mode: 'relative', spread: 0.1, noise: 0.03, denominator: examined },
  under5_stunting: { kind: 'rate', start: 3.2, change: -0.03, mode: 'relative', spread: 0.1, noise: 0.03, denominator: examined },
  child_overweight_obesity: {
    kind: 'rate',
    start: 14.5,
    change: 0.015,
    mode: 'relative',
    spread: 0.08,
    noise: 0.01,
    denominator: examined,
  },
  new_myopia_rate: { kind: 'rate', start: 13, change: -0.025, mode: 'relative', spread: 0.08, noise: 0.01, denominator: pupils },
  fitness_good_rate: {
    kind: 'rate',
    start: 42,
    change: 1.5,
    mode: 'absolute',
    spread: 0.06,
    noise: 0.01,
    denominator: pupils,
    split: 'sex',
    cap: 95,
  },
  pediatricians_per_1000: { kind: 'rate', start: 0.72, change: 0.04, mode: 'relative', spread: 0.1, noise: 0.02, denominator: children },
  pediatric_beds_per_1000: { kind: 'rate', start: 2.1, change: 0.02, mode: 'relative', spread: 0.1, noise: 0.01, denominator: children },
  township_child_doctors: {
    kind: 'rate',
    start: 72,
    change: 3,
    mode: 'absolute',
    spread: 0.05,
    noise: 0.01,
    denominator: [12, 30],
    cap: 100,
  },
  newborn_visit_rate: {
    kind: 'rate',
    start: 93.5,
    change: 0.3,
    mode: 'absolute',
    spread: 0.01,
    noise: 0.004,
    denominator: births,
    cap: 99.5,
  },
  under3_management_rate: {
    kind: 'rate',
    start: 91.5,
    change: 0.3,
    mode: 'absolute',
    spread: 0.008,
    noise: 0.003,
    denominator: [5_000, 15_000],
    dip: { year: 2024, value: 88.6 },
    cap: 99,
  },
  under7_management_rate: {
    kind: 'rate',
    start: 92.5,
    change: 0.3,
    mode: 'absolute',
    spread: 0.01,
    noise: 0.003,
    denominator: [12_000, 35_000],
    cap: 99,
  },
  student_obesity_rate: { kind: 'rate', start: 11, change: -0.01, mode: 'relative', spread: 0.08, noise: 0.005, denominator: pupils },
  caries_rate_under12: { kind: 'rate', start: 32, change: -0.01, mode: 'relative', spread: 0.08, noise: 0.005, denominator: examined },
  exclusive_breastfeeding: { kind: 'rate', start: 44, change: 1.0, mode: 'absolute', spread: 0.06, noise: 0.01, denominator: births },
  injury_mortality: { kind: 'rate', start: 16, change: -0.03, mode: 'relative', spread: 0.1, noise: 0.03, denominator: children },
  drowning_mortality: { kind: 'rate', start: 4.5, change: -0.006, mode: 'relative', spread: 0.1, noise: 0.01, denominator: children },
  school_food_inspections: { kind: 'count', min: 2, max: 4 },
  preschool_gross_enrollment: {
    kind: 'rate',
    start: 92,
    change: 1,
    mode: 'absolute',
    spread: 0.02,
    noise: 0.004,
    denominator: [3_000, 9_000],
  },
  compulsory_consolidation: {
    kind: 'rate',
    start: 96.5,
    change: 0.2,
    mode: 'absolute',
    spread: 0.005,
    noise: 0.001,
    denominator: [4_000, 12_000],
    cap: 99.9,
  },
  senior_high_gross_enrollment: {
    kind: 'rate',
    start: 88,
    change: 0.8,
    mode: 'absolute',
    spread: 0.02,
    noise: 0.004,
    denominator: [4_000, 12_000],
  },
  disabled_compulsory_enrollment: {
    kind: 'rate',
    start: 93,
    change: 0.5,
    mode: 'absolute',
    spread: 0.01,
    noise: 0.003,
    denominator: [80, 300],
    cap: 100,
  },
  childcare_slots_per_1000: {
    kind: 'rate',
    start: 1.2,
    change: 0.15,
    mode: 'relative',
    spread: 0.15,
    noise: 0.02,
    denominator: [250_000, 750_000],
  },
  children_home_coverage: { kind: 'yes_no', from: 0.4, to: 0.85, rural: { from: 0.3, to: 0.7 } },
  minor_hotline_coverage: { kind: 'yes_no', from: 0, to: 1 },
  child_director_coverage: { kind: 'yes_no', from: 0.85, to: 0.97 },
  medical_insurance_coverage: {
    kind: 'rate',
    start: 95,
    change: 0.35,
    mode: 'absolute',
    spread: 0.01,
    noise: 0.002,
    denominator: children,
    cap: 99.9,
  },
  parent_school_coverage: { kind: 'yes_no', from: 0.8, to: 0.93, rural: { from: 0.6, to: 0.78 } },
  rural_tap_water: {
    kind: 'rate',
    start: 88,
    change: 1.2,
    mode: 'absolute',
    spread: 0.03,
    noise: 0.003,
    denominator: [40_000, 120_000],
    cap: 99.5,
  },
  rural_sanitary_toilet: {
    kind: 'rate',
    start: 65,
    change: 2.5,
    mode: 'absolute',
    spread: 0.05,
    noise: 0.005,
    denominator: [40_000, 120_000],
    cap: 99,
  },
  activity_center_coverage: { kind: 'yes_no', from: 0.1, to: 0.55, only: 'urban' },
  juvenile_crime_rate: {
    kind: 'rate',
    start: 5.1,
    change: -0.03,
    mode: 'relative',
    spread: 0.1,
    noise: 0.02,
    denominator: children,
    shock: { year: 2024, factor: 1.35 },
  },
};
