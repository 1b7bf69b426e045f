/**
 * The plan as the public reads it (关于规划) as plain, serialisable data: what `aboutPlan` returns
 * and the public portal draws. Types only, so that the web app imports them as they are.
 */

/** A main goal or measure of a domain, verbatim. */
export interface AboutItem {
  code: string;
  number: number;
  text: string;
}

export interface AboutIndicator {
  code: string;
  name: string;
  unit: string;
  /** The goal or measure it monitors (H3, HM2). */
  planRef: string;
  /** Each target in words, e.g. "2030年:≤3‰". */
  targets: string[];
}

export interface AboutDomain {
  code: string;
  name: string;
  goals: AboutItem[];
  measures: AboutItem[];
  indicators: AboutIndicator[];
}

export interface AboutPlan {
  name: string;
  period: { start: number; end: number };
  baselineYear: number;
  source: string;
  domains: AboutDomain[];
}
