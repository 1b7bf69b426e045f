#!/usr/bin/env node
// Builds src/plans/siping/plan.yaml, the built-in plan of 四平市儿童发展规划(2021-2030年):
//   - domains, main goals (主要目标) and measures (策略措施) parsed from section 二 of the
//     plan text (the seed), texts verbatim;
//   - indicators from the hand-written src/plans/siping/indicators.yaml (a transcription of
//     shared/design/indicators.md).
//
// Usage: node scripts/build-siping-plan.mjs [path-to-seed]
//   path-to-seed defaults to ../shared/seeds/000_e452b860efaadf15.txt relative to the repo root.
//
// This script cannot import the TypeScript schema (src/core/plan/schema.ts); it makes the
// structural checks it needs to produce a sensible file and fails loudly otherwise. The full
// validation is the test src/core/plan/schema.test.ts ("the built-in plan parses").
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = process.argv[2] ? resolve(process.argv[2]) : resolve(repoRoot, '../shared/seeds/000_e452b860efaadf15.txt');
const indicatorsPath = join(repoRoot, 'src/plans/siping/indicators.yaml');
const outPath = join(repoRoot, 'src/plans/siping/plan.yaml');

/** The plan's seven domains in its own order: (一) … (七). */
const DOMAINS = [
  { code: 'H', name: '儿童与健康' },
  { code: 'S', name: '儿童与安全' },
  { code: 'E', name: '儿童与教育' },
  { code: 'W', name: '儿童与福利' },
  { code: 'F', name: '儿童与家庭' },
  { code: 'V', name: '儿童与环境' },
  { code: 'L', name: '儿童与法律保护' },
];
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const INDICATOR_KEYS = [
  'code',
  'name',
  'unit',
  'domain',
  'planRef',
  'direction',
  'bounded',
  'yesNo',
  'formula',
  'aggregation',
  'level',
  'targets',
  'note',
];
const FORMULA_KEYS = ['numerator', 'denominator', 'factor'];
const TARGET_KEYS = ['kind', 'value', 'milestones', 'coverage', 'baselineYear', 'targetYear', 'sex', 'area'];

