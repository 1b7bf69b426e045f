/**
 * What a monitoring page does with its answer: tells whether it answers the selection as it stands
 * (an older one stays on screen, dimmed, while the new one loads), keeps the year the server chose
 * in the address, and prefetches the neighbouring years and units.
 */
import { useEffect } from 'react';
import type { FigureSelection } from './useFigureSelection';
import { type FigureRequest, prefetchNeighbours } from './useMonitoring';

interface Answer {
  year: number;
  data: string;
  orgUnit: { code: string };
}

/** `url` must keep its identity between renders (a module function or a useCallback). */
export function useShownFigures(selection: FigureSelection, data: Answer | undefined, url: (r: FigureRequest) => string): boolean {
  const { request, years, neighbours, setYear } = selection;
  useEffect(() => {
    if (request.year === null && data) setYear(data.year);
  }, [request.year, data, setYear]);
  useEffect(() => {
    if (data) prefetchNeighbours(url, { ...request, year: data.year }, years, neighbours);
  }, [data, request, years, neighbours, url]);
  return (
    data !== undefined &&
    data.orgUnit.code === request.org &&
    data.data === request.data &&
    (request.year === null || data.year === request.year)
  );
}
