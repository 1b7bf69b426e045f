import { beforeAll, describe, expect, it } from 'vitest';
import {
  countiesOfChina,
  type DivisionTable,
  divisionTableFromText,
  listPrefectures,
  loadDivisionFile,
  type OrgUnitSeed,
  orgUnitsOfPrefecture,
} from './divisions.js';

let table: DivisionTable;
let siping: OrgUnitSeed[];

beforeAll(() => {
  table = loadDivisionFile();
  siping = orgUnitsOfPrefecture(table, '220300');
});

function ofLevel(units: OrgUnitSeed[], level: OrgUnitSeed['level']): OrgUnitSeed[] {
  return units.filter((u) => u.level === level);
}

describe('Siping (四平市, 220300)', () => {
  it('has exactly 1 city, 5 counties, 79 townships and 942 villages', () => {
    expect(siping).toHaveLength(1 + 5 + 79 + 942);
    expect(ofLevel(siping, 'city')).toHaveLength(1);
    expect(ofLevel(siping, 'county')).toHaveLength(5);
    expect(ofLevel(siping, 'township')).toHaveLength(79);
    expect(ofLevel(siping, 'village')).toHaveLength(942);
  });

  it('starts with the city itself, named 四平市 and without parent', () => {
    expect(siping[0]).toEqual({
      code: '220300',
      name: '四平市',
      level: 'city',
      parentCode: null,
      area: null,
      sortOrder: 0,
    });
  });

  it('has the five county-level units under the city', () => {
    expect(ofLevel(siping, 'county').map((u) => [u.code, u.name, u.parentCode, u.area])).toEqual([
      ['220302', '铁西区', '220300', null],
      ['220303', '铁东区', '220300', null],
      ['220322', '梨树县', '220300', null],
      ['220323', '伊通满族自治县', '220300', null],
      ['220382', '双辽市', '220300', null],
    ]);
  });

  it('does not contain 公主岭, which moved to Changchun in 2020', () => {
    expect(siping.filter((u) => u.name.includes('公主岭'))).toEqual([]);
  });

  it('has every township under one of its counties and every village under one of its townships', () => {
    const counties = new Set(ofLevel(siping, 'county').map((u) => u.code));
    const townships = new Set(ofLevel(siping, 'township').map((u) => u.code));
    for (const t of ofLevel(siping, 'township')) expect(counties.has(t.parentCode ?? '')).toBe(true);
    for (const v of ofLevel(siping, 'village')) expect(townships.has(v.parentCode ?? '')).toBe(true);
  });

  it('has codes of 6, 9 and 12 digits, each once, and lists parents before children', () => {
    const seen = new Set<string>();
    for (const u of siping) {
      expect(u.code).toMatch({ city: /^\d{6}$/, county: /^\d{6}$/, township: /^\d{9}$/, village: /^\d{12}$/ }[u.level]);
      if (u.parentCode !== null) expect(seen.has(u.parentCode)).toBe(true);
      expect(seen.has(u.code)).toBe(false);
      seen.add(u.code);
    }
    expect(siping.map((u) => u.sortOrder)).toEqual(siping.map((_, i) => i));
  });

  it('has 186 urban and 756 rural villages, as the extraction script reports', () => {
    const villages = ofLevel(siping, 'village');
    expect(villages.filter((v) => v.area === 'urban')).toHaveLength(186);
    expect(villages.filter((v) => v.area === 'rural')).toHaveLength(756);
  });

  it('marks townships named 街道 urban and the others rural', () => {
    for (const t of ofLevel(siping, 'township')) {
      expect(t.area).toBe(t.name.endsWith('街道') || t.name.endsWith('街道办事处') ? 'urban' : 'rural');
    }
  });

  it('gives the same result for 2203, 220300 and 220300000000', () => {
    expect(orgUnitsOfPrefecture(table, '2203')).toEqual(siping);
    expect(orgUnitsOfPrefecture(table, '220300000000')).toEqual(siping);
  });
});

