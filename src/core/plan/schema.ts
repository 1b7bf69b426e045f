/**
 * The plan file format: a zod schema of {@link Plan} with cross-checks, Chinese error
 * messages, and its JSON Schema (schema/plan.schema.json).
 *
 * Pure: no file system access here (reading and writing plan files is in
 * src/plans/siping/loadPlan.ts).
 */
import { z } from 'zod';
import {
  AREAS,
  DOMAIN_CODES,
  ORG_LEVELS,
  SEXES,
  TARGET_KINDS,
  type DomainCode,
  type Indicator,
  type Plan,
  type Target,
  type TargetKind,
} from './types.js';

// ------------------------------------------------------------------------------------
// Errors

/** One problem in a plan file: where (`indicators[3].targets[0].value`) and what, in Chinese. */
export interface PlanIssue {
  path: string;
  message: string;
}

/** A plan that does not follow the format; the message lists every bad field by its path. */
export class PlanFormatError extends Error {
  override readonly name = 'PlanFormatError';
  readonly issues: PlanIssue[];
  /** The file (or other source) the plan came from, when known. */
  readonly source: string | null;

  constructor(issues: PlanIssue[], source: string | null = null) {
    const lines = issues.map((issue) => `  ${issue.path === '' ? '(根)' : issue.path}: ${issue.message}`);
    super(`${source === null ? '' : `${source}: `}计划文件格式错误:\n${lines.join('\n')}`);
    this.issues = issues;
    this.source = source;
  }
}

