/**
 * The published data as SDMX-CSV 2.0 (the CSV data message of SDMX 3.0, read by SDMX 2.1 tools
 * such as the .Stat Suite): the fixed columns STRUCTURE, STRUCTURE_ID and ACTION, then the
 * dimensions, the measure and the attributes, one observation a row, codes rather than names.
 * Sex and urbanisation use the SDMX global code lists (_T total, M/F, U/R), as Open SDG sites do.
 */
import type { PublicObservation } from '../app/publicData.js';
import type { Area, Plan, Sex } from '../core/plan/types.js';
import { csvLine } from './csvLines.js';
import { originNote, publishedNumber } from './publicTable.js';

export const SDMX_CSV_MEDIA_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8';

export const SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'INDICATOR',
  'REF_AREA',
  'TIME_PERIOD',
  'SEX',
  'URBANISATION',
  'AGE',
  'OBS_VALUE',
  'UNIT_MEASURE',
  'UNIT_MULT',
  'OBS_STATUS',
  'COMMENT_OBS',
  // A custom column (allowed by SDMX-CSV): the department the figures come from.
  'DATA_SOURCE',
] as const;

const SEX_CODES: Record<Sex, string> = { total: '_T', male: 'M', female: 'F' };
const AREA_CODES: Record<Area, string> = { total: '_T', urban: 'U', rural: 'R' };

/** The plan's units as SDMX unit-of-measure codes; a count when the unit is a thing counted. */
const UNIT_CODES: Record<string, string> = {
  '%': 'PERCENT',
  '‰': 'PER_1000',
  '1/万': 'PER_10000',
  '1/10万': 'PER_100000',
  '次/年': 'NUMBER_PER_YEAR',
};

export function unitMeasure(unit: string): string {
  return UNIT_CODES[unit] ?? 'NUMBER';
}

/** AGENCY:DATAFLOW(VERSION): the agency is the region (CN_220300), the dataflow the plan. */
export function structureId(plan: Pick<Plan, 'code' | 'region'>): string {
  return `${sdmxId(`CN_${plan.region}`)}:${sdmxId(`DF_${plan.code.toUpperCase().replace(/-/g, '_')}`)}(1.0)`;
}

/** SDMX identifiers allow letters, digits, _ @ $ and -. */
function sdmxId(text: string): string {
  return text.replace(/[^A-Za-z0-9_@$-]/g, '_');
}

export function sdmxCsv(plan: Pick<Plan, 'code' | 'region'>, rows: readonly PublicObservation[]): string {
  const structure = structureId(plan);
  let text = csvLine(SDMX_COLUMNS);
  for (const o of rows) {
    text += csvLine([
      'dataflow',
      structure,
      'I',
      o.indicator.code,
      o.orgUnit,
      String(o.year),
      SEX_CODES[o.sex],
      AREA_CODES[o.area],
      o.ageGroup === 'total' ? '_T' : sdmxId(o.ageGroup),
      publishedNumber(o.value),
      unitMeasure(o.indicator.unit),
      '0',
      'A',
      originNote(o),
      o.source,
    ]);
  }
  return text;
}
