/**
 * The year, unit and kind of figures a monitoring page shows, kept in the address (?year=&org=&data=)
 * so that a link, a reload or the indicator page's back button shows the same; and the years and
 * units next to them, for prefetching.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useUser } from '../auth/AuthContext';
import { canSeeUnapprovedFigures } from '../../../src/core/access/figureAccess';
import type { FigureRequest } from './useMonitoring';
import { useOrgScope } from './useOrgScope';
import { usePlan } from './usePlan';
import { useYears } from './useYears';

export interface FigureSelection {
  request: FigureRequest;
  /** The years offered: the plan's baseline year to the reporting year. */
  years: number[];
  /** Units worth prefetching: the shown unit's parent's other children and its own county-level children. */
  neighbours: string[];
  mayChooseData: boolean;
  setYear(year: number): void;
  setOrg(org: string): void;
  setData(data: 'approved' | 'all'): void;
}

export function useFigureSelection(): FigureSelection {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const plan = usePlan();
  const reporting = useYears();
  const scope = useOrgScope();
  const mayChooseData = canSeeUnapprovedFigures(user);
  const fromUrl = Number(params.get('year'));
  const year = Number.isInteger(fromUrl) && fromUrl > 1900 ? fromUrl : null;
  const org = params.get('org') || user.orgUnitCode;
  const data = params.get('data') === 'all' && mayChooseData ? 'all' : 'approved';

  const set = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value === null) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const first = plan.data?.baselineYear ?? 2020;
  const last = Math.min(plan.data?.period.end ?? 2030, reporting.data?.current ?? new Date().getFullYear() - 1);
  const years = useMemo(() => {
    const list = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => last - i);
    return year !== null && !list.includes(year) ? [year, ...list].sort((a, b) => b - a) : list;
  }, [first, last, year]);

  const neighbours = useMemo(() => {
    const units = scope.data?.units ?? [];
    const parent = units.find((u) => u.code === org)?.parentCode ?? null;
    const siblings = parent === null ? [] : units.filter((u) => u.parentCode === parent).map((u) => u.code);
    const children = units.filter((u) => u.parentCode === org && u.level === 'county').map((u) => u.code);
    return [...siblings, ...children].filter((c) => c !== org).slice(0, 8);
  }, [scope.data, org]);

  return {
    request: { year, org, data },
    years,
    neighbours,
    mayChooseData,
    setYear: useCallback((y: number) => set('year', String(y)), [set]),
    setOrg: useCallback((o: string) => set('org', o === user.orgUnitCode ? null : o), [set, user.orgUnitCode]),
    setData: useCallback((d: 'approved' | 'all') => set('data', d === 'approved' ? null : d), [set]),
  };
}
