/** The part of a series the assessment uses (methodology.md, Inputs). */
import type { Observation } from './types.js';

/** The plan's baseline year, used when a series has no target to name one. */
export const PLAN_BASELINE_YEAR = 2020;

export interface SeriesView {
  /** Observations with `fromYear ≤ t ≤ Y` and a finite value, oldest first. */
  used: Observation[];
  /** (tn, yn): the latest used observation. */
  latest: Observation | null;
  /** (t0, y0): the observation at `fromYear`, else the earliest used one before tn. */
  baseline: Observation | null;
  /** The observations in t0 … tn when t0 < tn (at least two); empty otherwise. */
  span: Observation[];
}

/** Selects the observations of a series that the assessment for year `year` may use. */
export function viewSeries(observations: readonly Observation[], fromYear: number, year: number): SeriesView {
  const used = observations.filter((o) => o.year >= fromYear && o.year <= year && Number.isFinite(o.value)).sort((a, b) => a.year - b.year);
  const latest = used[used.length - 1] ?? null;
  const first = used[0] ?? null;
  // `used` starts at fromYear, so its first element is the 2020 observation when there is one,
  // and otherwise the earliest observation of 2020 … tn; it is a baseline for rates only before tn.
  const baseline = first !== null && (first.year === fromYear || (latest !== null && first.year < latest.year)) ? first : null;
  const span = baseline !== null && latest !== null && baseline.year < latest.year ? used : [];
  return { used, latest, baseline, span };
}

/** The value observed in `year`, or null. */
export function valueIn(observations: readonly Observation[], year: number): number | null {
  return observations.find((o) => o.year === year)?.value ?? null;
}
