/** Streams the records of a delimited text file, with their line numbers, never holding the whole file. */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { PlainRecords } from './plainRecords.js';
import { type ChunkDecoder, chooseDecoder, countLines, EncodingError, type TextEncodingName } from './textDecoding.js';

/** A problem that stops the reading of the file (bad encoding, broken quotes, …). */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

export type Delimiter = ',' | '\t' | ';';

export interface CsvFileInfo {
  encoding: TextEncodingName | null;
  delimiter: Delimiter;
}

/** One record: its cells (trimmed) and the line it starts on (1-based). */
export type RecordHandler = (cells: string[], line: number) => void | Promise<void>;

const MAX_RECORD_BYTES = 1_000_000;
const CHUNK = 1 << 16;
const TOO_LONG = `一行过长(超过 ${MAX_RECORD_BYTES / 1_000_000} MB),可能是文件格式或换行符不对`;

/** Bytes in memory cut like a file stream's chunks: the encoding is guessed from the first one alike. */
function* chunksOf(bytes: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(CHUNK, bytes.length - at));
  }
}

/**
 * Reads the file (a path, or the bytes of an uploaded file); `info` is filled in as soon as the
 * encoding and delimiter are known, even when reading later fails.
 */
export async function readCsvRecords(
  path: string | Uint8Array,
  onRecord: RecordHandler,
  info: CsvFileInfo = { encoding: null, delimiter: ',' },
): Promise<CsvFileInfo> {
  let decoder: ChunkDecoder | null = null;
  let pending = '';
  let delimiterKnown = false;
  /** Line breaks decoded so far: where an encoding error is. */
  let lines = 0;
  /** Where the record being parsed began (kept by consume): where an unclosed quote is. */
  const position = { line: 1 };

  const decode = (bytes: Buffer | null): string => {
    if (!decoder) decoder = chooseDecoder(bytes ?? Buffer.alloc(0));
    try {
      const text = bytes ? decoder.write(bytes) : decoder.end();
      info.encoding = decoder.encoding;
      lines += countLines(text);
      return text;
    } catch (error) {
      if (error instanceof EncodingError) {
        throw new CsvFileError(error.message, error.linesBefore === null ? null : lines + error.linesBefore + 1);
      }
      throw error;
    }
  };

  async function* text(): AsyncGenerator<string> {
    for await (const chunk of typeof path === 'string' ? createReadStream(path, { highWaterMark: CHUNK }) : chunksOf(path)) {
      const decoded = decode(chunk as Buffer);
      if (delimiterKnown) {
        yield decoded;
        continue;
      }
      // Hold text back until the header line is complete, to pick the delimiter from it.
      pending += decoded;
      const end = pending.search(/[\r\n]/);
      if (end >= 0 || pending.length > MAX_RECORD_BYTES) {
        info.delimiter = pickDelimiter(end >= 0 ? pending.slice(0, end) : pending);
        delimiterKnown = true;
        yield pending;
        pending = '';
      }
    }
    const rest = decoder ? decode(null) : '';
    if (!delimiterKnown) info.delimiter = pickDelimiter(pending + rest);
    yield pending + rest;
  }

  let lineOffset = 0;
  try {
    // The first piece of text holds the whole header line, so the delimiter is known after it.
    const pieces = text();
    let plain: PlainRecords | null = null;
    let rest: string | null = null;
    for (let piece = await pieces.next(); !piece.done; piece = await pieces.next()) {
      plain ??= new PlainRecords(info.delimiter, onRecord, MAX_RECORD_BYTES, (line) => new CsvFileError(TOO_LONG, line));
      rest = await plain.feed(piece.value);
      if (rest !== null) break;
    }
    if (!plain) return info;
    if (rest === null) {
      await plain.end();
      return info;
    }
    // A quote (or a lone CR): csv-parse reads the rest, from the record where it was met.
    position.line = plain.line;
    lineOffset = plain.line - 1;
    const unread = rest;
    async function* remaining(): AsyncGenerator<string> {
      yield unread;
      yield* pieces;
    }
    const source = Readable.from(remaining(), { objectMode: false });
    // Empty lines are kept (and skipped below) so that line numbers can be counted without
    // csv-parse's per-record info objects, which cost a third of the parsing time.
    const parser = parse({
      delimiter: info.delimiter,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
    });
    // pipe() does not pass errors on: a decoding error must end the parse too.
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
    await consume(parser, onRecord, position);
  } catch (error) {
    throw translate(error, position.line, lineOffset);
  }
  return info;
}

async function consume(parser: AsyncIterable<unknown>, onRecord: RecordHandler, position: { line: number }): Promise<void> {
  for await (const item of parser) {
    const record = item as string[];
    const start = position.line;
    let line = start + 1;
    for (let c = 0; c < record.length; c++) {
      const cell = record[c] ?? '';
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
      record[c] = cell.trim();
    }
    position.line = line;
    if (record.length === 1 && record[0] === '') continue;
    const pending = onRecord(record, start);
    if (pending) await pending;
  }
}

/** The separator the header line uses most: comma, tab (Excel's "Unicode text") or semicolon. */
function pickDelimiter(headerLine: string): Delimiter {
  const count = (d: string): number => headerLine.split(d).length - 1;
  const candidates: Delimiter[] = [',', '\t', ';'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** csv-parse's codes, with or without their CSV_ prefix, in Chinese. */
const CSV_MESSAGES: Record<string, string> = {
  QUOTE_NOT_CLOSED: '引号没有闭合(从这一行开始的一个以 " 开头的单元格直到文件末尾都没有结束的 ")',
  INVALID_CLOSING_QUOTE: '引号使用错误(引号内的 " 应写成 "",或引号后面紧跟了其他字符)',
  NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号后面紧跟了其他字符',
  MAX_RECORD_SIZE: TOO_LONG,
  INVALID_OPENING_QUOTE: '引号使用错误(单元格中间出现了 ",含有引号的单元格应整个用引号括起,内部的 " 写成 "")',
};

function translate(error: unknown, recordStart: number, lineOffset: number): Error {
  if (error instanceof CsvFileError) return error;
  if (error instanceof EncodingError) return new CsvFileError(error.message, null);
  if (error instanceof CsvError) {
    const code = error.code.replace(/^CSV_/, '');
    // An unclosed quote is only noticed at the end of the file: the record began where we were.
    const line = code === 'QUOTE_NOT_CLOSED' ? recordStart : typeof error.lines === 'number' ? lineOffset + error.lines : null;
    return new CsvFileError(CSV_MESSAGES[code] ?? `CSV 格式错误(${error.code})`, line);
  }
  return error instanceof Error ? error : new Error(String(error));
}