/** `['indicators', 3, 'targets', 0, 'value']` → `indicators[3].targets[0].value`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值(true 或 false)',
  array: '列表',
  object: '对象',
  null: 'null',
};

function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** Chinese messages for every issue zod raises here (zod's own English never reaches the user). */
const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填字段';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `应为以下之一: ${listValues(issue.values)}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少应有 ${min} 个字符`;
      if (issue.origin === 'array') return `至少应有 ${min} 项`;
      return issue.inclusive === false ? `应大于 ${min}` : `应不小于 ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 个字符`;
      if (issue.origin === 'array') return `最多 ${max} 项`;
      return issue.inclusive === false ? `应小于 ${max}` : `应不大于 ${max}`;
    }
    case 'unrecognized_keys':
      return '未知字段(计划格式中没有此字段)';
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的整数倍`;
    default:
      return '格式不正确';
  }
};

// ------------------------------------------------------------------------------------
// Field schemas

const year = () => z.int().min(1900).max(2200).describe('A calendar year, e.g. 2030.');
const text = () => z.string().min(1);
const nullableText = () => z.string().min(1).nullable();

const planItemSchema = z
  .strictObject({
    code: z.string().regex(/^[HSEWFVL]M?[1-9][0-9]*$/, { error: '应为领域代码 + 序号(目标如 H3,措施如 HM2)' }),
    number: z.int().min(1),
    text: text().describe('The item exactly as the plan writes it, without its number.'),
  })
  .describe('A numbered main goal (主要目标) or measure (策略措施).');

const domainSchema = z
  .strictObject({
    code: z.enum(DOMAIN_CODES).describe('H 健康 · S 安全 · E 教育 · W 福利 · F 家庭 · V 环境 · L 法律保护'),
    name: text().describe('The heading as in the plan, e.g. 儿童与健康.'),
    goals: z.array(planItemSchema).describe('主要目标, codes H1, H2, …'),
    measures: z.array(planItemSchema).describe('策略措施, codes HM1, HM2, …'),
  })
  .describe('One of the seven domains of the plan.');

const milestoneSchema = z.strictObject({
  year: year(),
  value: z.number(),
});

const coverageRuleSchema = z
  .strictObject({
    indicator: text().describe('The indicator whose value each unit must reach.'),
    level: z.enum(ORG_LEVELS).describe('The level of the units counted (e.g. township).'),
    threshold: z.number().describe('A unit meets the rule when its value is ≥ threshold.'),
  })
  .describe('A coverage condition: units at `level` whose `indicator` value is ≥ `threshold`.');

const targetSchema = z
  .strictObject({
    kind: z.enum(TARGET_KINDS),
    value: z
      .number()
      .nullable()
      .describe('T for max/min/maintain_min; the fraction p for reduce_by (0.2 = 20 %); the required share for coverage; null otherwise.'),
    milestones: z.array(milestoneSchema).nullable().describe('For kind milestones: (year, value) steps, ascending; null otherwise.'),
    coverage: coverageRuleSchema.nullable().describe('For kind coverage: the rule; null otherwise.'),
    baselineYear: year(),
    targetYear: year(),
    sex: z.enum(SEXES).describe('The disaggregation the target applies to (total unless the plan names one).'),
    area: z.enum(AREAS).describe('The disaggregation the target applies to (total unless the plan names one).'),
  })
  .describe('A quantified target; see docs/plan-format.md for the kinds.');

const formulaSchema = z.strictObject({
  numerator: nullableText().describe('What is counted above the line, in words; null for a plain reported value.'),
  denominator: nullableText().describe('What is counted below the line, in words; null for a plain reported value.'),
  factor: z.number().positive({ error: '应大于 0' }).describe('100 for %, 1000 for ‰, 10000 for 1/万, 100000 for 1/10万, 1 for counts.'),
});

const indicatorSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, { error: '应为小写蛇形命名(小写字母、数字和下划线,如 under5_mortality)' })
      .describe('Stable snake_case code used in data files, the API and reports.'),
    name: text(),
    unit: text().describe('%, ‰, 1/万, 1/10万, 人, 张, 个, 次/年 …'),
    domain: z.enum(DOMAIN_CODES),
    planRef: z
      .string()
      .regex(/^[HSEWFVL]M?[1-9][0-9]*$/, { error: '应为目标或措施代码(如 H3 或 HM2)' })
      .describe('The goal or measure monitored, e.g. H3 or HM2.'),
    direction: z.enum(['up', 'down']).describe('down: lower is better; up: higher is better.'),
    bounded: z.boolean().describe('A percentage capped at 100 (progress judged on the gap to 100).'),
    yesNo: z.boolean().describe('Units report yes (1) or no (0); parents get the share.'),
    formula: formulaSchema,
    aggregation: z.enum(['ratio', 'min', 'coverage', 'none']).describe('How a parent value is derived from its children.'),
    level: z.enum(ORG_LEVELS).describe('The lowest level at which data usually arrive.'),
    targets: z.array(targetSchema).describe('Zero or more targets, at most one per (sex, area).'),
    note: z.string().describe('Remarks in Chinese; may be empty.'),
  })
  .describe('A monitoring indicator.');

// ------------------------------------------------------------------------------------
// Cross-checks

type Path = (string | number)[];
type AddIssue = (path: Path, message: string) => void;

const VALUE_KINDS: readonly TargetKind[] = ['max', 'min', 'maintain_min', 'reduce_by', 'coverage'];

function checkDomains(plan: Plan, add: AddIssue): Map<string, DomainCode> {
  const refs = new Map<string, DomainCode>();
  const domainSeen = new Map<DomainCode, number>();
  plan.domains.forEach((domain, i) => {
    const first = domainSeen.get(domain.code);
    if (first !== undefined) add(['domains', i, 'code'], `领域代码 ${domain.code} 重复(已用于 domains[${first}])`);
    else domainSeen.set(domain.code, i);

    for (const list of ['goals', 'measures'] as const) {
      const numbers = new Map<number, number>();
      domain[list].forEach((item, j) => {
        const expected = `${domain.code}${list === 'measures' ? 'M' : ''}${item.number}`;
        if (item.code !== expected) {
          add(['domains', i, list, j, 'code'], `应为 ${expected}(领域代码${list === 'measures' ? ' + M' : ''} + 序号 ${item.number})`);
        }
        const firstNumber = numbers.get(item.number);
        if (firstNumber !== undefined) add(['domains', i, list, j, 'number'], `序号 ${item.number} 重复(已用于 ${list}[${firstNumber}])`);
        else numbers.set(item.number, j);
        if (refs.has(item.code)) add(['domains', i, list, j, 'code'], `条目代码 ${item.code} 重复`);
        else refs.set(item.code, domain.code);
      });
    }
  });
  return refs;
}

function checkTarget(target: Target, indicator: Indicator, codes: ReadonlySet<string>, path: Path, add: AddIssue): void {
  const { kind } = target;
  if (target.targetYear < target.baselineYear) {
    add([...path, 'targetYear'], `目标年份 ${target.targetYear} 不能早于基线年份 ${target.baselineYear}`);
  }

  // value
  if (VALUE_KINDS.includes(kind)) {
    if (target.value === null) add([...path, 'value'], `目标类型 ${kind} 需要数值 value`);
  } else if (target.value !== null) {
    add([...path, 'value'], `目标类型 ${kind} 不使用 value,应为 null`);
  }
  if (target.value !== null) {
    if (kind === 'reduce_by' && !(target.value > 0 && target.value < 1)) {
      add([...path, 'value'], 'reduce_by 的 value 应为 0 与 1 之间的比例(0.2 表示比基线下降 20%)');
    }
    if (kind === 'coverage' && !(target.value > 0 && target.value <= 100)) {
      add([...path, 'value'], 'coverage 的 value 是达标单位所占百分比,应大于 0 且不大于 100');
    }
    if (indicator.bounded && (kind === 'max' || kind === 'min' || kind === 'maintain_min') && target.value > 100) {
      add([...path, 'value'], '有上限(bounded)的百分比指标,目标值不能大于 100');
    }
  }

  // milestones
  if (kind === 'milestones') {
    const milestones = target.milestones;
    if (milestones === null || milestones.length === 0) {
      add([...path, 'milestones'], '目标类型 milestones 需要至少一个里程碑 { year, value }');
    } else {
      milestones.forEach((m, k) => {
        const previous = k > 0 ? milestones[k - 1] : undefined;
        if (previous !== undefined && m.year <= previous.year) {
          add([...path, 'milestones', k, 'year'], `里程碑年份应按升序排列且不重复(前一个为 ${previous.year})`);
        }
        if (m.year <= target.baselineYear) {
          add([...path, 'milestones', k, 'year'], `里程碑年份应晚于基线年份 ${target.baselineYear}`);
        }
        if (indicator.bounded && m.value > 100) {
          add([...path, 'milestones', k, 'value'], '有上限(bounded)的百分比指标,目标值不能大于 100');
        }
      });
      const last = milestones[milestones.length - 1];
      if (last !== undefined && last.year !== target.targetYear) {
        add([...path, 'targetYear'], `应等于最后一个里程碑的年份 ${last.year}`);
      }
    }
  } else if (target.milestones !== null) {
    add([...path, 'milestones'], `目标类型 ${kind} 不使用 milestones,应为 null`);
  }

  // coverage
  if (kind === 'coverage') {
    const rule = target.coverage;
    if (rule === null) {
      add([...path, 'coverage'], '目标类型 coverage 需要覆盖规则 { indicator, level, threshold }');
    } else if (rule.indicator === indicator.code) {
      add([...path, 'coverage', 'indicator'], '覆盖规则不能引用指标自身');
    } else if (!codes.has(rule.indicator)) {
      add([...path, 'coverage', 'indicator'], `引用的指标不存在: ${rule.indicator}`);
    }
  } else if (target.coverage !== null) {
    add([...path, 'coverage'], `目标类型 ${kind} 不使用 coverage,应为 null`);
  }
}

function checkIndicators(plan: Plan, refs: ReadonlyMap<string, DomainCode>, add: AddIssue): void {
  const codes = new Set(plan.indicators.map((indicator) => indicator.code));
  const seen = new Map<string, number>();
  plan.indicators.forEach((indicator, i) => {
    const path: Path = ['indicators', i];
    const first = seen.get(indicator.code);
    if (first !== undefined) add([...path, 'code'], `指标代码 ${indicator.code} 重复(已用于 indicators[${first}])`);
    else seen.set(indicator.code, i);

    const refDomain = refs.get(indicator.planRef);
    if (refDomain === undefined) {
      add([...path, 'planRef'], `引用的目标或措施不存在: ${indicator.planRef}`);
    } else if (refDomain !== indicator.domain) {
      add([...path, 'domain'], `应为 ${refDomain}(与 planRef ${indicator.planRef} 所属领域一致)`);
    }

    const { numerator, denominator } = indicator.formula;
    if ((numerator === null) !== (denominator === null)) {
      add([...path, 'formula', numerator === null ? 'numerator' : 'denominator'], '分子和分母应同时填写或同时为 null');
    }
    if (indicator.aggregation === 'ratio' && (numerator === null || denominator === null)) {
      add([...path, 'aggregation'], '汇总方式 ratio(Σ分子/Σ分母)需要在 formula 中填写分子和分母');
    }
    const hasCoverageTarget = indicator.targets.some((t) => t.kind === 'coverage');
    if (hasCoverageTarget && indicator.aggregation !== 'coverage') {
      add([...path, 'aggregation'], '有 coverage 类型目标的指标是派生指标,汇总方式应为 coverage');
    }
    if (!hasCoverageTarget && indicator.aggregation === 'coverage') {
      add([...path, 'aggregation'], '汇总方式 coverage 需要一个 coverage 类型的目标(说明由哪个指标派生)');
    }

    const groups = new Map<string, number>();
    indicator.targets.forEach((target, k) => {
      const targetPath: Path = [...path, 'targets', k];
      const group = `sex=${target.sex}, area=${target.area}`;
      const firstTarget = groups.get(group);
      if (firstTarget !== undefined) add(targetPath, `与 targets[${firstTarget}] 的分组(${group})重复`);
      else groups.set(group, k);
      checkTarget(target, indicator, codes, targetPath, add);
    });
  });
}

// ------------------------------------------------------------------------------------
// The plan

/** The plan file schema. Structure first; the cross-checks run once the structure is valid. */
const PLAN_FILE_META = {
  title: 'childplan plan file',
  description:
    "A children's development plan as data: domains with their main goals and measures, and the monitoring indicators with their targets. See docs/plan-format.md. Cross-field rules (unique codes, plan references, fields required by each target kind) are checked by childplan, not by this schema.",
};

export const planSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: '应只含小写字母、数字和连字符(如 siping-2021-2030)' })
      .describe('Stable code of the plan, e.g. siping-2021-2030.'),
    name: text().describe('Full title, e.g. 四平市儿童发展规划(2021-2030年).'),
    region: z
      .string({ error: (issue) => (issue.input === undefined ? '缺少必填字段' : '应为字符串(YAML 中请加引号,如 "220300")') })
      .regex(/^\d{6}$/, { error: '应为 6 位行政区划代码(如 220300)' })
      .describe('The 6-digit administrative division code (GB/T 2260) of the region; a string.'),
    period: z.strictObject({ start: year(), end: year() }).describe('The years the plan covers.'),
    baselineYear: year().describe('The baseline year of the plan (2020 for 2021-2030 plans).'),
    source: text().describe('Where the plan was published: title and date.'),
    domains: z.array(domainSchema),
    indicators: z.array(indicatorSchema),
  })
  .superRefine((plan, ctx) => {
    const add: AddIssue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    if (plan.period.end < plan.period.start) add(['period', 'end'], `结束年份 ${plan.period.end} 不能早于开始年份 ${plan.period.start}`);
    const refs = checkDomains(plan, add);
    checkIndicators(plan, refs, add);
  })
  .meta(PLAN_FILE_META);

/** Validates a parsed plan file (from YAML or JSON); throws {@link PlanFormatError} listing every problem. */
export function parsePlan(input: unknown): Plan {
  const result = planSchema.safeParse(input, { error: chineseErrorMap });
  if (result.success) {
    const plan: Plan = result.data;
    return plan;
  }
  const issues: PlanIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ path: formatIssuePath([...issue.path, key]), message: issue.message });
    } else {
      issues.push({ path: formatIssuePath(issue.path), message: issue.message });
    }
  }
  throw new PlanFormatError(issues);
}

/** The JSON Schema (draft 2020-12) of the plan file; committed as schema/plan.schema.json. */
export function planJsonSchema(): object {
  // zod does not carry the metadata of a refined object into the JSON schema: put it back in front.
  const { $schema, ...rest } = z.toJSONSchema(planSchema, { target: 'draft-2020-12', io: 'input' });
  return { $schema, ...PLAN_FILE_META, ...rest };
}
