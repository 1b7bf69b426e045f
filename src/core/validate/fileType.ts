/**
 * Which uploaded files are accepted: the extension must be one we allow AND the first bytes must
 * be what a file of that type starts with, so that a program renamed to .pdf is refused. Pure:
 * handed the name and the bytes, returns a verdict with a Chinese reason that names the file.
 */

export const FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'wps', 'ofd', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'txt'] as const;
export type FileExtension = (typeof FILE_EXTENSIONS)[number];

/** Evidence of qualitative goals: documents, scans, photos and tables. */
export const EVIDENCE_EXTENSIONS: readonly FileExtension[] = FILE_EXTENSIONS;

export type FileTypeCheck = { ok: true; extension: FileExtension; mimeType: string; typeName: string } | { ok: false; reason: string };

type Signature = (bytes: Uint8Array) => boolean;

interface FileType {
  mimeType: string;
  typeName: string;
  signatures: Signature[];
}

const startsWith =
  (...magic: number[]): Signature =>
  (bytes) =>
    magic.every((b, i) => bytes[i] === b);

const OLE2 = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
// Word saves "RTF as .doc"; offices exchange such files every day.
const RTF = startsWith(0x7b, 0x5c, 0x72, 0x74, 0x66); // {\rtf
const ZIP = startsWith(0x50, 0x4b, 0x03, 0x04);

/** A ZIP archive holding an entry whose name starts with `prefix` (word/, xl/, OFD.xml). */
const zipWith =
  (prefix: string): Signature =>
  (bytes) =>
    ZIP(bytes) && (zipEntryNames(bytes)?.some((name) => name.startsWith(prefix)) ?? false);

// Readers accept up to 1 KB of junk before the header; so do we.
const PDF: Signature = (bytes) => indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0;

const TYPES: Record<FileExtension, FileType> = {
  pdf: { mimeType: 'application/pdf', typeName: 'PDF 文档', signatures: [PDF] },
  doc: { mimeType: 'application/msword', typeName: 'Word 文档', signatures: [OLE2, RTF] },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    typeName: 'Word 文档',
    signatures: [zipWith('word/')],
  },
  wps: { mimeType: 'application/vnd.ms-works', typeName: 'WPS 文字文档', signatures: [OLE2] },
  ofd: { mimeType: 'application/ofd', typeName: 'OFD 版式文档', signatures: [zipWith('OFD.xml')] },
  xls: { mimeType: 'application/vnd.ms-excel', typeName: 'Excel 表格', signatures: [OLE2] },
  xlsx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    typeName: 'Excel 表格',
    signatures: [zipWith('xl/')],
  },
  jpg: { mimeType: 'image/jpeg', typeName: 'JPEG 图片', signatures: [startsWith(0xff, 0xd8, 0xff)] },
  jpeg: { mimeType: 'image/jpeg', typeName: 'JPEG 图片', signatures: [startsWith(0xff, 0xd8, 0xff)] },
  png: { mimeType: 'image/png', typeName: 'PNG 图片', signatures: [startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)] },
  txt: { mimeType: 'text/plain', typeName: '文本文件', signatures: [isText] },
};

/** The file name without any folder a browser may send (C:\fakepath\…), control characters or outer spaces. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** The extension in lower case, without the dot; '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function isAllowed(ext: string, allowed: readonly FileExtension[]): ext is FileExtension {
  return (allowed as readonly string[]).includes(ext);
}

/** Accepts the file when its extension is allowed and its content starts like a file of that type. */
export function checkFileType(
  fileName: string,
  content: Uint8Array,
  allowed: readonly FileExtension[] = EVIDENCE_EXTENSIONS,
): FileTypeCheck {
  const name = cleanFileName(fileName);
  const list = allowed.map((e) => `.${e}`).join('、');
  if (name === '') return { ok: false, reason: '上传的文件没有文件名' };
  const ext = extensionOf(name);
  if (ext === '') return { ok: false, reason: `文件“${name}”没有扩展名,无法判断类型;只接受 ${list} 文件` };
  if (!isAllowed(ext, allowed)) return { ok: false, reason: `文件“${name}”的类型(.${ext})不允许上传;只接受 ${list} 文件` };
  if (content.length === 0) return { ok: false, reason: `文件“${name}”是空文件` };
  const type = TYPES[ext];
  if (!type.signatures.some((matches) => matches(content))) {
    return {
      ok: false,
      reason: `文件“${name}”的内容不是${type.typeName},与扩展名 .${ext} 不符;请确认文件未损坏,或用原软件另存为正确格式后重新上传`,
    };
  }
  return { ok: true, extension: ext, mimeType: type.mimeType, typeName: type.typeName };
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const codes = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= bytes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return i;
  }
  return -1;
}

const TEXT_SAMPLE = 64 * 1024;

/** Plain text in any encoding clerks use (UTF-8, GBK, UTF-16 with its mark): no control bytes but layout ones. */
function isText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const end = Math.min(bytes.length, TEXT_SAMPLE);
  for (let i = 0; i < end; i++) {
    const b = bytes[i] ?? 0;
    // Tab, line feed, vertical tab, form feed, carriage return, the DOS end-of-file mark and escape.
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1a && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;

/**
 * Entry names from a ZIP archive's central directory; null when there is no readable directory
 * (a damaged or truncated archive, or not a ZIP at all).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at >= bytes.length) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