function fail(message) {
  console.error(`build-siping-plan: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------
// 1. The seed: title, publication date, section 二.

/**
 * Parses section 二 (发展领域、主要目标和策略措施) of the plan text.
 * Layout (one paragraph a line, blank lines between):
 *   (一)儿童与健康。 / 主要目标: / 1. … / 策略措施: / 1. … / (二)… / 三、组织实施
 * The separator after "N." is a space or a no-break space (U+00A0); both are dropped with the
 * number. Only surrounding whitespace is trimmed; the text is otherwise kept as written.
 */
function parseSeed(text) {
  const lines = text.split(/\r?\n/);
  const title = (lines.find((l) => l.trim() !== '') ?? '').trim();
  const date = /\d{4}-\d{2}-\d{2}/.exec(lines.slice(0, 10).join('\n'))?.[0];
  if (!title.startsWith('四平市儿童发展规划')) fail(`unexpected title: ${title}`);
  if (!date) fail('no publication date (YYYY-MM-DD) near the top of the seed');

  const start = lines.findIndex((l) => l.trim().startsWith('二、'));
  const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('三、'));
  if (start < 0 || end < 0) fail('section 二 (二、… 三、) not found in the seed');

  const domains = [];
  let domain = null;
  let list = null; // 'goals' | 'measures'
  for (const [offset, raw] of lines.slice(start + 1, end).entries()) {
    const lineNo = start + 2 + offset;
    const line = raw.trim();
    if (line === '') continue;
    const heading = /^\((.)\)(.+?)。?$/.exec(line);
    if (heading) {
      const index = domains.length;
      const expected = DOMAINS[index];
      if (!expected || heading[1] !== CHINESE_ORDINALS[index] || heading[2] !== expected.name) {
        fail(`line ${lineNo}: unexpected domain heading ${line}`);
      }
      domain = { code: expected.code, name: heading[2], goals: [], measures: [] };
      domains.push(domain);
      list = null;
      continue;
    }
    if (/^主要目标[::]$/.test(line)) {
      list = 'goals';
      continue;
    }
    if (/^策略措施[::]$/.test(line)) {
      list = 'measures';
      continue;
    }
    const item = /^(\d+)\.\s*(\S[\s\S]*)$/.exec(line);
    if (item && domain && list) {
      const number = Number(item[1]);
      const items = domain[list];
      if (number !== items.length + 1) fail(`line ${lineNo}: ${domain.name} ${list} number ${number} out of sequence`);
      const code = `${domain.code}${list === 'measures' ? 'M' : ''}${number}`;
      items.push({ code, number, text: item[2].trim() });
      continue;
    }
    fail(`line ${lineNo}: unexpected line in section 二: ${line.slice(0, 40)}`);
  }
  if (domains.length !== DOMAINS.length) fail(`expected ${DOMAINS.length} domains, found ${domains.length}`);
  return { title, date, domains };
}

// ---------------------------------------------------------------------------------------
// 2. The indicators (hand-written YAML), checked for the shape the plan file needs.

function checkKeys(object, keys, where) {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) fail(`${where}: not a mapping`);
  const actual = Object.keys(object);
  const missing = keys.filter((k) => !actual.includes(k));
  const unknown = actual.filter((k) => !keys.includes(k));
  if (missing.length > 0) fail(`${where}: missing ${missing.join(', ')}`);
  if (unknown.length > 0) fail(`${where}: unknown ${unknown.join(', ')}`);
}

/** Returns a copy with the keys in the given order (the order of the Plan types). */
function ordered(object, keys) {
  return Object.fromEntries(keys.map((k) => [k, object[k]]));
}

function loadIndicators(path, domains) {
  const doc = YAML.parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) fail(`${path}: ${doc.errors[0].message}`);
  const list = doc.toJS();
  if (!Array.isArray(list)) fail(`${path}: expected a YAML list of indicators`);

  const refs = new Map();
  for (const d of domains) for (const item of [...d.goals, ...d.measures]) refs.set(item.code, d.code);

  const seen = new Set();
  return list.map((indicator, i) => {
    const where = `${relative(repoRoot, path)}[${i}]`;
    checkKeys(indicator, INDICATOR_KEYS, where);
    checkKeys(indicator.formula, FORMULA_KEYS, `${where}.formula`);
    if (!Array.isArray(indicator.targets)) fail(`${where}.targets: not a list`);
    indicator.targets.forEach((t, k) => checkKeys(t, TARGET_KEYS, `${where}.targets[${k}]`));
    if (seen.has(indicator.code)) fail(`${where}: duplicate code ${indicator.code}`);
    seen.add(indicator.code);
    const refDomain = refs.get(indicator.planRef);
    if (!refDomain) fail(`${where}: planRef ${indicator.planRef} is not a goal or measure of the plan`);
    if (refDomain !== indicator.domain) fail(`${where}: domain ${indicator.domain} ≠ domain of ${indicator.planRef}`);
    return {
      ...ordered(indicator, INDICATOR_KEYS),
      formula: ordered(indicator.formula, FORMULA_KEYS),
      targets: indicator.targets.map((t) => ordered(t, TARGET_KEYS)),
    };
  });
}

// ---------------------------------------------------------------------------------------
// 3. The plan file.

function toYaml(plan, seedLabel) {
  const doc = new YAML.Document(plan);
  const goals = plan.domains.reduce((n, d) => n + d.goals.length, 0);
  const measures = plan.domains.reduce((n, d) => n + d.measures.length, 0);
  doc.commentBefore = [
    ' yaml-language-server: $schema=../../../schema/plan.schema.json',
    '',
    ` ${plan.name} — the built-in plan of childplan, as data.`,
    ` ${plan.domains.length} domains, ${goals} main goals (主要目标), ${measures} measures (策略措施),`,
    ` ${plan.indicators.length} monitoring indicators.`,
    '',
    ' GENERATED FILE — do not edit by hand. Sources:',
    `   - ${seedLabel},`,
    '     section 二: domains, main goals and measures;',
    '     texts verbatim, numbered as in the plan (H3 = 儿童与健康 主要目标 3, HM2 = 策略措施 2);',
    '   - src/plans/siping/indicators.yaml: the indicators (transcribed from',
    '     shared/design/indicators.md; edit that file, not this one).',
    ' Format: follows schema/plan.schema.json (see docs/plan-format.md).',
    ' Regenerate: node scripts/build-siping-plan.mjs [path-to-seed]',
  ].join('\n');

  const setFlow = (node) => {
    if (YAML.isMap(node) || YAML.isSeq(node)) node.flow = true;
  };
  setFlow(doc.getIn(['period'], true));
  const domainsNode = doc.get('domains', true);
  domainsNode.items.forEach((node, i) => {
    const d = plan.domains[i];
    node.commentBefore = ` (${CHINESE_ORDINALS[i]})${d.name}: ${d.goals.length} 项主要目标, ${d.measures.length} 项策略措施`;
    if (i > 0) node.spaceBefore = true;
  });
  const indicatorsPair = doc.contents.items.find((pair) => pair.key.value === 'indicators');
  indicatorsPair.key.spaceBefore = true;
  indicatorsPair.key.commentBefore = ' 监测指标 (from src/plans/siping/indicators.yaml)';
  doc.get('indicators', true).items.forEach((node, i) => {
    if (i > 0) node.spaceBefore = true;
    setFlow(node.get('formula', true));
    for (const target of node.get('targets', true).items) {
      const milestones = target.get('milestones', true);
      if (YAML.isSeq(milestones)) milestones.items.forEach(setFlow);
      setFlow(target.get('coverage', true));
    }
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function main() {
  let seedText;
  try {
    seedText = readFileSync(seedPath, 'utf8');
  } catch (error) {
    fail(`cannot read the seed ${seedPath}: ${error.message}`);
  }
  const { title, date, domains } = parseSeed(seedText);
  const indicators = loadIndicators(indicatorsPath, domains);
  const plan = {
    code: 'siping-2021-2030',
    name: '四平市儿童发展规划(2021-2030年)',
    region: '220300',
    period: { start: 2021, end: 2030 },
    baselineYear: 2020,
    source: `${title},${date}发布`,
    domains,
    indicators,
  };
  const seedLabel = `the plan text ${basename(seedPath)} (default: ../shared/seeds/ from the repo root)`;
  writeFileSync(outPath, toYaml(plan, seedLabel));

  const goals = domains.reduce((n, d) => n + d.goals.length, 0);
  const measures = domains.reduce((n, d) => n + d.measures.length, 0);
  console.log(
    `wrote ${relative(repoRoot, outPath)}: ${domains.length} domains, ${goals} goals ` +
      `(${domains.map((d) => d.goals.length).join('+')}), ${measures} measures ` +
      `(${domains.map((d) => d.measures.length).join('+')}), ${indicators.length} indicators`,
  );
}

main();
