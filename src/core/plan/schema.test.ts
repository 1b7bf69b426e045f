import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBuiltinPlan } from '../../plans/siping/loadPlan.js';
import { PlanFormatError, formatIssuePath, parsePlan, planJsonSchema } from './schema.js';
import type { Plan } from './types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const indicatorsMd = resolve(repoRoot, '../shared/design/indicators.md');
const schemaFile = join(repoRoot, 'schema/plan.schema.json');

const builtin = loadBuiltinPlan();

/** A fresh, mutable copy of the built-in plan. */
function plan(): Plan {
  return structuredClone(builtin);
}

function indexOf(p: Plan, code: string): number {
  const i = p.indicators.findIndex((indicator) => indicator.code === code);
  if (i < 0) throw new Error(`no indicator ${code}`);
  return i;
}

/** Parses and returns the error, failing the test when the input is accepted. */
function rejection(input: unknown): PlanFormatError {
  try {
    parsePlan(input);
  } catch (error) {
    if (error instanceof PlanFormatError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

/** Sets a property on an object reached from the plan, bypassing the Plan type (to build bad input). */
function setRaw(target: object, key: string, value: unknown): void {
  Reflect.set(target, key, value);
}

describe('the built-in plan of Siping', () => {
  it('parses without any issue', () => {
    expect(() => parsePlan(structuredClone(builtin))).not.toThrow();
    expect(builtin.code).toBe('siping-2021-2030');
    expect(builtin.name).toBe('四平市儿童发展规划(2021-2030年)');
    expect(builtin.region).toBe('220300');
    expect(builtin.period).toEqual({ start: 2021, end: 2030 });
    expect(builtin.baselineYear).toBe(2020);
    expect(builtin.source).toContain('2023-06-28');
  });

  it('has the seven domains of the plan in its order, with their headings as names', () => {
    expect(builtin.domains.map((d) => `${d.code} ${d.name}`)).toEqual([
      'H 儿童与健康',
      'S 儿童与安全',
      'E 儿童与教育',
      'W 儿童与福利',
      'F 儿童与家庭',
      'V 儿童与环境',
      'L 儿童与法律保护',
    ]);
  });

  it('counts 68 main goals (12+10+9+10+8+9+10) and 72 measures (13+12+10+9+7+7+14)', () => {
    expect(builtin.domains.map((d) => d.goals.length)).toEqual([12, 10, 9, 10, 8, 9, 10]);
    expect(builtin.domains.map((d) => d.measures.length)).toEqual([13, 12, 10, 9, 7, 7, 14]);
    expect(builtin.domains.reduce((n, d) => n + d.goals.length, 0)).toBe(68);
    expect(builtin.domains.reduce((n, d) => n + d.measures.length, 0)).toBe(72);
  });

  it('numbers goals and measures 1, 2, … with codes like H3 and HM2', () => {
    for (const d of builtin.domains) {
      d.goals.forEach((g, i) => expect([g.number, g.code]).toEqual([i + 1, `${d.code}${i + 1}`]));
      d.measures.forEach((m, i) => expect([m.number, m.code]).toEqual([i + 1, `${d.code}M${i + 1}`]));
    }
  });

  it('has the 36 indicators of indicators.md', () => {
    expect(builtin.indicators).toHaveLength(36);
  });

  it.skipIf(!existsSync(indicatorsMd))(
    'uses exactly the indicator codes, names, units and plan references of the table in indicators.md, in its order',
    () => {
      const rows = readFileSync(indicatorsMd, 'utf8')
        .split('\n')
        .filter((line) => /^\| [a-z0-9_]+ \|/.test(line) && !line.startsWith('| code |'))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map((cells) => ({ code: cells[1], name: cells[2], unit: cells[3], planRef: cells[4], bounded: cells[6] === 'yes' }));
      expect(rows).toHaveLength(36);
      expect(builtin.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, planRef: i.planRef, bounded: i.bounded }))).toEqual(
        rows,
      );
    },
  );

  it('transcribes the special targets: two area targets, milestones and a coverage rule', () => {
    const byCode = new Map(builtin.indicators.map((i) => [i.code, i]));
    const parentSchool = byCode.get('parent_school_coverage');
    expect(parentSchool?.targets.map((t) => [t.kind, t.value, t.area])).toEqual([
      ['min', 95, 'urban'],
      ['min', 85, 'rural'],
    ]);
    const activity = byCode.get('activity_center_coverage');
    expect(activity?.targets).toEqual([
      {
        kind: 'milestones',
        value: null,
        milestones: [
          { year: 2023, value: 30 },
          { year: 2025, value: 70 },
        ],
        coverage: null,
        baselineYear: 2020,
        targetYear: 2025,
        sex: 'total',
        area: 'urban',
      },
    ]);
    const coverage = byCode.get('immunization_township_coverage');
    expect(coverage?.aggregation).toBe('coverage');
    expect(coverage?.targets[0]?.coverage).toEqual({ indicator: 'immunization_rate', level: 'township', threshold: 95 });
    expect(byCode.get('injury_mortality')?.targets[0]).toMatchObject({ kind: 'reduce_by', value: 0.2 });
    expect(byCode.get('school_food_inspections')).toMatchObject({ aggregation: 'min', formula: { factor: 1 } });
  });

  it('gives every percentage, per-mille and rate indicator a numerator, a denominator and the factor of its unit', () => {
    const factors: Record<string, number> = {
      '%': 100,
      '‰': 1000,
      '1/万': 10000,
      '1/10万': 100000,
      人: 1000,
      张: 1000,
      个: 1000,
      '次/年': 1,
    };
    for (const indicator of builtin.indicators) {
      expect(indicator.formula.factor, indicator.code).toBe(factors[indicator.unit]);
      if (indicator.unit !== '次/年') {
        expect(indicator.formula.numerator, indicator.code).toMatch(/\S/);
        expect(indicator.formula.denominator, indicator.code).toMatch(/\S/);
      }
    }
  });
});

