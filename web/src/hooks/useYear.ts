/**
 * The year a page shows, kept in the address (?year=) so that a link or a reload shows the same
 * year; without one, the reporting year the server names.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useYears } from './useYears';

export interface YearChoice {
  /** null until the server has said which year is the reporting year. */
  year: number | null;
  /** Years to offer: those with data or a deadline, and the reporting year. */
  years: number[];
  current: number | null;
  setYear(year: number): void;
}

export function useYear(): YearChoice {
  const [params, setParams] = useSearchParams();
  const { data, error } = useYears();
  const fromUrl = Number(params.get('year'));
  const fallback = error ? new Date().getFullYear() - 1 : null;
  const current = data?.current ?? fallback;
  const year = Number.isInteger(fromUrl) && fromUrl > 1900 ? fromUrl : current;
  const years = [
    ...new Set([...(data?.years ?? []), ...(current === null ? [] : [current, current + 1]), ...(year === null ? [] : [year])]),
  ].sort((a, b) => b - a);
  const setYear = useCallback(
    (y: number) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('year', String(y));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { year, years, current, setYear };
}
