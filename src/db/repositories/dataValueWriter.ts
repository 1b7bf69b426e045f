/**
 * Writes clean rows into data_value in batches inside the caller's transaction: new values are
 * inserted, changed values replaced with their earlier version kept in data_value_history,
 * identical values left alone.
 */
import type { CleanRow } from '../../core/validate/rowRules.js';
import type { Db } from '../dialect.js';
import type { DataValueRow } from '../schema.js';

export interface WriteStamp {
  who: string;
  at: string;
  reason: string;
  importId: number | null;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export function valueKey(r: { indicator: string; orgUnit: string; year: number; sex: string; area: string; ageGroup: string }): string {
  return `${r.indicator}\u0001${r.orgUnit}\u0001${r.year}\u0001${r.sex}\u0001${r.area}\u0001${r.ageGroup}`;
}

function rowKey(r: DataValueRow): string {
  return `${r.indicator_code}\u0001${r.org_unit_code}\u0001${r.year}\u0001${r.sex}\u0001${r.area}\u0001${r.age_group}`;
}

function sameContent(old: DataValueRow, r: CleanRow): boolean {
  return (
    old.value === r.value &&
    old.numerator === r.numerator &&
    old.denominator === r.denominator &&
    (old.source ?? null) === r.source &&
    (old.note ?? null) === r.note
  );
}

export class DataValueWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private pending: CleanRow[] = [];
  /** indicator|year pairs that already have values: only rows in them need a look-up. */
  private existingPairs: Set<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly stamp: WriteStamp,
    private readonly batchSize: number,
  ) {}

  async add(row: CleanRow): Promise<void> {
    this.pending.push(row);
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const existing = await this.findExisting(batch);
    const writes: CleanRow[] = [];
    const history: { old: DataValueRow; row: CleanRow }[] = [];
    for (const row of batch) {
      const old = existing.get(valueKey(row));
      if (!old) {
        writes.push(row);
        this.counts.inserted++;
      } else if (sameContent(old, row)) {
        this.counts.unchanged++;
      } else {
        writes.push(row);
        history.push({ old, row });
        this.counts.updated++;
      }
    }
    if (history.length > 0) await this.writeHistory(history);
    if (writes.length > 0) await this.upsert(writes);
  }

  private async findExisting(batch: CleanRow[]): Promise<Map<string, DataValueRow>> {
    if (!this.existingPairs) {
      const pairs = await this.db.selectFrom('data_value').select(['indicator_code', 'year']).distinct().execute();
      this.existingPairs = new Set(pairs.map((p) => `${p.indicator_code}|${p.year}`));
    }
    const pairs = this.existingPairs;
    const candidates = batch.filter((r) => pairs.has(`${r.indicator}|${r.year}`));
    const found = new Map<string, DataValueRow>();
    for (let i = 0; i < candidates.length; i += 500) {
      const part = candidates.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('data_value')
        .selectAll()
        .where('indicator_code', 'in', [...new Set(part.map((r) => r.indicator))])
        .where('year', 'in', [...new Set(part.map((r) => r.year))])
        .where('org_unit_code', 'in', [...new Set(part.map((r) => r.orgUnit))])
        .execute();
      for (const row of rows) found.set(rowKey(row), row);
    }
    return found;
  }

  private async writeHistory(items: { old: DataValueRow; row: CleanRow }[]): Promise<void> {
    const { who, at, reason, importId } = this.stamp;
    const rows = items.map(({ old, row }) => ({
      indicator_code: row.indicator,
      org_unit_code: row.orgUnit,
      year: row.year,
      sex: row.sex,
      area: row.area,
      age_group: row.ageGroup,
      old_value: old.value,
      old_numerator: old.numerator,
      old_denominator: old.denominator,
      old_source: old.source,
      old_note: old.note,
      old_by: old.updated_by,
      old_at: old.updated_at,
      new_value: row.value,
      new_numerator: row.numerator,
      new_denominator: row.denominator,
      new_source: row.source,
      new_note: row.note,
      changed_by: who,
      changed_at: at,
      reason,
      import_id: importId,
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await this.db.insertInto('data_value_history').values(rows.slice(i, i + 1000)).execute();
    }
  }

  private async upsert(rows: CleanRow[]): Promise<void> {
    const { who, at, importId } = this.stamp;
    await this.db
      .insertInto('data_value')
      .values(
        rows.map((r) => ({
          indicator_code: r.indicator,
          org_unit_code: r.orgUnit,
          year: r.year,
          sex: r.sex,
          area: r.area,
          age_group: r.ageGroup,
          value: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          source: r.source,
          note: r.note,
          import_id: importId,
          created_by: who,
          created_at: at,
          updated_by: who,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['indicator_code', 'org_unit_code', 'year', 'sex', 'area', 'age_group']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          source: eb.ref('excluded.source'),
          note: eb.ref('excluded.note'),
          import_id: eb.ref('excluded.import_id'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
