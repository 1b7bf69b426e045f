/**
 * Writes text straight into a growing UTF-8 buffer. Batches of a million-row import built as
 * strings cost the collector several times what the same bytes written here do, and they must
 * be encoded to UTF-8 for the database anyway.
 */
import type { CleanRow } from '../core/validate/rowRules.js';

export class ByteWriter {
  // Memory of its own, not a slice of Node's shared pool: the import worker hands it over whole.
  private buffer: Buffer;
  private at = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(4096, capacity));
  }

  /** Makes room for `bytes` more: callers reserve once per row, then write without checks. */
  reserve(bytes: number): void {
    if (this.buffer.length - this.at >= bytes) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.at + bytes));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }

  text(text: string): void {
    this.at += this.buffer.write(text, this.at);
  }

  byte(byte: number): void {
    this.buffer[this.at++] = byte;
  }

  bytes(bytes: Buffer): void {
    this.at += bytes.copy(this.buffer, this.at);
  }

  done(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}

/** UTF-8 takes at most 3 bytes per UTF-16 unit, and an escape (\t, \", \u001f) at most 6 bytes per character. */
const MAX_BYTES_PER_UNIT = 6;
/** The longest spelling of a double ("-1.2345678901234567e-308") or of a year, in bytes. */
const NUMBER_BYTES = 24;

/** The most bytes the cells of one clean row can take written out, escapes included, plus `other` bytes of separators. */
export function rowRoom(r: CleanRow, other: number): number {
  const units = r.indicator.length + r.orgUnit.length + r.sex.length + r.area.length + r.ageGroup.length;
  return MAX_BYTES_PER_UNIT * (units + (r.source?.length ?? 0) + (r.note?.length ?? 0)) + 4 * NUMBER_BYTES + other;
}
