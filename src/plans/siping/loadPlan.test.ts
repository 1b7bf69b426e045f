import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanFormatError } from '../../core/plan/schema.js';
import type { Plan } from '../../core/plan/types.js';
import { PlanSyntaxError, builtinPlanPath, loadBuiltinPlan, readPlanFile, writePlanFile } from './loadPlan.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const seedPath = resolve(repoRoot, '../shared/seeds/000_e452b860efaadf15.txt');
const hasSeed = existsSync(seedPath);

const dir = mkdtempSync(join(tmpdir(), 'childplan-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = loadBuiltinPlan();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('the built-in plan file', () => {
  it('is src/plans/siping/plan.yaml under the directory that holds package.json', () => {
    expect(builtinPlanPath()).toBe(join(repoRoot, 'src', 'plans', 'siping', 'plan.yaml'));
    expect(existsSync(builtinPlanPath())).toBe(true);
  });

  it('starts with a header comment that names its sources, its schema and how to regenerate it', () => {
    const head = readFileSync(builtinPlanPath(), 'utf8').split('\n').slice(0, 20).join('\n');
    expect(head).toMatch(/^# yaml-language-server: \$schema=/);
    expect(head).toContain('schema/plan.schema.json');
    expect(head).toContain('node scripts/build-siping-plan.mjs');
    expect(head).toContain('indicators.yaml');
  });

  it.skipIf(!hasSeed)(
    `keeps every goal and measure text exactly as written in the seed${hasSeed ? '' : ` (skipped: ${seedPath} is absent)`}`,
    () => {
      const seed = readFileSync(seedPath, 'utf8');
      const lines = new Set(seed.split('\n').map((line) => line.trim()));
      let count = 0;
      for (const domain of plan.domains) {
        for (const item of [...domain.goals, ...domain.measures]) {
          count += 1;
          expect(seed.includes(item.text), item.code).toBe(true);
          expect(item.text, item.code).toBe(item.text.trim());
          // The whole paragraph, under its own number (the separator is a space or a no-break space).
          const numbered = [' ', '\u00a0'].some((sep) => lines.has(`${item.number}.${sep}${item.text}`));
          expect(numbered, item.code).toBe(true);
        }
      }
      expect(count).toBe(68 + 72);
    },
  );

  it.skipIf(!hasSeed)('takes its domain names from the headings of section 二 of the seed', () => {
    const seed = readFileSync(seedPath, 'utf8');
    for (const domain of plan.domains) expect(seed).toContain(`)${domain.name}。`);
  });

  it('ties every indicator to a goal or measure of its own domain', () => {
    const refs = new Map(plan.domains.flatMap((d) => [...d.goals, ...d.measures].map((item) => [item.code, d.code] as const)));
    for (const indicator of plan.indicators) expect(refs.get(indicator.planRef), indicator.code).toBe(indicator.domain);
  });
});

describe('reading and writing plan files', () => {
  it('round-trips the plan through YAML (write, read, deep equal)', () => {
    const file = join(dir, 'roundtrip.yaml');
    writePlanFile(plan, file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# childplan 计划文件')).toBe(true);
    expect(text).toContain('text: 覆盖城乡的儿童健康服务体系更加完善');
    expect(readPlanFile(file)).toEqual(plan);
  });

  it('round-trips the plan through JSON for any other extension', () => {
    const file = join(dir, 'roundtrip.json');
    writePlanFile(plan, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(plan);
    expect(readPlanFile(file)).toEqual(plan);
  });

  it('tells YAML from JSON by content, not by extension', () => {
    const jsonInYaml = join(dir, 'plan-json.yaml');
    writeFileSync(jsonInYaml, JSON.stringify(plan));
    expect(readPlanFile(jsonInYaml)).toEqual(plan);
    const yamlInTxt = join(dir, 'plan.txt');
    writePlanFile(plan, join(dir, 'source.yml'));
    writeFileSync(yamlInTxt, readFileSync(join(dir, 'source.yml'), 'utf8'));
    expect(readPlanFile(yamlInTxt)).toEqual(plan);
  });

  it('names the file, line and column of a YAML syntax error, in Chinese', () => {
    const file = join(dir, 'bad-indent.yaml');
    writeFileSync(file, 'code: x\nperiod:\n  start: 2021\n end: 2030\n');
    const error = thrown(() => readPlanFile(file));
    expect(error).toBeInstanceOf(PlanSyntaxError);
    if (!(error instanceof PlanSyntaxError)) return;
    expect([error.file, error.line, error.column]).toEqual([file, 4, 1]);
    expect(error.message).toBe(`${file}:4:1: YAML 语法错误(第 4 行,第 1 列): 缩进不正确(BAD_INDENT)`);
  });

  it('reports a duplicate key in YAML as a syntax error at its line', () => {
    const file = join(dir, 'duplicate.yaml');
    writeFileSync(file, 'code: x\nname: a\nname: b\n');
    expect(thrown(() => readPlanFile(file))).toMatchObject({ line: 3, message: expect.stringContaining('重复的字段') });
  });

  it('names the line and column of a JSON syntax error', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "code": "x",\n  "name": "y"\n  "region": "220300"\n}\n');
    const error = thrown(() => readPlanFile(file));
    expect(error).toBeInstanceOf(PlanSyntaxError);
    expect(error).toMatchObject({ format: 'JSON', line: 4, column: 3 });
  });

  it('prefixes format errors with the file name and names the bad planRef', () => {
    const bad: Plan = structuredClone(plan);
    const first = bad.indicators[0];
    if (first === undefined) throw new Error('fixture');
    first.planRef = 'H13';
    const file = join(dir, 'bad-ref.yaml');
    writePlanFile(bad, file);
    const error = thrown(() => readPlanFile(file));
    expect(error).toBeInstanceOf(PlanFormatError);
    if (!(error instanceof PlanFormatError)) return;
    expect(error.source).toBe(file);
    expect(error.message).toBe(`${file}: 计划文件格式错误:\n  indicators[0].planRef: 引用的目标或措施不存在: H13`);
  });

  it('reports a region left unquoted in YAML as a format error with a hint', () => {
    const file = join(dir, 'region.yaml');
    writeFileSync(file, readFileSync(builtinPlanPath(), 'utf8').replace('region: "220300"', 'region: 220300'));
    expect(thrown(() => readPlanFile(file))).toMatchObject({ issues: [{ path: 'region', message: expect.stringContaining('引号') }] });
  });

  it('explains a missing file in Chinese', () => {
    const file = join(dir, 'nope.yaml');
    expect(() => readPlanFile(file)).toThrow(`无法读取计划文件 ${file}: 文件不存在`);
  });
});
