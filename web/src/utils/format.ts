/** How times and numbers are written on the pages. */
import dayjs from 'dayjs';

/** An ISO timestamp as local “2026-03-05 14:07”; empty for none. */
export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

export function date(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '';
}

/** “85.0%” from a share between 0 and 1. */
export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}
