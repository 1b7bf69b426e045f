/**
 * Writes text straight into a growing UTF-8 buffer. Batches of a million-row import built as
 * strings cost the collector several times what the same bytes written here do, and they must
 * be encoded to UTF-8 for the database anyway.
 */
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
export const MAX_BYTES_PER_UNIT = 6;
