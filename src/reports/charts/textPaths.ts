import { Resvg } from '@resvg/resvg-js';
import type { FontFamilyFiles } from './cjkFonts.js';

/**
 * Text elements of an SVG replaced by the outlines of their glyphs, shaped by resvg with a given font and kept in a
 * cache. Why: resvg reads the whole font file for every text element it lays out, and a CJK collection weighs 20 MB,
 * so a chart with ten Chinese labels cost a third of a second; a report repeats most labels (units, places, sources,
 * legends) from chart to chart, and each distinct one is now shaped once per process.
 */

const TEXT_ELEMENT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
/** Attributes that decide the glyphs and their place relative to the element's origin; the rest stay on a wrapper. */
const LAYOUT = new Set([
  'x',
  'y',
  'dx',
  'dy',
  'style',
  'text-anchor',
  'dominant-baseline',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
]);
const CACHE_LIMIT = 500;
const cache = new Map<string, string>();

interface TextElement {
  layout: string;
  wrapper: string;
  content: string;
  key: string;
}

/** Every text element for which `convert(content)` holds, drawn as paths with the font. */
export function textAsPaths(svg: string, font: FontFamilyFiles, convert: (content: string) => boolean): string {
  const elements = new Map<string, TextElement>();
  for (const [source, attributes = '', content = ''] of svg.matchAll(TEXT_ELEMENT)) {
    if (convert(content)) elements.set(source, textElement(attributes, content, font));
  }
  shapeMissing([...elements.values()], font);
  return svg.replace(TEXT_ELEMENT, (source: string) => {
    const element = elements.get(source);
    return element ? `<g ${element.wrapper}>${cache.get(element.key) ?? ''}</g>` : source;
  });
}

function textElement(attributes: string, content: string, font: FontFamilyFiles): TextElement {
  const layout: string[] = [];
  const wrapper: string[] = [];
  for (const [attribute, name] of attributes.matchAll(ATTRIBUTE)) (LAYOUT.has(name ?? '') ? layout : wrapper).push(attribute);
  const layoutText = layout.join(' ');
  return { layout: layoutText, wrapper: wrapper.join(' '), content, key: `${font.files.join('|')}\n${layoutText}\n${content}` };
}

/** Shapes in one resvg pass the texts not yet in the cache, each in a group whose id survives into resvg's output. */
function shapeMissing(elements: TextElement[], font: FontFamilyFiles): void {
  const missing = [...new Map(elements.filter((e) => !touch(e.key)).map((e) => [e.key, e])).values()];
  if (missing.length === 0) return;
  const probes = missing.map((e, i) => `<g id="t${i}"><text ${e.layout} fill="#000000">${e.content}</text></g>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${probes.join('')}</svg>`;
  const shaped = new Resvg(svg, {
    font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
  }).toString();
  missing.forEach((e, i) => {
    const group = new RegExp(`<g id="t${i}"(?:/>|>([\\s\\S]*?)</g>\\s*(?=<g id="t\\d+"|</svg>))`).exec(shaped);
    // The fill moves to the wrapper, which carries the element's own colour.
    remember(e.key, (group?.[1] ?? '').replace(/ fill="#000000"/g, '').trim());
  });
}

function touch(key: string): boolean {
  const paths = cache.get(key);
  if (paths === undefined) return false;
  cache.delete(key);
  cache.set(key, paths);
  return true;
}

function remember(key: string, paths: string): void {
  cache.set(key, paths);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}
