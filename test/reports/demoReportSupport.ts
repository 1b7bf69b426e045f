/** A database with the demo data for the report model tests, opened for the models, and readers of a Report. */
import { afterAll, beforeAll } from 'vitest';
import { type AppContext, openApp, requirePlan } from '../../src/app/context.js';
import type { Plan } from '../../src/core/plan/types.js';
import type { Db } from '../../src/db/dialect.js';
import type { Report, Section, Table } from '../../src/reports/model.js';
import { runCli } from '../support/cli.js';
import type { Dialect } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';

export interface AssessedRecord {
  indicator: string;
  indicator_name: string;
  domain: string;
  org_unit: string;
  sex: string;
  area: string;
  value: number | null;
  latest_year: number | null;
  status: string;
  warning: string;
  target_kind: string | null;
}

export interface DemoDatabase {
  readonly url: string;
  readonly db: Db;
  readonly plan: Plan;
  /** `childplan assess --year <year> --org <org> --format json`. */
  assess(year: number, org: string): Promise<AssessedRecord[]>;
}

/** A fresh database with `childplan demo` loaded, for the enclosing describe block. */
export function useDemoDatabase(dialect: Dialect): DemoDatabase {
  const database = useDatabase(dialect);
  let app: AppContext | null = null;
  let plan: Plan | null = null;
  beforeAll(async () => {
    const demo = await runCli(database.url, 'demo');
    if (demo.code !== 0) throw new Error(`childplan demo failed: ${demo.stderr}`);
    app = await openApp(database.url);
    plan = await requirePlan(app.db);
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    get url() {
      return database.url;
    },
    get db() {
      if (!app) throw new Error('opened in beforeAll');
      return app.db;
    },
    get plan() {
      if (!plan) throw new Error('loaded in beforeAll');
      return plan;
    },
    async assess(year, org) {
      const result = await runCli(database.url, 'assess', '--year', String(year), '--org', org, '--format', 'json');
      if (result.code !== 0) throw new Error(`childplan assess failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as AssessedRecord[];
    },
  };
}

/** Every section and subsection, depth first. */
export function allSections(report: Report): Section[] {
  const out: Section[] = [];
  const walk = (s: Section): void => {
    out.push(s);
    s.subsections.forEach(walk);
  };
  report.sections.forEach(walk);
  return out;
}

/** Every sentence of the report: preamble and paragraphs, bold judgement and text. */
export function reportText(report: Report): string {
  const paragraphs = [...report.preamble, ...allSections(report).flatMap((s) => s.paragraphs)];
  return paragraphs.map((p) => `${p.bold ?? ''}${p.text}`).join('\n');
}

export function sectionNamed(report: Report, heading: string): Section {
  const section = allSections(report).find((s) => s.heading === heading);
  if (!section) throw new Error(`no section ${heading}: ${report.sections.map((s) => s.heading).join(' / ')}`);
  return section;
}

export function tableTitled(section: Section, part: string): Table {
  const table = section.tables.find((t) => t.title.includes(part));
  if (!table) throw new Error(`no table “${part}” in ${section.heading}`);
  return table;
}

/** The record's name as the reports write it: with the disaggregation its target names. */
export function recordName(r: AssessedRecord): string {
  const parts = [
    r.sex === 'male' ? '男' : r.sex === 'female' ? '女' : '',
    r.area === 'urban' ? '城镇' : r.area === 'rural' ? '农村' : '',
  ].join('');
  return parts ? `${r.indicator_name}(${parts})` : r.indicator_name;
}

/** The records the summary counts: one per target, as `childplan assess` counts them. */
export function countedRecords(records: readonly AssessedRecord[], plan: Plan): AssessedRecord[] {
  const untargeted = new Set(plan.indicators.filter((i) => i.targets.length === 0).map((i) => i.code));
  return records.filter((r) => r.target_kind !== null || (r.sex === 'total' && r.area === 'total' && untargeted.has(r.indicator)));
}
