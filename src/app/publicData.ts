/**
 * The published data: every value the public portal shows, for the plan's region and its
 * county-level units, in the years the office has published — approved values only, read through
 * figures.ts like every page. The downloads (CSV, XLSX, SDMX-CSV) are written from these rows.
 */
import type { ResolvedValue } from '../core/aggregate/index.js';
import type { Area, Indicator, Sex } from '../core/plan/types.js';
import type { OrgDirectory } from '../db/queries/getOrgTree.js';
import { listDepartments } from '../db/repositories/departments.js';
import { publishedYears } from '../db/repositories/publications.js';
import { type FigureSource, resolvedFigures } from './figures.js';
import { getResponsibilities } from './responsibilities.js';

export interface PublicObservation {
  indicator: Indicator;
  orgUnit: string;
  orgName: string;
  year: number;
  sex: Sex;
  area: Area;
  ageGroup: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  origin: ResolvedValue['origin'];
  contributors: number;
  /** The unit's children: a roll-up from fewer of them is said to be one. */
  children: number;
  /** The department that led the indicator that year: the source the statistics cite. */
  source: string;
}

export interface PublicData {
  /** Published years, oldest first. */
  years: number[];
  /** The region the portal is about, then its county-level units. */
  units: { code: string; name: string }[];
  rows: PublicObservation[];
}

const SEX_ORDER: Sex[] = ['total', 'male', 'female'];
const AREA_ORDER: Area[] = ['total', 'urban', 'rural'];

/** The region the plan covers and its children: the units the portal publishes. */
export function publicUnits(s: FigureSource, org: OrgDirectory): { code: string; name: string }[] {
  const region = org.tree.has(s.plan.region) ? s.plan.region : org.ordered[0];
  if (region === undefined) return [];
  return [region, ...org.tree.children(region)].map((code) => ({ code, name: org.names.get(code) ?? code }));
}

export async function publicData(s: FigureSource, org: OrgDirectory): Promise<PublicData> {
  const published = await publishedYears(s.db);
  const years = [...published].sort((a, b) => a - b);
  const units = publicUnits(s, org);
  const last = years.at(-1);
  if (last === undefined) return { years, units, rows: [] };
  const unitOrder = new Map(units.map((u, i) => [u.code, i]));
  const sources = await sourcesByYear(s, years);
  const rows: PublicObservation[] = [];
  for (const indicator of s.plan.indicators) {
    const values = await resolvedFigures(s, 'public', { indicator: indicator.code, year: last, orgUnits: units.map((u) => u.code) });
    // figures.ts already keeps to published years; checked again because a leak here is public.
    const shown = values.filter((v) => published.has(v.year) && v.value !== null && unitOrder.has(v.orgUnit));
    shown.sort(
      (a, b) =>
        (unitOrder.get(a.orgUnit) ?? 0) - (unitOrder.get(b.orgUnit) ?? 0) ||
        a.year - b.year ||
        SEX_ORDER.indexOf(a.sex) - SEX_ORDER.indexOf(b.sex) ||
        AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area) ||
        ageRank(a.ageGroup) - ageRank(b.ageGroup) ||
        a.ageGroup.localeCompare(b.ageGroup),
    );
    for (const v of shown) {
      rows.push({
        indicator,
        orgUnit: v.orgUnit,
        orgName: org.names.get(v.orgUnit) ?? v.orgUnit,
        year: v.year,
        sex: v.sex,
        area: v.area,
        ageGroup: v.ageGroup,
        value: v.value ?? 0,
        numerator: v.numerator,
        denominator: v.denominator,
        origin: v.origin,
        contributors: v.contributors,
        children: org.tree.children(v.orgUnit).length,
        source: sources.get(v.year)?.get(indicator.code) ?? '',
      });
    }
  }
  return { years, units, rows };
}

function ageRank(ageGroup: string): number {
  return ageGroup === 'total' ? 0 : 1;
}

/** year → indicator → the lead department's name. */
async function sourcesByYear(s: FigureSource, years: number[]): Promise<Map<number, Map<string, string>>> {
  const names = new Map((await listDepartments(s.db)).map((d) => [d.code, d.name]));
  const out = new Map<number, Map<string, string>>();
  for (const year of years) {
    const ofYear = new Map<string, string>();
    for (const [item, r] of await getResponsibilities(s.db, year)) {
      if (r.lead) ofYear.set(item, names.get(r.lead) ?? r.lead);
    }
    out.set(year, ofYear);
  }
  return out;
}
