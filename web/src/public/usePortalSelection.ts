/**
 * The year and unit a visitor looks at, kept in the address (?year=2024&org=220300) so that a
 * page can be shared as a link. Only published years and the portal's units are accepted: an
 * address naming another year falls back to the latest published one.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PortalInfo } from './publicApi';

export interface PortalSelection {
  year: number | null;
  org: string | null;
  setYear(year: number): void;
  setOrg(org: string): void;
  /** The query string for links to other pages of the portal. */
  query: string;
}

export function usePortalSelection(info: PortalInfo | undefined): PortalSelection {
  const [params, setParams] = useSearchParams();
  const askedYear = Number(params.get('year'));
  const askedOrg = params.get('org');
  const years = info?.years ?? [];
  const year = years.includes(askedYear) ? askedYear : (years.at(-1) ?? null);
  const org = info?.units.some((u) => u.code === askedOrg) ? askedOrg : (info?.units[0]?.code ?? null);

  const set = useCallback(
    (key: string, value: string) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setYear = useCallback((y: number) => set('year', String(y)), [set]);
  const setOrg = useCallback((o: string) => set('org', o), [set]);
  const query = year !== null && org !== null ? `?year=${year}&org=${org}` : '';
  return { year, org, setYear, setOrg, query };
}
