import { describe, expect, it } from 'vitest';
import { chartOption, sourceText } from '../../src/reports/charts/chartOption.js';
import { chartPng } from '../../src/reports/charts/chartPng.js';
import { chartSvg } from '../../src/reports/charts/chartSvg.js';
import { cjkFont, LATIN_FONT, MISSING_CJK_FONT_MESSAGE } from '../../src/reports/charts/cjkFonts.js';
import { textAsPaths } from '../../src/reports/charts/textPaths.js';
import type { Chart } from '../../src/reports/model.js';
import { infantMortalityChart, vaccinationChart } from '../../src/reports/report.fixtures.js';
import { decodePng, inkShare, type Pixels } from '../support/pngPixels.js';

interface SeriesLike {
  type?: string;
  name?: string;
  lineStyle?: { type?: string };
  label?: { formatter?: (params: { value?: unknown }) => string };
}

function seriesOf(chart: Chart): SeriesLike[] {
  const series = chartOption(chart).series;
  return (Array.isArray(series) ? series : [series]) as SeriesLike[];
}

/** Share of inked pixels in the rows from y0 to y1. */
function inkInBand(pixels: Pixels, y0: number, y1: number): number {
  const stride = pixels.width * pixels.channels;
  return inkShare({ ...pixels, height: y1 - y0, data: pixels.data.subarray(y0 * stride, y1 * stride) });
}

/** Share of bytes that differ between two images of one size in the rows from y0 to y1. */
function differenceInBand(a: Pixels, b: Pixels, y0: number, y1: number): number {
  const stride = a.width * a.channels;
  let differing = 0;
  for (let i = y0 * stride; i < y1 * stride; i++) if (Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > 64) differing++;
  return differing / ((y1 - y0) * stride);
}

describe('chart option', () => {
  it('adds 资料来源 to a bare source and keeps a source line that has it', () => {
    expect(sourceText('四平市卫生健康委员会')).toBe('资料来源：四平市卫生健康委员会');
    expect(sourceText('资料来源：四平市统计局')).toBe('资料来源：四平市统计局');
    expect(sourceText('资料来源:四平市统计局')).toBe('资料来源:四平市统计局');
  });

  it('draws the target as a dashed series named by its label, and a projection dashed', () => {
    const series = seriesOf(infantMortalityChart);
    expect(series.map((s) => s.name)).toEqual(['婴儿死亡率', '按近年趋势推算', '规划目标（≤4.5‰）']);
    expect(series.map((s) => s.lineStyle?.type)).toEqual(['solid', 'dashed', 'dashed']);
  });

  it('labels values with the decimals of the series, so 4 reads 4.0 beside 4.3', () => {
    const formatter = seriesOf(infantMortalityChart)[0]?.label?.formatter;
    expect(formatter?.({ value: 4 })).toBe('4.0');
    expect(formatter?.({ value: null })).toBe('');
  });

  it('starts bars at zero and lets a line chart scale to its data', () => {
    const axis = (chart: Chart) => chartOption(chart).yAxis as { scale?: boolean; name?: string };
    expect(axis(vaccinationChart).scale).toBe(false);
    expect(axis(infantMortalityChart).scale).toBe(true);
    expect(axis(vaccinationChart).name).toBe('单位：%');
    expect(seriesOf(vaccinationChart)[0]?.type).toBe('bar');
  });
});

describe('chart SVG', () => {
  it('carries the title, the unit, the source line, the legend and the categories', () => {
    const svg = chartSvg(infantMortalityChart);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['2020—2024年四平市婴儿死亡率', '单位：‰', '资料来源：四平市卫生健康委员会', '规划目标（≤4.5‰）', '2023', '4.0'])
      expect(svg).toContain(text);
  });

  it('escapes markup in every text of the chart', () => {
    const evil = '<script>alert(1)</script>';
    const svg = chartSvg({
      ...vaccinationChart,
      title: evil,
      unit: evil,
      source: evil,
      categories: [evil],
      series: [{ name: evil, values: [1] }],
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('text as paths', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg"><text x="1" style="font-size:12px;font-family:sans-serif;" transform="translate(5 6)" fill="#c00000">四平市</text>' +
    '<text style="font-size:12px;" fill="#000">2024</text></svg>';

  it('replaces the chosen text by glyph outlines in a group keeping its place and colour', () => {
    const drawn = textAsPaths(svg, cjkFont(), (text) => text !== '2024');
    expect(drawn).toMatch(/^<svg [^>]*><g transform="translate\(5 6\)" fill="#c00000">\s*<g>\s*<path stroke="none" d="M [^"]+"\/>/);
    expect(drawn).not.toContain('四平市');
    expect(drawn).toContain('<text style="font-size:12px;" fill="#000">2024</text>');
  });
});

describe('chart PNG', () => {
  it('is a PNG at one and a half times the SVG size with something drawn on it', () => {
    const { png, width, height } = chartPng(vaccinationChart);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([width, height]).toEqual([1200, 675]);
    const pixels = decodePng(png);
    expect([pixels.width, pixels.height]).toEqual([1200, 675]);
    expect(inkShare(pixels)).toBeGreaterThan(0.02);
  });

  it('draws the Chinese title in glyphs, not in the boxes a font without Chinese draws', () => {
    const titleOnly: Chart = { ...infantMortalityChart, title: '婴儿死亡率', series: [], target: undefined };
    // The title sits in the top 40 units of the SVG: 60 pixels at scale 1.5.
    const withCjk = decodePng(chartPng(titleOnly).png);
    expect(inkInBand(withCjk, 0, 60)).toBeGreaterThan(0.005);
    const boxes = decodePng(chartPng(titleOnly, { cjk: LATIN_FONT, latin: null }).png);
    expect(inkInBand(boxes, 0, 60)).toBeGreaterThan(0);
    expect(differenceInBand(withCjk, boxes, 0, 60)).toBeGreaterThan(0.005);
  });

  it('draws a chart the same from the cache of shaped labels as the first time', () => {
    const first = chartPng({ ...vaccinationChart, title: '缓存测试图表' }).png;
    expect(chartPng({ ...vaccinationChart, title: '缓存测试图表' }).png.equals(first)).toBe(true);
  });

  it('fails in Chinese naming the font package when no CJK font is installed', () => {
    expect(() => cjkFont([{ family: 'Noto Sans CJK SC', files: ['/nonexistent/NotoSansCJK-Regular.ttc'] }])).toThrow(
      MISSING_CJK_FONT_MESSAGE,
    );
    expect(MISSING_CJK_FONT_MESSAGE).toContain('fonts-noto-cjk');
  });
});
