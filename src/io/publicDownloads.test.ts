import { describe, expect, it } from 'vitest';
import type { PublicObservation } from '../app/publicData.js';
import { indicator, target } from '../core/phrasing/phrasing.fixtures.js';
import { publicCsv } from './publicTable.js';
import { sdmxCsv, structureId, unitMeasure } from './sdmxCsv.js';

const mortality = indicator('新生儿死亡率', '‰', 'down', [target('max', 3)]);

function observation(o: Partial<PublicObservation>): PublicObservation {
  return {
    indicator: mortality,
    orgUnit: '220300',
    orgName: '四平市',
    year: 2024,
    sex: 'total',
    area: 'total',
    ageGroup: 'total',
    value: 2.803742154,
    numerator: 46,
    denominator: 16407,
    origin: 'reported',
    contributors: 0,
    children: 5,
    source: '卫生健康委员会',
    ...o,
  };
}

const plan = { code: 'siping-2021-2030', region: '220300' };

describe('the public downloads', () => {
  it('write the CSV with a byte-order mark, Chinese headers and labels, values to four decimals', () => {
    const text = publicCsv([observation({ sex: 'female', area: 'rural', ageGroup: '0-6' })]);
    expect(text.startsWith('\ufeff指标代码,指标名称,单位代码,单位名称,年份,性别,城乡,年龄组,数值,计量单位,分子,分母,来源,备注\r\n')).toBe(
      true,
    );
    expect(text.split('\r\n')[1]).toBe(`${mortality.code},新生儿死亡率,220300,四平市,2024,女,农村,0-6,2.8037,‰,46,16407,卫生健康委员会,`);
  });

  it('say when a roll-up lacks some of the children', () => {
    const text = publicCsv([observation({ origin: 'aggregated', contributors: 4 })]);
    expect(text).toContain('由 4 个下级单位的数据汇总(共 5 个,其余尚无已公开的数据)');
    expect(publicCsv([observation({ origin: 'aggregated', contributors: 5 })])).toContain(',由 5 个下级单位的数据汇总\r\n');
  });

  it('write SDMX-CSV 2.0: structure, action, dimensions in SDMX codes, then the measure and attributes', () => {
    const lines = sdmxCsv(plan, [observation({ sex: 'male', area: 'urban' })]).split('\r\n');
    expect(lines[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,SEX,URBANISATION,AGE,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,COMMENT_OBS,DATA_SOURCE',
    );
    expect(lines[1]).toBe(
      `dataflow,CN_220300:DF_SIPING_2021_2030(1.0),I,${mortality.code},220300,2024,M,U,_T,2.8037,PER_1000,0,A,,卫生健康委员会`,
    );
    expect(lines[2]).toBe('');
    expect(sdmxCsv(plan, [])).toBe(`${lines[0]}\r\n`);
  });

  it('name units and structures with valid SDMX identifiers', () => {
    expect(structureId({ code: 'x.y plan', region: '1100' })).toBe('CN_1100:DF_X_Y_PLAN(1.0)');
    expect(['%', '1/10万', '人', '次/年'].map(unitMeasure)).toEqual(['PERCENT', 'PER_100000', 'NUMBER', 'NUMBER_PER_YEAR']);
  });
});
