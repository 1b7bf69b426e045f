/**
 * A chart of the monitoring pages: ECharts is loaded on first use (a dynamic import), so the first
 * page's script does not carry it. The figures it draws are also given in words (ariaLabel) and in
 * the tables beside it.
 */
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

let loading: Promise<typeof import('./monitoringCharts')> | null = null;

export interface ChartProps {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
  testId?: string;
}

export function Chart({ option, height, ariaLabel, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | null = null;
    loading ??= import('./monitoringCharts');
    void loading.then(({ init }) => {
      const el = box.current;
      if (!live || !el) return;
      // SVG: sharp when printed, and its text readable by assistive technology and tests.
      const c = init(el, null, { renderer: 'svg', width: el.clientWidth || 600, height });
      chart.current = c;
      if (typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(() => c.resize({ width: el.clientWidth || 600, height }));
        observer.observe(el);
      }
      setReady(true);
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [height]);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return <div ref={box} role="img" aria-label={ariaLabel} data-testid={testId} data-ready={ready} style={{ width: '100%', height }} />;
}
