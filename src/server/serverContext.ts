/** Per-request pieces built from the server context. */
import { getResponsibilities, type Responsibilities } from '../app/responsibilities.js';
import type { EntryContext } from '../app/valueEntry.js';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from './context.js';
import { DerivedCache } from './derivedCache.js';

// The division of work is read by every form and save, and changes a few times a year.
const responsibilityCaches = new WeakMap<ServerContext, DerivedCache<Responsibilities>>();

export function cachedResponsibilities(ctx: ServerContext, year: number, request?: FastifyRequest): Promise<Responsibilities> {
  let cache = responsibilityCaches.get(ctx);
  if (!cache) responsibilityCaches.set(ctx, (cache = new DerivedCache<Responsibilities>('assignment_version', 64)));
  return cache.get(ctx.db, String(year), () => getResponsibilities(ctx.db, year), request?.auth?.versions);
}

/** @param request lends the version tokens read with its session (no extra query). */
export async function entryContext(ctx: ServerContext, year: number, request?: FastifyRequest): Promise<EntryContext> {
  return {
    db: ctx.db,
    plan: ctx.plan(),
    org: ctx.org(),
    scope: ctx.scope(),
    responsibilities: await cachedResponsibilities(ctx, year, request),
  };
}
