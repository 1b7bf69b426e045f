/** The columns of the long CSV format and the header names (English or Chinese) they go by. */

export const COLUMNS = [
  'indicator',
  'org_unit',
  'year',
  'value',
  'numerator',
  'denominator',
  'sex',
  'area',
  'age_group',
  'source',
  'note',
] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_LABELS: Record<Column, string> = {
  indicator: '指标代码',
  org_unit: '单位代码',
  year: '年份',
  value: '数值',
  numerator: '分子',
  denominator: '分母',
  sex: '性别',
  area: '城乡',
  age_group: '年龄组',
  source: '来源',
  note: '备注',
};

const ALIASES: Record<string, Column> = {
  指标: 'indicator',
  指标代码: 'indicator',
  indicator_code: 'indicator',
  单位: 'org_unit',
  单位代码: 'org_unit',
  地区代码: 'org_unit',
  区划代码: 'org_unit',
  org: 'org_unit',
  orgunit: 'org_unit',
  org_unit_code: 'org_unit',
  年: 'year',
  年份: 'year',
  年度: 'year',
  值: 'value',
  数值: 'value',
  指标值: 'value',
  分子: 'numerator',
  分母: 'denominator',
  性别: 'sex',
  城乡: 'area',
  城乡分类: 'area',
  年龄组: 'age_group',
  年龄段: 'age_group',
  age: 'age_group',
  来源: 'source',
  数据来源: 'source',
  备注: 'note',
  说明: 'note',
};

function normalise(header: string): string {
  return header
    .trim()
    .replace(/^\uFEFF/, '')
    .replace(/[（(].*[)）]$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface HeaderMap {
  /** Cell index of each column present. */
  index: Partial<Record<Column, number>>;
  /** Headers that name no column: reported as warnings and ignored. */
  ignored: { position: number; header: string }[];
}

export interface HeaderProblem {
  /** 1-based column of the header cell, or null when the problem is a missing column. */
  position: number | null;
  message: string;
}

/** Maps a header row to columns; problems make the file unusable. */
export function mapHeader(headers: string[]): { map: HeaderMap; problems: HeaderProblem[] } {
  const index: Partial<Record<Column, number>> = {};
  const ignored: HeaderMap['ignored'] = [];
  const problems: HeaderProblem[] = [];
  headers.forEach((raw, i) => {
    const key = normalise(raw);
    if (key === '') return;
    const column = (COLUMNS as readonly string[]).includes(key) ? (key as Column) : ALIASES[key];
    if (!column) {
      ignored.push({ position: i + 1, header: raw });
      return;
    }
    if (index[column] !== undefined) {
      problems.push({ position: i + 1, message: `表头“${raw}”重复(与第${(index[column] ?? 0) + 1}列同为“${COLUMN_LABELS[column]}”)` });
      return;
    }
    index[column] = i;
  });
  const missing = (['indicator', 'org_unit', 'year'] as const).filter((c) => index[c] === undefined);
  for (const column of missing) {
    problems.push({ position: null, message: `缺少必需的列“${COLUMN_LABELS[column]}”(${column})` });
  }
  const hasRatio = index.numerator !== undefined && index.denominator !== undefined;
  if (index.value === undefined && !hasRatio) {
    problems.push({ position: null, message: '缺少“数值”列(value),或“分子”和“分母”两列(numerator, denominator)' });
  }
  if (missing.length === 3 && ignored.length > 0) {
    problems.push({
      position: null,
      message: '无法识别表头:第一行应为列名(如 指标代码,单位代码,年份,数值)。如果列名显示为乱码,请检查文件编码(支持 UTF-8 和 GBK/GB18030)',
    });
  }
  return { map: { index, ignored }, problems };
}
