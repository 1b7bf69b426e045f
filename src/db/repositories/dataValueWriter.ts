/**
 * Writes clean rows into data_value in batches inside the caller's transaction: new values are
 * inserted, changed values replaced with their earlier version kept in data_value_history,
 * identical values left alone.
 */
import type { CleanRow } from '../../core/validate/rowRules.js';
import type { ValueIdentity } from '../../core/validate/valueIdentity.js';
import { sql } from 'kysely';
import { copyInto, type Db, isPostgres, rowsFromJson } from '../dialect.js';
import { copyNumber, copyText } from '../valueRowsCopy.js';
import type { PreparedBatch, RowEncoding } from '../preparedBatch.js';
import { sameValue } from '../sameValue.js';
import { bumpDataVersion } from './meta.js';
import { touchIndicatorYears } from './indicatorVersions.js';
import { encodeValueRows, HISTORY_COLUMNS, KEY_COLUMNS, VALUE_COLUMNS } from '../valueRowsJson.js';
import type { DataValueRow } from '../schema.js';

/** What a writer needs of a stored value: its identity, content and last writer. */
type StoredVersion = Pick<
  DataValueRow,
  | 'indicator_code'
  | 'org_unit_code'
  | 'year'
  | 'sex'
  | 'area'
  | 'age_group'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'source'
  | 'note'
  | 'updated_by'
  | 'updated_at'
>;
type KeyColumns = Pick<DataValueRow, 'indicator_code' | 'org_unit_code' | 'year' | 'sex' | 'area' | 'age_group'>;

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

export function valueKey(r: ValueIdentity): string {
  return `${r.indicator}\u0001${r.orgUnit}\u0001${r.year}\u0001${r.sex}\u0001${r.area}\u0001${r.ageGroup}`;
}

function rowKey(r: StoredVersion): string {
  return `${r.indicator_code}\u0001${r.org_unit_code}\u0001${r.year}\u0001${r.sex}\u0001${r.area}\u0001${r.age_group}`;
}

function sameContent(old: StoredVersion, r: CleanRow): boolean {
  return (
    old.value === r.value &&
    old.numerator === r.numerator &&
    old.denominator === r.denominator &&
    (old.source ?? null) === r.source &&
    (old.note ?? null) === r.note
  );
}

/** The columns a writer fills for every row it writes, in this order. */
const STAMP_COLUMNS = ['import_id', 'created_by', 'created_at', 'updated_by', 'updated_at'] as const;

