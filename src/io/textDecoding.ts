/**
 * Turns a byte stream into text whatever Excel on a Chinese Windows PC saved it as:
 * UTF-8 (with or without BOM), GBK/GB18030, or "Unicode text" (UTF-16 with BOM).
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16LE(Unicode 文本)',
  'utf-16be': 'UTF-16BE',
};

export class EncodingError extends Error {}

export interface ChunkDecoder {
  encoding: TextEncodingName;
  write(chunk: Buffer): string;
  end(): string;
}

/** Decides the encoding from the first chunk of the file (BOM, else a strict UTF-8 test). */
export function chooseDecoder(first: Buffer): ChunkDecoder {
  if (first.length >= 4 && first.readUInt32BE(0) === 0x504b0304) {
    throw new EncodingError('这是一个 Excel 工作簿(.xlsx)而不是 CSV 文件:请在 Excel 中“另存为” CSV(逗号分隔)后再导入');
  }
  if (first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return utf8Decoder(3);
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return iconvDecoder('utf-16le', 2);
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return iconvDecoder('utf-16be', 2);
  if (first.includes(0)) {
    throw new EncodingError('文件含有二进制内容(NUL 字节),不是文本格式的 CSV 文件');
  }
  return isUtf8(first) ? utf8Decoder(0) : iconvDecoder('gb18030', 0);
}

/** True when the bytes are valid UTF-8, allowing a sequence cut off at the end of the chunk. */
function isUtf8(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a trailing incomplete multi-byte sequence (at most 3 bytes).
  for (let i = 1; i <= 3 && i <= bytes.length; i++) {
    const b = bytes[bytes.length - i] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end = bytes.length - i;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

function utf8Decoder(skip: number): ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  const decode = (chunk: Buffer | undefined): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new EncodingError('文件不是有效的 UTF-8 编码(文件中部含有其他编码的字符),请统一另存为 UTF-8 或 GBK 后再导入');
    }
  };
  return {
    encoding: 'utf-8',
    write(chunk) {
      const text = decode(first ? chunk.subarray(skip) : chunk);
      first = false;
      return text;
    },
    end: () => decode(undefined),
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
