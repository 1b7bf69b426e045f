/** Shapes of the security log API, and the search as the repository takes it. */
import { z } from 'zod';
import { chinaDayEnd, chinaDayStart, isIsoDate } from '../../core/time/chinaTime.js';
import { SECURITY_EVENTS, type SecurityQuery } from '../../db/repositories/securityLog.js';

const isEvent = (code: string): code is keyof typeof SECURITY_EVENTS => Object.hasOwn(SECURITY_EVENTS, code);

export function eventLabel(code: string): string {
  return isEvent(code) ? SECURITY_EVENTS[code] : code;
}

const DateText = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' });

export const LogFilter = z.object({
  username: z.string().max(100).optional(),
  event: z.string().refine(isEvent, { message: '没有这种事件类型' }).optional(),
  /** Beijing dates, both included. */
  from: DateText.optional(),
  to: DateText.optional(),
  /** Words in the detail. */
  text: z.string().max(200).optional(),
});
export type LogFilter = z.infer<typeof LogFilter>;

export const LogRow = z.object({
  id: z.number(),
  at: z.string(),
  event: z.string(),
  eventLabel: z.string(),
  username: z.string(),
  ip: z.string(),
  success: z.boolean(),
  detail: z.string(),
});
export type LogRow = z.infer<typeof LogRow>;

export const LogPage = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), rows: z.array(LogRow) });

export function queryOf(filter: LogFilter, limit: number, offset: number): SecurityQuery {
  return {
    username: filter.username || undefined,
    event: filter.event || undefined,
    from: filter.from ? chinaDayStart(filter.from) : undefined,
    to: filter.to ? chinaDayEnd(filter.to) : undefined,
    text: filter.text || undefined,
    limit,
    offset,
  };
}
