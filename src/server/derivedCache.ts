/**
 * Figures derived from the data (assessments, roll-ups), kept while the data version stays the same:
 * every write of values or of a submission's state changes the version in the same transaction, so
 * a page shows an approval the moment it happens, and reads between writes cost one small query.
 */
import { getDataVersion } from '../db/repositories/meta.js';
import type { Db } from '../db/dialect.js';

export class DerivedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly capacity = 256) {}

  async get(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await getDataVersion(db);
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
