/**
 * Splits delimited text without quotes into records, line by line, on strings. Nearly every
 * machine-made export (and the million-row benchmark) has no quote at all, and csv-parse turns
 * the decoded text back into bytes and each cell into a string again: this path is three times
 * faster. At the first quote or lone CR it hands the rest over (see readCsvRecords), so quoted
 * files keep csv-parse's rules and messages.
 */
import type { RecordHandler } from './csvRecords.js';

/** A CR not followed by LF: a classic Mac line end, or a CR inside a cell. At the end it may be half of a CRLF still to come. */
const LONE_CR = /\r(?!\n|$)/;

export class PlainRecords {
  /** The line the next record starts on (1-based). */
  line = 1;
  private carry = '';

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly maxRecordLength: number,
    private readonly tooLong: (line: number) => Error,
  ) {}

  /**
   * Reads the records of `text` that are complete. Returns null, or, when the text holds what this
   * path does not read, the unread text from the start of its first unread record.
   */
  async feed(text: string): Promise<string | null> {
    const all = this.carry + text;
    if (all.includes('"') || LONE_CR.test(all)) {
      this.carry = '';
      return all;
    }
    let start = 0;
    for (let end = all.indexOf('\n'); end >= 0; end = all.indexOf('\n', start)) {
      const stop = end > start && all.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const pending = this.record(all.slice(start, stop));
      start = end + 1;
      if (pending) await pending;
    }
    this.carry = all.slice(start);
    if (this.carry.length > this.maxRecordLength) throw this.tooLong(this.line);
    return null;
  }

  /** Reads the last record, which has no line break after it. */
  async end(): Promise<void> {
    const last = this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry;
    this.carry = '';
    if (last !== '') await this.record(last);
  }

  private record(text: string): void | Promise<void> {
    const cells = text.split(this.delimiter);
    for (let c = 0; c < cells.length; c++) cells[c] = (cells[c] ?? '').trim();
    const line = this.line++;
    if (cells.length === 1 && cells[0] === '') return undefined;
    return this.onRecord(cells, line);
  }
}
