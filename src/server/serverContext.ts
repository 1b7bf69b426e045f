/** Per-request pieces built from the server context. */
import { getResponsibilities } from '../app/responsibilities.js';
import type { EntryContext } from '../app/valueEntry.js';
import type { ServerContext } from './context.js';

export async function entryContext(ctx: ServerContext, year: number): Promise<EntryContext> {
  return { db: ctx.db, plan: ctx.plan(), org: ctx.org(), scope: ctx.scope(), responsibilities: await getResponsibilities(ctx.db, year) };
}
