/** An ECharts instance drawn into a div with the given option, resized with its box, disposed with it. */
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { loadCharts, loadSipingMap } from './loadCharts';

export interface ChartOptions {
  height: number;
  /** Wait for the map of Siping before drawing. */
  map?: boolean;
  /** Called with the clicked item's name (a map region, a bar). */
  onClick?: (name: string) => void;
}

export function useChart(option: EChartsCoreOption | null, { height, map = false, onClick }: ChartOptions) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | null = null;
    Promise.all([loadCharts(), map ? loadSipingMap() : Promise.resolve()])
      .then(([init]) => {
        const el = box.current;
        if (!live || !el) return;
        const c = init(el, { width: el.clientWidth || 600, height });
        c.on('click', (params) => {
          const { name } = params as { name?: string };
          if (name) click.current?.(name);
        });
        chart.current = c;
        if (typeof ResizeObserver === 'function') {
          observer = new ResizeObserver(() => c.resize({ width: el.clientWidth || 600, height }));
          observer.observe(el);
        }
        setReady(true);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [height, map]);

  useEffect(() => {
    if (ready && option) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return { box, ready, failed };
}
