/** Streams the records of a delimited text file, with their line numbers, never holding the whole file. */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type ChunkDecoder, chooseDecoder, EncodingError, type TextEncodingName } from './textDecoding.js';

/** A problem that stops the reading of the file (bad encoding, broken quotes, …). */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

export interface CsvFileInfo {
  encoding: TextEncodingName | null;
  delimiter: ',' | '\t';
}

/** One record: its cells (trimmed) and the line it starts on (1-based). */
export type RecordHandler = (cells: string[], line: number) => void | Promise<void>;

const MAX_RECORD_BYTES = 1_000_000;

/** Reads the file; `info` is filled in as soon as the encoding and delimiter are known, even when reading later fails. */
export async function readCsvRecords(
  path: string,
  onRecord: RecordHandler,
  info: CsvFileInfo = { encoding: null, delimiter: ',' },
): Promise<CsvFileInfo> {
  let decoder: ChunkDecoder | null = null;
  let pending = '';
  let delimiterKnown = false;

  async function* text(): AsyncGenerator<string> {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      const bytes = chunk as Buffer;
      if (!decoder) {
        decoder = chooseDecoder(bytes);
        info.encoding = decoder.encoding;
      }
      const decoded = decoder.write(bytes);
      if (delimiterKnown) {
        yield decoded;
        continue;
      }
      // Hold text back until the header line is complete, to pick the delimiter from it.
      pending += decoded;
      const newline = pending.indexOf('\n');
      if (newline >= 0 || pending.length > MAX_RECORD_BYTES) {
        info.delimiter = pickDelimiter(newline >= 0 ? pending.slice(0, newline) : pending);
        delimiterKnown = true;
        yield pending;
        pending = '';
      }
    }
    const rest = decoder ? decoder.end() : '';
    if (!delimiterKnown) info.delimiter = pickDelimiter(pending + rest);
    yield pending + rest;
  }

  try {
    // The first piece of text holds the whole header line, so the delimiter is known after it.
    const pieces = text();
    const first = await pieces.next();
    if (first.done) return info;
    async function* all(): AsyncGenerator<string> {
      yield first.value;
      yield* pieces;
    }
    const source = Readable.from(all(), { objectMode: false });
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
    await consume(parser, onRecord);
  } catch (error) {
    throw translate(error);
  }
  return info;
}

async function consume(parser: AsyncIterable<unknown>, onRecord: RecordHandler): Promise<void> {
  let line = 1;
  for await (const item of parser) {
    const record = item as string[];
    const start = line;
    line++;
    for (let c = 0; c < record.length; c++) {
      const cell = record[c] ?? '';
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
      record[c] = cell.trim();
    }
    if (record.length === 1 && record[0] === '') continue;
    const pending = onRecord(record, start);
    if (pending) await pending;
  }
}

function pickDelimiter(headerLine: string): ',' | '\t' {
  const tabs = headerLine.split('\t').length - 1;
  const commas = headerLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

function translate(error: unknown): Error {
  if (error instanceof EncodingError) return new CsvFileError(error.message, null);
  if (error instanceof CsvError) {
    const line = typeof error.lines === 'number' ? error.lines : null;
    const where = line === null ? '' : `第${line}行: `;
    const messages: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: '引号没有闭合(一个以 " 开头的单元格直到文件末尾都没有结束的 ")',
      CSV_INVALID_CLOSING_QUOTE: '引号使用错误(引号内的 " 应写成 "",或引号后面紧跟了其他字符)',
      CSV_MAX_RECORD_SIZE: `一行过长(超过 ${MAX_RECORD_BYTES / 1_000_000} MB),可能是文件格式或换行符不对`,
      CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号后面紧跟了其他字符',
    };
    return new CsvFileError(`${where}${messages[error.code] ?? `CSV 格式错误(${error.code})`}`, line);
  }
  return error instanceof Error ? error : new Error(String(error));
}