describe('other prefectures', () => {
  it('loads Changchun (长春市, 2201) with 公主岭市 220184 among its counties', () => {
    const changchun = orgUnitsOfPrefecture(table, '2201');
    expect(changchun[0]).toMatchObject({ code: '220100', name: '长春市', level: 'city' });
    expect(changchun).toContainEqual(expect.objectContaining({ code: '220184', name: '公主岭市', level: 'county', parentCode: '220100' }));
    expect(changchun.some((u) => u.level === 'village' && u.code.startsWith('220184'))).toBe(true);
  });

  it('merges the county-level unit that carries the city code of 东莞 into the city node', () => {
    const dongguan = orgUnitsOfPrefecture(table, '441900');
    expect(dongguan.filter((u) => u.code === '441900')).toHaveLength(1);
    expect(ofLevel(dongguan, 'county')).toEqual([]);
    const townships = ofLevel(dongguan, 'township');
    expect(townships.length).toBeGreaterThan(0);
    for (const t of townships) expect(t.parentCode).toBe('441900');
  });

  it('throws a Chinese message for an unknown prefecture code', () => {
    const message = '未知的地级行政区划代码: 9999(应为4位或6位代码,如 2203 或 220300)';
    expect(() => orgUnitsOfPrefecture(table, '9999')).toThrow(message);
    expect(() => orgUnitsOfPrefecture(table, '220302')).toThrow('未知的地级行政区划代码: 220302');
    expect(() => orgUnitsOfPrefecture(table, '2200')).toThrow('未知的地级行政区划代码: 2200');
    expect(() => orgUnitsOfPrefecture(table, 'abcd')).toThrow('未知的地级行政区划代码: abcd');
  });
});

describe('national lists', () => {
  it('lists 四平市 among the prefectures, with its province', () => {
    const prefectures = listPrefectures(table);
    expect(prefectures).toContainEqual({ code: '220300', name: '四平市', provinceName: '吉林省' });
    expect(prefectures).toContainEqual({ code: '110100', name: '市辖区', provinceName: '北京市' });
    expect(prefectures.length).toBeGreaterThan(300);
  });

  it('lists every county-level unit of China with its prefecture', () => {
    const counties = countiesOfChina(table);
    expect(counties.length).toBeGreaterThan(2800);
    expect(counties).toContainEqual({ code: '220184', name: '公主岭市', prefectureCode: '220100' });
    expect(counties.filter((c) => c.prefectureCode === '220300').map((c) => c.code)).toEqual([
      '220302',
      '220303',
      '220322',
      '220323',
      '220382',
    ]);
    const prefectures = new Set(listPrefectures(table).map((p) => p.code));
    for (const c of counties) expect(prefectures.has(c.prefectureCode)).toBe(true);
  });
});

describe('the division table', () => {
  it('rejects text that is not a division table', () => {
    expect(() => divisionTableFromText('code,name\n11,北京市\n')).toThrow('not a division table');
  });

  it('reports a missing file with the command that generates it', () => {
    expect(() => loadDivisionFile('/nonexistent/divisions.tsv.br')).toThrow('node scripts/extract-divisions.mjs');
  });

  it('reads a small hand-written table', () => {
    const small = divisionTableFromText(
      'code\tname\tflag\n22\t吉林省\t\n2299\t测试市\t\n229901\t甲区\t\n229901001\t一街道\t\n229901001001\t一社区\tu\n229901100\t二镇\t\n229901100200\t二村\tr\n',
    );
    expect(orgUnitsOfPrefecture(small, '2299').map((u) => [u.code, u.level, u.parentCode, u.area])).toEqual([
      ['229900', 'city', null, null],
      ['229901', 'county', '229900', null],
      ['229901001', 'township', '229901', 'urban'],
      ['229901001001', 'village', '229901001', 'urban'],
      ['229901100', 'township', '229901', 'rural'],
      ['229901100200', 'village', '229901100', 'rural'],
    ]);
    expect(listPrefectures(small)).toEqual([{ code: '229900', name: '测试市', provinceName: '吉林省' }]);
  });
});
