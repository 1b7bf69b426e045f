/**
 * What every route of the public portal shares: no session, read-only, a rate limit per address,
 * documented without the session's security scheme, and no query parameter it does not name (a
 * `data=all` must not be silently ignored, let alone obeyed).
 */
import type { FastifyContextConfig } from 'fastify';
import type { FigureSource } from '../../app/figures.js';
import type { ServerContext } from '../context.js';
import { PUBLIC } from '../plugins/accessRules.js';

export const PUBLIC_TAGS = ['公开门户'];

/** Pages read a few answers each; a person clicking about stays well below this. */
export const PUBLIC_READS_PER_MINUTE = 120;
/** A download reads every published value: a few a minute are plenty for a person. */
export const PUBLIC_DOWNLOADS_PER_MINUTE = 20;

export function publicConfig(perMinute: number): FastifyContextConfig {
  return { access: PUBLIC, rateLimit: { max: perMinute, timeWindow: 60_000 } };
}

/** The OpenAPI operation needs no session cookie and no CSRF token. */
export const NO_SECURITY: readonly Record<string, string[]>[] = [];

/** The public reads figures as an anonymous visitor would: the whole plan region, public kind only. */
export function publicSource(ctx: ServerContext): FigureSource {
  return { db: ctx.db, plan: ctx.plan(), scope: ctx.scope(), org: ctx.org() };
}
