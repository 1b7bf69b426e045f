/** Why a report of unapproved data is a draft: whose figures of which year still wait for approval. */
import { getResponsibilities } from '../app/responsibilities.js';
import { joinNames } from '../core/phrasing/numbering.js';
import type { Db } from '../db/dialect.js';

export interface UnapprovedValue {
  indicator: string;
  /** The county-level unit (or the city) whose departments report the value. */
  reportingUnit: string;
  year: number;
}

/** More departments than this in a year are counted, not named. */
const NAMED = 6;

/**
 * 「本报告含未经批准的数据:伊通满族自治县卫生健康委员会和双辽市教育局的2024年数据尚未批准。」;
 * null when every value used is approved.
 */
export async function draftReasonOf(
  db: Db,
  unapproved: readonly UnapprovedValue[],
  unitNames: ReadonlyMap<string, string>,
  departmentNames: ReadonlyMap<string, string>,
): Promise<string | null> {
  if (unapproved.length === 0) return null;
  const byYear = new Map<number, Set<string>>();
  for (const year of [...new Set(unapproved.map((u) => u.year))].sort((a, b) => a - b)) {
    const responsibilities = await getResponsibilities(db, year);
    const submitters = new Set<string>();
    for (const u of unapproved.filter((v) => v.year === year)) {
      const lead = responsibilities.get(u.indicator)?.lead ?? null;
      const unit = unitNames.get(u.reportingUnit) ?? u.reportingUnit;
      submitters.add(lead === null ? `${unit}(未指定牵头单位的指标)` : `${unit}${departmentNames.get(lead) ?? lead}`);
    }
    byYear.set(year, submitters);
  }
  const clauses = [...byYear].map(([year, submitters]) => {
    const list = [...submitters];
    const named = list.length > NAMED ? `${list.slice(0, NAMED).join('、')}等${list.length}个成员单位` : joinNames(list);
    return `${named}的${year}年数据尚未批准`;
  });
  return `本报告含未经批准的数据:${clauses.join(';')}。`;
}
