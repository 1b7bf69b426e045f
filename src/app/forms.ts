/**
 * The data-entry form of one department for one unit and year: the indicators it leads, one line
 * per value to give (the total and each disaggregation the indicator has data for), with the
 * stored value and the three years before.
 */
import { canSeeOrg } from '../core/access/permissions.js';
import type { Principal } from '../core/access/roles.js';
import type { OrgScope } from '../core/access/scope.js';
import { levelRank } from '../core/aggregate/org-tree.js';
import { AREA_LABELS, describeTarget, SEX_LABELS } from '../core/phrasing/labels.js';
import type { Area, Indicator, Plan, Sex } from '../core/plan/types.js';
import { isEditable, STATE_LABELS } from '../core/workflow/submission.js';
import type { Db } from '../db/dialect.js';
import type { OrgDirectory } from '../db/queries/getOrgTree.js';
import { getSubmission, type SubmissionKey } from '../db/repositories/submissions.js';
import { type Responsibilities } from './responsibilities.js';
import { availableActions, type AvailableAction } from './submissionActions.js';

export interface FormIndicator {
  code: string;
  name: string;
  unit: string;
  domain: string;
  yesNo: boolean;
  hasFormula: boolean;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  factor: number;
  targetText: string;
}

export interface StoredValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  note: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface FormLine {
  key: string;
  indicator: FormIndicator;
  orgUnit: { code: string; name: string };
  sex: Sex;
  area: Area;
  ageGroup: string;
  label: string;
  /** The unit answers yes or no (是/否, sent as 1/0); stored values read 100 for yes and 0 for no. */
  yesNo: boolean;
  current: StoredValue | null;
  previous: { year: number; value: number | null }[];
}

export interface Form {
  department: { code: string; name: string };
  orgUnit: { code: string; name: string; level: string };
  reportingUnit: { code: string; name: string };
  year: number;
  submission: {
    state: string;
    stateLabel: string;
    editable: boolean;
    updatedBy: string | null;
    updatedAt: string | null;
    submittedAt: string | null;
    actions: AvailableAction[];
  };
  deadline: string | null;
  lines: FormLine[];
}

export class FormAccessError extends Error {}

export interface FormContext {
  db: Db;
  plan: Plan;
  org: OrgDirectory;
  scope: OrgScope;
  responsibilities: Responsibilities;
}

/** Indicators a department enters at a unit: those it leads, not derived, reported at this level or below. */
export function formIndicators(plan: Plan, responsibilities: Responsibilities, department: string, level: string): Indicator[] {
  const rank = levelRank(level as Indicator['level']);
  return plan.indicators.filter(
    (i) => responsibilities.get(i.code)?.lead === department && i.aggregation !== 'coverage' && rank <= levelRank(i.level),
  );
}

export function formIndicator(i: Indicator): FormIndicator {
  return {
    code: i.code,
    name: i.name,
    unit: i.unit,
    domain: i.domain,
    yesNo: i.yesNo,
    hasFormula: i.formula.numerator !== null && i.formula.denominator !== null,
    numeratorLabel: i.formula.numerator,
    denominatorLabel: i.formula.denominator,
    factor: i.formula.factor,
    targetText: describeTarget(i.targets[0] ?? null, i.unit),
  };
}

export function submissionKeyOf(scope: OrgScope, department: string, orgUnit: string, year: number): SubmissionKey | null {
  const reporting = scope.reportingUnitOf(orgUnit);
  return reporting ? { department, orgUnit: reporting, year } : null;
}