describe('parsePlan rejects bad plans and names the path of every bad field', () => {
  it('reports a missing field as 缺少必填字段 at its path', () => {
    const p = plan();
    const target = p.indicators[3]?.targets[0];
    if (target === undefined) throw new Error('fixture');
    Reflect.deleteProperty(target, 'value');
    const error = rejection(p);
    expect(error.issues).toEqual([{ path: 'indicators[3].targets[0].value', message: '缺少必填字段' }]);
  });

  it('reports a wrong type in Chinese, with the documented message layout', () => {
    const p = plan();
    const target = p.indicators[3]?.targets[0];
    if (target === undefined) throw new Error('fixture');
    setRaw(target, 'value', '95');
    const error = rejection(p);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('计划文件格式错误:\n  indicators[3].targets[0].value: 应为数字');
  });

  it('reports an unknown key at the path of the key itself', () => {
    const p = plan();
    const indicator = p.indicators[0];
    if (indicator === undefined) throw new Error('fixture');
    setRaw(indicator, 'colour', 'red');
    setRaw(p, 'author', 'x');
    const error = rejection(p);
    expect(error.issues.map((i) => i.path).sort()).toEqual(['author', 'indicators[0].colour']);
    expect(error.issues[0]?.message).toMatch(/^未知字段/);
  });

  it('reports a wrong enum value with the allowed values', () => {
    const p = plan();
    const target = p.indicators[0]?.targets[0];
    if (target === undefined) throw new Error('fixture');
    setRaw(target, 'kind', 'maximum');
    expect(rejection(p).issues).toEqual([
      {
        path: 'indicators[0].targets[0].kind',
        message: '应为以下之一: max, min, reduce_by, maintain_min, trend_down, trend_up, no_increase, milestones, coverage',
      },
    ]);
  });

  it('reports several problems at once, each with its own path', () => {
    const p = plan();
    setRaw(p, 'baselineYear', 2020.5);
    setRaw(p, 'domains', 'none');
    const error = rejection(p);
    expect(error.issues).toEqual([
      { path: 'baselineYear', message: '应为整数' },
      { path: 'domains', message: '应为列表' },
    ]);
  });

  it('rejects a non-object plan at the root', () => {
    expect(rejection('plan').message).toBe('计划文件格式错误:\n  (根): 应为对象');
    expect(rejection(null).issues).toEqual([{ path: '', message: '应为对象' }]);
  });

  it('asks for a quoted region code when YAML turned it into a number', () => {
    const p = plan();
    setRaw(p, 'region', 220300);
    expect(rejection(p).issues[0]?.message).toContain('"220300"');
  });

  it('rejects a duplicate indicator code', () => {
    const p = plan();
    const second = p.indicators[1];
    if (second === undefined) throw new Error('fixture');
    second.code = 'neonatal_mortality';
    expect(rejection(p).issues).toEqual([
      { path: 'indicators[1].code', message: '指标代码 neonatal_mortality 重复(已用于 indicators[0])' },
    ]);
  });

  it('rejects an indicator code that is not snake_case', () => {
    const p = plan();
    const first = p.indicators[0];
    if (first === undefined) throw new Error('fixture');
    first.code = 'NeonatalMortality';
    expect(rejection(p).issues.map((i) => i.path)).toEqual(['indicators[0].code']);
  });

  it('rejects a planRef to a goal the plan does not have', () => {
    const p = plan();
    const first = p.indicators[0];
    if (first === undefined) throw new Error('fixture');
    first.planRef = 'H99';
    expect(rejection(p).issues).toEqual([{ path: 'indicators[0].planRef', message: '引用的目标或措施不存在: H99' }]);
  });

  it('rejects an indicator whose domain differs from the domain of its planRef', () => {
    const p = plan();
    const first = p.indicators[0];
    if (first === undefined) throw new Error('fixture');
    first.domain = 'S';
    expect(rejection(p).issues.map((i) => i.path)).toEqual(['indicators[0].domain']);
  });

  it('rejects milestones without years', () => {
    const p = plan();
    const i = indexOf(p, 'activity_center_coverage');
    const target = p.indicators[i]?.targets[0];
    if (target === undefined) throw new Error('fixture');
    setRaw(target, 'milestones', [{ value: 30 }, { value: 70 }]);
    expect(rejection(p).issues).toEqual([
      { path: `indicators[${i}].targets[0].milestones[0].year`, message: '缺少必填字段' },
      { path: `indicators[${i}].targets[0].milestones[1].year`, message: '缺少必填字段' },
    ]);
  });

  it('rejects a milestones target without milestones, and milestones out of order', () => {
    const p = plan();
    const i = indexOf(p, 'activity_center_coverage');
    const target = p.indicators[i]?.targets[0];
    if (target === undefined) throw new Error('fixture');
    target.milestones = null;
    expect(rejection(p).issues.map((x) => x.path)).toEqual([`indicators[${i}].targets[0].milestones`]);
    target.milestones = [
      { year: 2025, value: 70 },
      { year: 2023, value: 30 },
    ];
    expect(rejection(p).issues.map((x) => x.path)).toEqual([
      `indicators[${i}].targets[0].milestones[1].year`,
      `indicators[${i}].targets[0].targetYear`,
    ]);
  });

  it('rejects a coverage rule that points to an unknown indicator', () => {
    const p = plan();
    const i = indexOf(p, 'immunization_township_coverage');
    const rule = p.indicators[i]?.targets[0]?.coverage;
    if (rule === undefined || rule === null) throw new Error('fixture');
    rule.indicator = 'vaccination_rate';
    expect(rejection(p).issues).toEqual([
      { path: `indicators[${i}].targets[0].coverage.indicator`, message: '引用的指标不存在: vaccination_rate' },
    ]);
  });

  it('requires the value of threshold kinds and refuses it on trend kinds', () => {
    const p = plan();
    const max = p.indicators[0]?.targets[0];
    const trend = p.indicators[indexOf(p, 'new_myopia_rate')]?.targets[0];
    if (max === undefined || trend === undefined) throw new Error('fixture');
    max.value = null;
    trend.value = 5;
    expect(rejection(p).issues.map((x) => x.message)).toEqual([
      '目标类型 max 需要数值 value',
      '目标类型 trend_down 不使用 value,应为 null',
    ]);
  });

  it('requires a reduce_by value strictly between 0 and 1', () => {
    const p = plan();
    const i = indexOf(p, 'injury_mortality');
    const target = p.indicators[i]?.targets[0];
    if (target === undefined) throw new Error('fixture');
    target.value = 20;
    expect(rejection(p).issues.map((x) => x.path)).toEqual([`indicators[${i}].targets[0].value`]);
  });

  it('requires a positive factor and a target year not before the baseline year', () => {
    const p = plan();
    const first = p.indicators[0];
    const target = first?.targets[0];
    if (first === undefined || target === undefined) throw new Error('fixture');
    first.formula.factor = 0;
    target.targetYear = 2019;
    expect(rejection(p).issues).toEqual([
      { path: 'indicators[0].formula.factor', message: '应大于 0' },
      { path: 'indicators[0].targets[0].targetYear', message: '目标年份 2019 不能早于基线年份 2020' },
    ]);
  });

  it('rejects goal codes that do not match the domain letter and number, and duplicate domains', () => {
    const p = plan();
    const goal = p.domains[0]?.goals[2];
    const measure = p.domains[0]?.measures[1];
    const second = p.domains[1];
    if (goal === undefined || measure === undefined || second === undefined) throw new Error('fixture');
    goal.code = 'H4';
    measure.code = 'H2';
    second.code = 'H';
    const paths = rejection(p).issues.map((x) => x.path);
    expect(paths).toContain('domains[0].goals[2].code');
    expect(paths).toContain('domains[0].measures[1].code');
    expect(paths).toContain('domains[1].code');
  });

  it('rejects two targets for the same sex and area', () => {
    const p = plan();
    const i = indexOf(p, 'parent_school_coverage');
    const second = p.indicators[i]?.targets[1];
    if (second === undefined) throw new Error('fixture');
    second.area = 'urban';
    expect(rejection(p).issues.map((x) => x.path)).toEqual([`indicators[${i}].targets[1]`]);
  });

  it('never lets zod English through', () => {
    const p = plan();
    setRaw(p, 'period', { start: '2021', end: 2030, extra: true });
    setRaw(p, 'code', '');
    const first = p.indicators[0];
    if (first === undefined) throw new Error('fixture');
    setRaw(first, 'bounded', 'no');
    setRaw(first, 'targets', {});
    const issues = rejection(p).issues;
    expect(issues.map((i) => i.path).sort()).toEqual([
      'code',
      'indicators[0].bounded',
      'indicators[0].targets',
      'period.extra',
      'period.start',
    ]);
    for (const issue of issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message).not.toMatch(/invalid|expected|unrecognized|too (small|big)|received/i);
    }
  });
});

describe('formatIssuePath', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(formatIssuePath(['indicators', 3, 'targets', 0, 'value'])).toBe('indicators[3].targets[0].value');
    expect(formatIssuePath([])).toBe('');
  });
});

describe('the JSON schema of the plan file', () => {
  // schema/plan.schema.json is generated from the zod schema by this test: set
  // UPDATE_PLAN_SCHEMA=1 to (re)write it, otherwise the committed file must match.
  const generated = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
  if (process.env.UPDATE_PLAN_SCHEMA === '1') writeFileSync(schemaFile, generated);

  it('is committed as schema/plan.schema.json and up to date with src/core/plan/schema.ts', () => {
    const committed = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : '(missing)';
    expect(
      committed === generated,
      'schema/plan.schema.json is missing or stale; regenerate it with\n' +
        '  UPDATE_PLAN_SCHEMA=1 npx vitest run src/core/plan/schema.test.ts',
    ).toBe(true);
  });

  it('rejects unknown keys and requires every field of a target', () => {
    const schema = planJsonSchema();
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    const text = JSON.stringify(schema);
    expect(text).toContain('"required":["kind","value","milestones","coverage","baselineYear","targetYear","sex","area"]');
  });
});
