/**
 * Writes a large long-format CSV over the real Siping hierarchy: every unit × every ratio
 * indicator × 2018–2024 × sex × area, as many rows as asked (1,000,000 by default). Half the
 * rows give numerator and denominator, half a value. Deterministic.
 */
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SeededRandom } from '../src/demo/random.js';
import { loadDivisionFile, orgUnitsOfPrefecture } from '../src/plans/divisions.js';
import { loadBuiltinPlan } from '../src/plans/siping/loadPlan.js';

export async function generateCsv(path: string, rows: number, seed = 20240101, region = '2203'): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const plan = loadBuiltinPlan();
  const indicators = plan.indicators.filter((i) => i.aggregation === 'ratio' && !i.yesNo);
  const units = orgUnitsOfPrefecture(loadDivisionFile(), region);
  const random = new SeededRandom(seed);
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    new Promise((resolve) => {
      if (out.write(text)) resolve();
      else out.once('drain', () => resolve());
    });
  await write('indicator,org_unit,year,value,numerator,denominator,sex,area,source\n');
  let written = 0;
  let chunk = '';
  outer: for (const sex of ['total', 'male', 'female']) {
    for (const area of ['total', 'urban', 'rural']) {
      for (let year = 2018; year <= 2024; year++) {
        for (const indicator of indicators) {
          for (const unit of units) {
            const den = 1000 + Math.floor(random.next() * 9000);
            const share = indicator.bounded ? 0.5 + random.next() * 0.5 : random.next() * 0.05;
            const num = Math.floor(den * share);
            const value = ((num / den) * indicator.formula.factor).toFixed(4);
            chunk +=
              written % 2 === 0
                ? `${indicator.code},${unit.code},${year},,${num},${den},${sex},${area},基准测试\n`
                : `${indicator.code},${unit.code},${year},${value},,,${sex},${area},基准测试\n`;
            written++;
            if (chunk.length > 1 << 16) {
              await write(chunk);
              chunk = '';
            }
            if (written >= rows) break outer;
          }
        }
      }
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? 'bench/out/siping-1m.csv';
  const rows = Number(process.argv[3] ?? 1_000_000);
  const seed = Number(process.argv[4] ?? 20240101);
  generateCsv(path, rows, seed).then((n) => console.log(`${n} rows → ${path}`));
}
