/**
 * The Excel template of a department's forms for several units of one year: the same lines, the
 * same access rules and the same stored values as the web form (buildForm), written by xlsxTemplate.
 */
import type { Principal } from '../core/access/roles.js';
import { templateFileName, type TemplateLine, writeTemplate } from '../io/xlsxTemplate.js';
import { buildForm, FormAccessError, type FormContext } from './forms.js';

/** The units one template may hold: a county and its townships, or the city and its counties. */
export const MAX_TEMPLATE_UNITS = 100;

export interface TemplateFile {
  fileName: string;
  content: Buffer;
}

/** Refused (FormAccessError) when the user may not see one of the forms. */
export async function buildEntryTemplate(
  c: FormContext,
  p: Principal,
  department: string,
  orgUnits: string[],
  year: number,
  madeAt: string,
): Promise<TemplateFile> {
  const units = [...new Set(orgUnits)];
  if (units.length === 0) throw new FormAccessError('请指定至少一个单位');
  if (units.length > MAX_TEMPLATE_UNITS) throw new FormAccessError(`一个模板最多包含 ${MAX_TEMPLATE_UNITS} 个单位`);
  const indicators = new Map(c.plan.indicators.map((i) => [i.code, i]));
  const forms = [];
  for (const unit of units) forms.push(await buildForm(c, p, department, unit, year));
  const lines: TemplateLine[] = forms.flatMap((form) =>
    form.lines.map((line) => {
      const indicator = indicators.get(line.indicator.code);
      return {
        indicator: { ...line.indicator, bounded: indicator?.bounded ?? false },
        orgUnit: line.orgUnit,
        sex: line.sex,
        area: line.area,
        ageGroup: line.ageGroup,
        // As the import reads it (rowRules): yes or no where the indicator arrives, a share above.
        yesNo: line.indicator.yesNo && indicator?.level === form.orgUnit.level,
        lastYear: line.previous.find((v) => v.year === year - 1)?.value ?? null,
        current: line.current,
      };
    }),
  );
  const first = forms[0];
  const input = {
    planName: c.plan.name,
    department: first ? first.department : { code: department, name: department },
    year,
    orgUnits: forms.map((f) => ({ code: f.orgUnit.code, name: f.orgUnit.name })),
    deadline: first?.deadline ?? null,
    madeBy: p.displayName && p.displayName !== p.username ? `${p.displayName}(${p.username})` : p.username,
    madeAt,
    lines,
  };
  return { fileName: templateFileName(input), content: await writeTemplate(input) };
}