export async function buildForm(c: FormContext, p: Principal, department: string, orgUnit: string, year: number): Promise<Form> {
  const node = c.org.tree.get(orgUnit);
  const key = submissionKeyOf(c.scope, department, orgUnit, year);
  if (!node || !key) throw new FormAccessError(`单位代码“${orgUnit}”不存在`);
  if (!canSeeOrg(p, orgUnit, c.scope)) throw new FormAccessError('无权查看该单位的数据');
  if (p.role === 'department' && p.departmentCode !== department) throw new FormAccessError('无权查看其他成员单位的填报表');
  const dept = await c.db.selectFrom('department').select(['code', 'name']).where('code', '=', department).executeTakeFirst();
  if (!dept) throw new FormAccessError(`成员单位代码“${department}”不存在`);

  const indicators = formIndicators(c.plan, c.responsibilities, department, node.level);
  const codes = indicators.map((i) => i.code);
  const [submission, deadline, combos, stored] = await Promise.all([
    getSubmission(c.db, key),
    c.db.selectFrom('reporting_deadline').select('deadline').where('year', '=', year).executeTakeFirst(),
    codes.length === 0
      ? Promise.resolve([])
      : c.db
          .selectFrom('data_value')
          .select(['indicator_code', 'sex', 'area'])
          .distinct()
          .where('indicator_code', 'in', codes)
          .where('age_group', '=', 'total')
          .execute(),
    codes.length === 0
      ? Promise.resolve([])
      : c.db
          .selectFrom('data_value')
          .select([
            'indicator_code',
            'year',
            'sex',
            'area',
            'value',
            'numerator',
            'denominator',
            'source',
            'note',
            'updated_by',
            'updated_at',
          ])
          .where('org_unit_code', '=', orgUnit)
          .where('indicator_code', 'in', codes)
          .where('age_group', '=', 'total')
          .where('year', '>=', year - 3)
          .where('year', '<=', year)
          .execute(),
  ]);

  const storedByKey = new Map(stored.map((s) => [`${s.indicator_code}|${s.sex}|${s.area}|${s.year}`, s]));
  const lines: FormLine[] = [];
  const orgName = c.org.names.get(orgUnit) ?? orgUnit;
  for (const indicator of indicators) {
    const yesNoHere = indicator.yesNo && indicator.level === node.level;
    const pairs = new Set<string>(['total|total']);
    if (!yesNoHere) {
      for (const combo of combos) if (combo.indicator_code === indicator.code) pairs.add(`${combo.sex}|${combo.area}`);
      for (const t of indicator.targets) pairs.add(`${t.sex}|${t.area}`);
    }
    for (const pair of orderPairs([...pairs])) {
      const [sex, area] = pair.split('|') as [Sex, Area];
      const current = storedByKey.get(`${indicator.code}|${sex}|${area}|${year}`);
      lines.push({
        key: `${indicator.code}|${orgUnit}|${sex}|${area}|total`,
        indicator: formIndicator(indicator),
        orgUnit: { code: orgUnit, name: orgName },
        sex,
        area,
        ageGroup: 'total',
        label: lineLabel(sex, area),
        yesNo: yesNoHere,
        current: current
          ? {
              value: current.value,
              numerator: current.numerator,
              denominator: current.denominator,
              source: current.source,
              note: current.note,
              updatedBy: current.updated_by,
              updatedAt: current.updated_at,
            }
          : null,
        previous: [year - 3, year - 2, year - 1].map((y) => ({
          year: y,
          value: storedByKey.get(`${indicator.code}|${sex}|${area}|${y}`)?.value ?? null,
        })),
      });
    }
  }
  return {
    department: { code: dept.code, name: dept.name },
    orgUnit: { code: orgUnit, name: orgName, level: node.level },
    reportingUnit: { code: key.orgUnit, name: c.org.names.get(key.orgUnit) ?? key.orgUnit },
    year,
    submission: {
      state: submission.state,
      stateLabel: STATE_LABELS[submission.state],
      editable: isEditable(submission.state),
      updatedBy: submission.updatedBy,
      updatedAt: submission.updatedAt,
      submittedAt: submission.submittedAt,
      actions: availableActions(p, submission.state, key, c.scope),
    },
    deadline: deadline?.deadline ?? null,
    lines,
  };
}

const SEX_ORDER: Sex[] = ['total', 'male', 'female'];
const AREA_ORDER: Area[] = ['total', 'urban', 'rural'];

function orderPairs(pairs: string[]): string[] {
  const rank = (p: string): number => {
    const [sex, area] = p.split('|') as [Sex, Area];
    return AREA_ORDER.indexOf(area) * 3 + SEX_ORDER.indexOf(sex);
  };
  return pairs.sort((a, b) => rank(a) - rank(b));
}

export function lineLabel(sex: Sex, area: Area): string {
  if (sex === 'total' && area === 'total') return '合计';
  if (area === 'total') return SEX_LABELS[sex];
  if (sex === 'total') return AREA_LABELS[area];
  return `${AREA_LABELS[area]}·${SEX_LABELS[sex]}`;
}
