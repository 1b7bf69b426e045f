/**
 * Which stored values are approved: a value belongs to the submission of its indicator's lead
 * department (in the value's year), at the county-level unit (or the city) its unit lies in.
 */
import type { OrgScope } from '../core/access/scope.js';
import type { Db } from '../db/dialect.js';
import type { ValueFilter } from './assessment.js';
import { getResponsibilitiesByYear } from './responsibilities.js';

/**
 * @param reportingUnits when given, only values of these reporting units are ever asked about:
 *   their submissions alone are read (a page of one unit, in a country of 3 000 counties).
 */
export async function approvedFilter(
  db: Db,
  scope: OrgScope,
  years: { from: number; to: number },
  reportingUnits?: readonly string[],
): Promise<ValueFilter> {
  let query = db.selectFrom('submission').select(['department_code', 'org_unit_code', 'year']).where('state', '=', 'approved');
  if (reportingUnits) query = query.where('org_unit_code', 'in', reportingUnits.length > 0 ? [...reportingUnits] : ['']);
  const approved = new Set((await query.execute()).map((s) => `${s.department_code}|${s.org_unit_code}|${s.year}`));
  const byYear = await getResponsibilitiesByYear(db, years);
  const reportingUnit = new Map<string, string | undefined>();
  return (indicator, orgUnit, year) => {
    const lead = byYear.get(year)?.get(indicator)?.lead;
    if (!lead) return false;
    let unit = reportingUnit.get(orgUnit);
    if (unit === undefined && !reportingUnit.has(orgUnit)) {
      unit = scope.reportingUnitOf(orgUnit);
      reportingUnit.set(orgUnit, unit);
    }
    return unit !== undefined && approved.has(`${lead}|${unit}|${year}`);
  };
}
