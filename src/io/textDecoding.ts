/**
 * Turns a byte stream into text whatever Excel on a Chinese Windows PC saved it as:
 * UTF-8 (with or without BOM), GBK/GB18030, or "Unicode text" (UTF-16 with BOM).
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16LE(Unicode 文本)',
  'utf-16be': 'UTF-16BE',
};

/** Bytes that are not text in the file's encoding; `linesBefore` counts the line breaks of the chunk before them. */
export class EncodingError extends Error {
  constructor(
    message: string,
    readonly linesBefore: number | null = null,
  ) {
    super(message);
  }
}

export interface ChunkDecoder {
  /** The encoding in use; an undeclared UTF-8 guess may turn into GB18030 (see utf8Decoder). */
  readonly encoding: TextEncodingName;
  write(chunk: Buffer): string;
  end(): string;
}

const MIXED = '文件不是有效的 UTF-8 编码(文件中含有其他编码的字符,可能是从不同文件复制拼接而成),请统一另存为 UTF-8 或 GBK 后再导入';

/** Decides the encoding from the first chunk of the file (BOM, else a strict UTF-8 test). */
export function chooseDecoder(first: Buffer): ChunkDecoder {
  if (first.length >= 4 && first.readUInt32BE(0) === 0x504b0304) {
    throw new EncodingError('这是一个 Excel 工作簿(.xlsx)而不是 CSV 文件:请在 Excel 中“另存为” CSV(逗号分隔)后再导入');
  }
  if (first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return utf8Decoder(3, true);
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return iconvDecoder('utf-16le', 2);
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return iconvDecoder('utf-16be', 2);
  if (first.includes(0)) {
    throw new EncodingError('文件含有二进制内容(NUL 字节),不是文本格式的 CSV 文件');
  }
  const prefix = first.subarray(0, completeUtf8Length(first));
  if (validUtf8(prefix)) return utf8Decoder(0, false);
  // Mostly good UTF-8 with a few bad bytes is a damaged UTF-8 file, not GBK: GBK text read as
  // UTF-8 gives almost nothing but replacement characters.
  const text = new TextDecoder('utf-8').decode(prefix);
  let bad = 0;
  let good = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') bad++;
    else if (ch.charCodeAt(0) > 0x7f) good++;
  }
  if (good > 3 * bad) throw new EncodingError(MIXED, countLines(text.slice(0, text.indexOf('\uFFFD'))));
  return iconvDecoder('gb18030', 0);
}

/** The length of the bytes without a multi-byte sequence cut off at the end of the chunk. */
function completeUtf8Length(bytes: Buffer): number {
  for (let i = 1; i <= 3 && i <= bytes.length; i++) {
    const b = bytes[bytes.length - i] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    return b >= 0xc0 ? bytes.length - i : bytes.length;
  }
  return bytes.length;
}

function validUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * UTF-8, strictly. Without a BOM the choice was a guess from the first chunk: while everything
 * read so far is ASCII (the same bytes in GBK), a later non-UTF-8 byte means the file is GBK after
 * all, and the decoder switches. Otherwise bad bytes are an error naming their line.
 */
function utf8Decoder(skip: number, declared: boolean): ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let gbk: ChunkDecoder | null = null;
  let onlyAscii = !declared;
  let first = true;
  return {
    get encoding(): TextEncodingName {
      return gbk ? 'gb18030' : 'utf-8';
    },
    write(chunk) {
      const bytes = first ? chunk.subarray(skip) : chunk;
      first = false;
      if (gbk) return gbk.write(bytes);
      try {
        const text = decoder.decode(bytes, { stream: true });
        if (onlyAscii && !isAscii(bytes)) onlyAscii = false;
        return text;
      } catch {
        if (onlyAscii) {
          gbk = iconvDecoder('gb18030', 0);
          return gbk.write(bytes);
        }
        const text = new TextDecoder('utf-8').decode(bytes);
        throw new EncodingError(MIXED, countLines(text.slice(0, text.indexOf('\uFFFD'))));
      }
    },
    end() {
      if (gbk) return gbk.end();
      try {
        return decoder.decode();
      } catch {
        throw new EncodingError(MIXED, null);
      }
    },
  };
}

function iconvDecoder(encoding: Exclude<TextEncodingName, 'utf-8'>, skip: number): ChunkDecoder {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  let first = true;
  return {
    encoding,
    write(chunk) {
      const text = decoder.write(first ? chunk.subarray(skip) : chunk);
      first = false;
      return text;
    },
    end: () => decoder.end() ?? '',
  };
}
