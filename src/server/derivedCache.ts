/**
 * Figures derived from the data (assessments, roll-ups), kept while their version token stays the
 * same (src/db/repositories/meta.ts): a page shows an approval the moment it happens, and reads
 * between writes cost one small query.
 */
import { getVersion, type VersionKey } from '../db/repositories/meta.js';
import type { FastifyReply } from 'fastify';
import type { Db } from '../db/dialect.js';

export class DerivedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(
    private readonly versionKey: VersionKey,
    private readonly capacity = 256,
  ) {}

  /** @param known the versions read with the request's session, saving a query; read now when absent. */
  async get(db: Db, key: string, compute: () => Promise<T>, known?: Record<VersionKey, string>): Promise<T> {
    const version = known?.[this.versionKey] ?? (await getVersion(db, this.versionKey));
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    // A failed computation is not kept.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

/**
 * Sends JSON text kept by a DerivedCache. Fastify sends a string with a JSON content type as it is;
 * the route's response schema still documents its shape and checked it when the text was made.
 */
export function sendJsonText(reply: { type(t: string): unknown }, json: string): FastifyReply {
  const typed = reply.type('application/json; charset=utf-8') as FastifyReply;
  return typed.send(json);
}
