/**
 * The published data as a table with Chinese headers, in the long format of the import (one value
 * a row; the import reads the code columns and ignores the name columns), for the CSV and XLSX
 * downloads of the public portal.
 */
import type { PublicObservation } from '../app/publicData.js';
import { AREA_LABELS, SEX_LABELS } from '../core/phrasing/labels.js';
import { csvLine, UTF8_BOM } from './csvLines.js';

export const PUBLIC_COLUMNS = [
  { header: '指标代码', width: 30 },
  { header: '指标名称', width: 40 },
  { header: '单位代码', width: 10 },
  { header: '单位名称', width: 14 },
  { header: '年份', width: 7 },
  { header: '性别', width: 6 },
  { header: '城乡', width: 6 },
  { header: '年龄组', width: 8 },
  { header: '数值', width: 10 },
  { header: '计量单位', width: 9 },
  { header: '分子', width: 10 },
  { header: '分母', width: 10 },
  { header: '来源', width: 22 },
  { header: '备注', width: 30 },
] as const;

export type PublicCell = string | number | null;

/** Values as computed carry binary noise (2.9126213592233); four decimals are more than any source has. */
export function publishedNumber(x: number): number {
  return Number(x.toFixed(4));
}

/** How a value came about, when it is not the unit's own report. */
export function originNote(o: PublicObservation): string {
  if (o.origin === 'aggregated') {
    const of = o.contributors < o.children ? `(共 ${o.children} 个,其余尚无已公开的数据)` : '';
    return `由 ${o.contributors} 个下级单位的数据汇总${of}`;
  }
  if (o.origin === 'derived') return `按覆盖率规则由 ${o.contributors} 个下级单位的数据推算`;
  return '';
}

export function publicCells(o: PublicObservation): PublicCell[] {
  return [
    o.indicator.code,
    o.indicator.name,
    o.orgUnit,
    o.orgName,
    o.year,
    SEX_LABELS[o.sex],
    AREA_LABELS[o.area],
    o.ageGroup === 'total' ? '合计' : o.ageGroup,
    publishedNumber(o.value),
    o.indicator.unit,
    o.numerator === null ? null : publishedNumber(o.numerator),
    o.denominator === null ? null : publishedNumber(o.denominator),
    o.source,
    originNote(o),
  ];
}

/** UTF-8 with a byte-order mark, so that Excel on a Chinese Windows PC reads it right. */
export function publicCsv(rows: readonly PublicObservation[]): string {
  let text = UTF8_BOM + csvLine(PUBLIC_COLUMNS.map((c) => c.header));
  for (const o of rows) text += csvLine(publicCells(o));
  return text;
}
