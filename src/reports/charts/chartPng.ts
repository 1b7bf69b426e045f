import { Resvg } from '@resvg/resvg-js';
import type { Chart } from '../model.js';
import { DEFAULT_CHART_SIZE, chartSvg, type ChartSize } from './chartSvg.js';
import { cjkFont, latinFont, type FontFamilyFiles } from './cjkFonts.js';
import { textAsPaths } from './textPaths.js';

export interface ChartPng {
  png: Buffer;
  /** Pixel size of the PNG (the SVG size times the scale). */
  width: number;
  height: number;
}

export interface ChartPngOptions {
  size?: ChartSize;
  /** Pixels per SVG unit: 1.5 gives 1200 pixels across, about 200 dpi when Word prints the image 15.6 cm wide. */
  scale?: number;
  /** The font with Chinese glyphs; the system's (fonts-noto-cjk) by default. */
  cjk?: FontFamilyFiles;
  /** A font for text without Chinese (numbers, years); the system's DejaVu by default, null for none. */
  latin?: FontFamilyFiles | null;
}

/** The chart as a PNG image for Word, drawn from the ECharts SVG by resvg with the system's CJK fonts. */
export function chartPng(chart: Chart, options: ChartPngOptions = {}): ChartPng {
  const size = options.size ?? DEFAULT_CHART_SIZE;
  const cjk = options.cjk ?? cjkFont();
  const latin = options.latin === undefined ? latinFont() : options.latin;
  // Chinese text (all text without a Latin font) becomes glyph outlines; the rest is drawn with the small Latin font.
  const svg = textAsPaths(chartSvg(chart, size), cjk, (text) => latin === null || !LATIN_TEXT.test(text));
  const resvg = new Resvg(latin ? withLatinFamily(svg, latin.family) : svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 1.5 },
    background: '#ffffff',
    font: {
      fontFiles: latin?.files ?? [],
      // Only these files: scanning every system font costs time and may pick one without the glyphs.
      loadSystemFonts: false,
      defaultFontFamily: latin?.family ?? cjk.family,
      sansSerifFamily: latin?.family ?? cjk.family,
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** Printable ASCII only: figures, years, Latin letters. */
const LATIN_TEXT = /^[\x20-\x7e]*$/;

/**
 * resvg reads the whole font file for every text element it lays out, and a CJK collection weighs 20 MB: the many
 * labels made of figures (axis ticks, values, years), different in every chart, are drawn with a small Latin font.
 */
function withLatinFamily(svg: string, family: string): string {
  return svg.replace(
    /(<text\b[^>]*?font-family:)[^;"]*([^>]*>)([\x20-\x7e]*)(<\/text>)/g,
    (_match, head: string, rest: string, text: string, close: string) => `${head}'${family}'${rest}${text}${close}`,
  );
}
