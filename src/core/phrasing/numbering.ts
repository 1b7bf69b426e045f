/** Chinese numbering of chapters (一、) and findings ((一)), and Chinese lists (甲、乙和丙). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens] ?? ''}十`;
  return `${tensText}${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/** A chapter heading: 一、儿童与健康. */
export function chapterHeading(n: number, title: string): string {
  return `${chineseNumber(n)}、${title}`;
}

/** The number of a finding: (一). */
export function findingNumber(n: number): string {
  return `(${chineseNumber(n)})`;
}

/** 甲 · 甲和乙 · 甲、乙和丙. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1] ?? ''}`;
}
