/**
 * ECharts and the map of Siping, each loaded on first use (dynamic imports): the first page's
 * script carries neither, and a page without a map (the public portal) never loads the map.
 */
import type { EChartsType } from 'echarts/core';

export type Init = (element: HTMLElement, options: { width: number; height: number }) => EChartsType;

/** The name the map of Siping's county-level units is registered under. */
export const SIPING_MAP = 'siping-counties';

let charts: Promise<typeof import('./indicatorCharts')> | null = null;
let map: Promise<void> | null = null;

function loadModule() {
  charts ??= import('./indicatorCharts');
  return charts;
}

export async function loadCharts(): Promise<Init> {
  const { init } = await loadModule();
  // SVG: sharp when printed, and its text can be read by assistive technology and tests.
  return (element, options) => init(element, null, { renderer: 'svg', ...options });
}

/** Registers the committed boundaries (web/src/maps/README.md): no tiles, no network. */
export function loadSipingMap(): Promise<void> {
  map ??= Promise.all([loadModule(), import('../../maps/siping.geo.json')]).then(([{ registerMap }, geo]) => {
    // The source's label points (cp) put the names of the two small urban districts on top of each
    // other; without them ECharts labels each unit at the middle of its own shape.
    const features = geo.default.features.map((f) => ({ ...f, properties: { code: f.properties.code, name: f.properties.name } }));
    registerMap(SIPING_MAP, { ...geo.default, features } as unknown as Parameters<typeof registerMap>[1]);
  });
  return map;
}
