import { existsSync } from 'node:fs';

/** A font family with Chinese glyphs and the files that hold it (regular first). */
export interface FontFamilyFiles {
  family: string;
  files: string[];
}

/** Where Debian's fonts-noto-cjk (and the older WenQuanYi packages) put fonts with Chinese glyphs, best first. */
export const CJK_FONT_CANDIDATES: FontFamilyFiles[] = [
  {
    family: 'Noto Sans CJK SC',
    files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'],
  },
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'] },
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc'] },
  { family: 'WenQuanYi Micro Hei', files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'] },
  { family: 'WenQuanYi Zen Hei', files: ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'] },
];

/** Debian's fonts-dejavu-core, present wherever fontconfig is: a small font for text without Chinese. */
export const LATIN_FONT: FontFamilyFiles = {
  family: 'DejaVu Sans',
  files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
};

export const MISSING_CJK_FONT_MESSAGE =
  '找不到中文字体,无法绘制报告图表。请安装 fonts-noto-cjk 软件包(Debian/Ubuntu:apt-get install fonts-noto-cjk)后重试。';

/** The first CJK family installed on this machine, with those of its files present; throws in Chinese naming the package. */
export function cjkFont(candidates: readonly FontFamilyFiles[] = CJK_FONT_CANDIDATES): FontFamilyFiles {
  for (const candidate of candidates) {
    const files = candidate.files.filter((path) => existsSync(path));
    if (files.length > 0) return { family: candidate.family, files };
  }
  throw new Error(MISSING_CJK_FONT_MESSAGE);
}

/** The Latin font when installed, else null (the CJK font then draws everything). */
export function latinFont(font: FontFamilyFiles = LATIN_FONT): FontFamilyFiles | null {
  const files = font.files.filter((path) => existsSync(path));
  return files.length > 0 ? { family: font.family, files } : null;
}
