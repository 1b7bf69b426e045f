/** The assessment as plain records: the JSON and CSV outputs, field names as issue #2 sets them. */
import type { AssessmentRow } from './assessment.js';

export interface AssessmentRecord {
  indicator: string;
  indicator_name: string;
  domain: string;
  unit: string;
  org_unit: string;
  org_name: string;
  year: number;
  sex: string;
  area: string;
  value: number | null;
  origin: string | null;
  /** For a rolled-up value: how many of the unit's direct children it comes from. */
  contributors: number | null;
  children: number;
  latest_year: number | null;
  baseline_year: number | null;
  baseline_value: number | null;
  target_kind: string | null;
  target_value: number | null;
  target_year: number | null;
  status: string;
  warning: string;
  actual_rate: number | null;
  required_rate: number | null;
  ratio: number | null;
  projected_value: number | null;
  volatile: boolean;
  missed_milestones: number[];
  synthetic: boolean;
}

export function toRecord(row: AssessmentRow, synthetic: boolean): AssessmentRecord {
  return {
    indicator: row.indicator.code,
    indicator_name: row.indicator.name,
    domain: row.indicator.domain,
    unit: row.indicator.unit,
    org_unit: row.orgUnit,
    org_name: row.orgName,
    year: row.year,
    sex: row.sex,
    area: row.area,
    value: row.value,
    origin: row.origin,
    contributors: row.contributors,
    children: row.children,
    latest_year: row.latestYear,
    baseline_year: row.baselineYear,
    baseline_value: row.baselineValue,
    target_kind: row.target?.kind ?? null,
    target_value: row.targetValue,
    target_year: row.targetYear,
    status: row.status,
    warning: row.warning,
    actual_rate: row.actualRate,
    required_rate: row.requiredRate,
    ratio: row.ratio,
    projected_value: row.projectedValue,
    volatile: row.volatile,
    missed_milestones: row.missedMilestones,
    synthetic,
  };
}

const CSV_FIELDS: (keyof AssessmentRecord)[] = [
  'indicator',
  'indicator_name',
  'domain',
  'unit',
  'org_unit',
  'org_name',
  'year',
  'sex',
  'area',
  'value',
  'origin',
  'contributors',
  'children',
  'latest_year',
  'baseline_year',
  'baseline_value',
  'target_kind',
  'target_value',
  'target_year',
  'status',
  'warning',
  'actual_rate',
  'required_rate',
  'ratio',
  'projected_value',
  'volatile',
  'missed_milestones',
  'synthetic',
];

function csvCell(value: AssessmentRecord[keyof AssessmentRecord]): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM, so that Excel on a Chinese Windows PC opens it as UTF-8. */
/** The CSV a line at a time (with its line break), so that a large assessment is written as it goes. */
export function* csvLines(records: Iterable<AssessmentRecord>): Generator<string> {
  yield `\uFEFF${CSV_FIELDS.join(',')}\r\n`;
  for (const r of records) yield `${CSV_FIELDS.map((f) => csvCell(r[f])).join(',')}\r\n`;
}

/** A JSON array with one record a line, written as it goes. */
export function* jsonLines(records: Iterable<AssessmentRecord>): Generator<string> {
  let first = true;
  yield '[\n';
  for (const r of records) {
    yield `${first ? '' : ',\n'}${JSON.stringify(r)}`;
    first = false;
  }
  yield '\n]\n';
}
