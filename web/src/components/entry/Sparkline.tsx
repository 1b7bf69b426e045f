/**
 * A tiny line of the three years before and this year's figure (orange while it is being typed),
 * drawn only once the row is on screen: a form can have a hundred lines.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EChartsType } from 'echarts/core';
import { loadEcharts } from './echarts';
import { shortNumber } from './entryModel';

const WIDTH = 64;
const HEIGHT = 22;

export interface SparklineProps {
  points: { year: number; value: number | null }[];
  /** The last point is this year's: drawn in orange when it differs from the stored one. */
  changed: boolean;
  label: string;
}

function useOnScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof window.IntersectionObserver !== 'function') {
      setSeen(true);
      return;
    }
    const observer = new window.IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}

export function Sparkline({ points, changed, label }: SparklineProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const visible = useOnScreen(box);
  const [ready, setReady] = useState(false);
  const known = points.filter((p) => p.value !== null).length;

  useEffect(() => {
    if (!visible || known < 2) return;
    let live = true;
    void loadEcharts().then((init) => {
      if (!live || !box.current) return;
      chart.current = init(box.current, { width: WIDTH, height: HEIGHT });
      setReady(true);
    });
    return () => {
      live = false;
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [visible, known]);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c) return;
    const last = points.length - 1;
    c.setOption({
      animation: false,
      grid: { left: 3, right: 3, top: 3, bottom: 3 },
      xAxis: { type: 'category', show: false, data: points.map((p) => String(p.year)) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: points.map((p, i) => ({
            value: p.value,
            itemStyle: { color: i === last && changed ? '#fa8c16' : '#1d5fa8' },
            symbolSize: i === last ? 5 : 3,
          })),
          connectNulls: true,
          symbol: 'circle',
          lineStyle: { width: 1, color: '#6b8fc4' },
          silent: true,
        },
      ],
    });
  }, [ready, points, changed]);

  const text = points.map((p) => `${p.year}年:${p.value === null ? '无' : shortNumber(p.value)}`).join(',');
  return (
    <div
      ref={box}
      role="img"
      aria-label={`${label}走势:${text}`}
      style={{ width: WIDTH, height: HEIGHT, display: known < 2 ? 'none' : 'block' }}
    />
  );
}