export class DataValueWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  /** Indicators and years ("code|year") with an inserted or replaced value: their stored figures are stale. */
  private readonly changedIndicators = new Set<string>();
  private pending: CleanRow[] = [];

  /**
   * @param storedPairs `indicator|year` pairs that had values before the writing began: only rows
   *   in them can replace a stored value, so only they are looked up.
   */
  constructor(
    private readonly db: Db,
    private readonly stamp: WriteStamp,
    private readonly batchSize: number,
    private readonly storedPairs: Set<string>,
  ) {}

  /** The `indicator|year` pairs that have values now. */
  static async storedIndicatorYears(db: Db): Promise<Set<string>> {
    const pairs = await db.selectFrom('data_value').select(['indicator_code', 'year']).distinct().execute();
    return new Set(pairs.map((p) => `${p.indicator_code}|${p.year}`));
  }

  /** The batch being written while the next one is read (PostgreSQL works meanwhile). */
  private inFlight: Promise<void> | null = null;

  /** Queues a row; returns a promise only when a batch is handed over, so that callers await rarely. */
  add(row: CleanRow): Promise<void> | undefined {
    this.pending.push(row);
    return this.pending.length >= this.batchSize ? this.handOverPending() : undefined;
  }

  /** How batches prepared elsewhere (addPrepared) must encode their new rows for this database. */
  rowEncoding(): RowEncoding {
    if (!isPostgres(this.db)) return { layout: 'json' };
    const { who, at, importId } = this.stamp;
    const own = [copyNumber(importId), copyText(who), copyText(at), copyText(who), copyText(at)];
    return { layout: 'copy', suffix: `\t${own.join('\t')}` };
  }

  /** Writes a batch prepared by the import worker (rows already split by whether they may meet stored values). */
  addPrepared(batch: PreparedBatch): Promise<void> {
    return this.handOver(async () => {
      if (batch.candidates.length > 0) await this.write(batch.candidates);
      const rows = batch.rows;
      if (batch.count > 0) await (rows.layout === 'copy' ? this.insertCopy(rows.bytes) : this.insertJson(rows.bytes));
      for (const key of batch.indicatorYears) this.changedIndicators.add(key);
      this.counts.inserted += batch.count;
    });
  }

  private handOverPending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    return this.handOver(() => this.write(batch));
  }

  /** Waits for the previous batch, then starts writing this one without waiting for it. */
  private async handOver(job: () => Promise<void>): Promise<void> {
    if (this.inFlight) await this.inFlight;
    const writing = job();
    // Errors surface at the next hand-over or at flush(); until then nobody awaits it.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  /**
   * Waits for a write still under way, whatever its outcome. A transaction must not end while
   * one is: in PostgreSQL its later statements would run on the released connection, outside
   * the transaction, and be kept.
   */
  async settle(): Promise<void> {
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    this.inFlight = null;
  }

  /** Writes everything queued and waits until it is written. */
  async flush(): Promise<void> {
    await this.handOverPending();
    if (this.inFlight) await this.inFlight;
    this.inFlight = null;
    if (this.counts.inserted + this.counts.updated > 0) await bumpDataVersion(this.db);
    if (this.changedIndicators.size > 0) {
      const pairs = [...this.changedIndicators].map((key) => {
        const at = key.lastIndexOf('|');
        return { code: key.slice(0, at), year: Number(key.slice(at + 1)) };
      });
      await touchIndicatorYears(this.db, pairs, 'data');
      this.changedIndicators.clear();
    }
  }

  private async write(batch: CleanRow[]): Promise<void> {
    if (batch.length === 0) return;
    const existing = await this.findExisting(batch);
    const inserts: CleanRow[] = [];
    const updates: CleanRow[] = [];
    const history: { old: StoredVersion; row: CleanRow }[] = [];
    for (const row of batch) {
      const old = existing.size === 0 ? undefined : existing.get(valueKey(row));
      if (!old) {
        inserts.push(row);
      } else if (sameContent(old, row)) {
        this.counts.unchanged++;
      } else {
        updates.push(row);
        history.push({ old, row });
      }
    }
    if (history.length > 0) await this.writeHistory(history);
    if (updates.length > 0) await this.update(updates);
    if (inserts.length > 0) await this.insert(inserts);
    for (const row of inserts) this.changedIndicators.add(`${row.indicator}|${row.year}`);
    for (const row of updates) this.changedIndicators.add(`${row.indicator}|${row.year}`);
    this.counts.inserted += inserts.length;
    this.counts.updated += updates.length;
  }

  /** The stored versions of the batch's values, found by their exact keys through the unique index. */
  private async findExisting(batch: CleanRow[]): Promise<Map<string, StoredVersion>> {
    const pairs = this.storedPairs;
    const candidates = batch.filter((r) => pairs.has(`${r.indicator}|${r.year}`));
    const found = new Map<string, StoredVersion>();
    if (candidates.length === 0) return found;
    const keys = rowsFromJson<KeyColumns>(this.db, encodeValueRows(candidates), KEY_COLUMNS);
    const rows = await this.db
      .selectFrom('data_value as d')
      .innerJoin(keys.as('k'), (join) => join.on(sameValue('k', 'd')))
      .select([
        'd.indicator_code',
        'd.org_unit_code',
        'd.year',
        'd.sex',
        'd.area',
        'd.age_group',
        'd.value',
        'd.numerator',
        'd.denominator',
        'd.source',
        'd.note',
        'd.updated_by',
        'd.updated_at',
      ])
      .execute();
    for (const row of rows) found.set(rowKey(row), row);
    return found;
  }

  /** The replaced versions, with what replaces them, as one JSON parameter. */
  private async writeHistory(items: { old: StoredVersion; row: CleanRow }[]): Promise<void> {
    const { who, at, reason, importId } = this.stamp;
    const json = JSON.stringify(
      items.map(({ old, row }) => [
        row.indicator,
        row.orgUnit,
        row.year,
        row.sex,
        row.area,
        row.ageGroup,
        old.value,
        old.numerator,
        old.denominator,
        old.source,
        old.note,
        old.updated_by,
        old.updated_at,
        row.value,
        row.numerator,
        row.denominator,
        row.source,
        row.note,
      ]),
    );
    const source = rowsFromJson(this.db, json, HISTORY_COLUMNS);
    await this.db
      .insertInto('data_value_history')
      .columns([...HISTORY_COLUMNS.map((c) => c.name), 'changed_by', 'changed_at', 'reason', 'import_id'])
      .expression(sql`select h.*, ${who}, ${at}, ${reason}, ${importId} from ${source} as h`)
      .execute();
  }

  /** New values: the batch travels as one JSON parameter (see rowsFromJson). */
  private insert(rows: CleanRow[]): Promise<void> {
    return this.insertJson(encodeValueRows(rows));
  }

  private async insertJson(json: string | Uint8Array): Promise<void> {
    const { who, at, importId } = this.stamp;
    const source = rowsFromJson(this.db, json, VALUE_COLUMNS);
    await this.db
      .insertInto('data_value')
      .columns([...VALUE_COLUMNS.map((c) => c.name), ...STAMP_COLUMNS])
      .expression(sql`select s.*, ${importId}, ${who}, ${at}, ${who}, ${at} from ${source} as s`)
      .execute();
  }

  /** New values in COPY text (PostgreSQL), each line ending in the writer's own columns (see rowEncoding). */
  private async insertCopy(bytes: Uint8Array): Promise<void> {
    await copyInto(this.db, 'data_value', [...VALUE_COLUMNS.map((c) => c.name), ...STAMP_COLUMNS], bytes);
  }

  /** Changed values: replaced in place (their earlier version is already in the history). */
  private async update(rows: CleanRow[]): Promise<void> {
    const { who, at, importId } = this.stamp;
    const source = rowsFromJson(this.db, encodeValueRows(rows), VALUE_COLUMNS);
    await this.db
      .insertInto('data_value')
      .columns([...VALUE_COLUMNS.map((c) => c.name), ...STAMP_COLUMNS])
      // `where true`: SQLite needs it to read the ON CONFLICT clause after a SELECT.
      .expression(sql`select s.*, ${importId}, ${who}, ${at}, ${who}, ${at} from ${source} as s where true`)
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
