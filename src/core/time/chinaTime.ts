/**
 * Dates as the users read them: China Standard Time (UTC+8, no daylight saving). Timestamps are
 * stored as UTC ISO text; a date a user types or a deadline means a day in Beijing.
 */

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The Beijing date of an instant, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** A stored UTC timestamp as Beijing time, `YYYY-MM-DD HH:mm:ss`. */
export function chinaDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The UTC ISO instant at which a Beijing date begins. */
export function chinaDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
}

/** The last UTC ISO instant (to the millisecond) of a Beijing date. */
export function chinaDayEnd(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1).toISOString();
}

/** Whole days from date `a` to date `b` (both YYYY-MM-DD); negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
