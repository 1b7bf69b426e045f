/** A GET request's answer with its loading and error state; every endpoint hook is built on it. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  /** Asks again (after a change). */
  reload(): void;
}

/** GETs `url` whenever it changes; `null` waits (e.g. until a year is known). */
export function useApi<T>(url: string | null): Loaded<T> {
  return useLoaded<T>(url, get, nothingKept);
}

function get<T>(url: string): Promise<T> {
  return api<T>('GET', url);
}

function nothingKept(): undefined {
  return undefined;
}

/**
 * Loads `url` with `load` whenever it changes, showing meanwhile what `kept` still holds for it
 * (module-level functions: they are effect dependencies).
 */
export function useLoaded<T>(url: string | null, load: (url: string) => Promise<T>, kept: (url: string) => T | undefined): Loaded<T> {
  const [data, setData] = useState<T | undefined>(() => (url === null ? undefined : kept(url)));
  const [loading, setLoading] = useState(url !== null && kept(url) === undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (url === null) {
      setLoading(false);
      return;
    }
    let live = true;
    const known = kept(url);
    if (known !== undefined) setData(known);
    setLoading(known === undefined);
    load(url)
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiError ? e : new ApiError(0, e instanceof Error ? e.message : String(e)));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [url, round, load, kept]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, loading, error, reload };
}
