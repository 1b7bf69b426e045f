/**
 * A GET answer shown at once when it was fetched before (or prefetched), and asked again every
 * time: switching back and forth between years and units is instant, and an approval made since
 * shows as soon as the server answers (it keeps its figures per version token, so asking is cheap).
 */
import { api } from '../api/client';
import { type Loaded, useLoaded } from './useApi';

const KEPT = 60;
const answers = new Map<string, unknown>();
const pending = new Map<string, Promise<unknown>>();

function remember(url: string, data: unknown): void {
  answers.delete(url);
  answers.set(url, data);
  while (answers.size > KEPT) {
    const oldest = answers.keys().next().value;
    if (oldest === undefined) break;
    answers.delete(oldest);
  }
}

function fetchOnce<T>(url: string): Promise<T> {
  let p = pending.get(url);
  if (!p) {
    p = api<T>('GET', url)
      .then((d) => {
        remember(url, d);
        return d;
      })
      .finally(() => pending.delete(url));
    pending.set(url, p);
  }
  return p as Promise<T>;
}

/** Fetches in the background what the user is likely to open next (the year before, the next unit). */
export function prefetch(url: string): void {
  if (answers.has(url) || pending.has(url)) return;
  fetchOnce(url).catch(() => undefined);
}

function kept<T>(url: string): T | undefined {
  return answers.get(url) as T | undefined;
}

export function useFreshApi<T>(url: string | null): Loaded<T> {
  return useLoaded<T>(url, fetchOnce, kept);
}
