import type { ReportMeta } from './model.js';

/** Fixed wording the writers add around the model's text, the same in Word and HTML. */

export const DRAFT_MARK = '草稿';

/** The cover's notice for the demo data set. */
export function syntheticNotice(meta: ReportMeta): string {
  return `本报告所用数据为系统生成的合成演示数据，不反映${meta.orgUnit.name}的实际情况，仅供演示和测试。`;
}

/** The date of generation as written on a Chinese cover: 2025年3月18日 (Beijing time). */
export function reportDate(generatedAt: string): string {
  const time = Date.parse(generatedAt);
  if (Number.isNaN(time)) return generatedAt;
  const beijing = new Date(time + 8 * 3600_000);
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`;
}

/** The full-width space that separates a caption's number from its title. */
const IDEOGRAPHIC_SPACE = '\u3000';

export function tableCaption(n: number, title: string): string {
  return `表${n}${IDEOGRAPHIC_SPACE}${title}`;
}

export function figureCaption(n: number, title: string): string {
  return `图${n}${IDEOGRAPHIC_SPACE}${title}`;
}
