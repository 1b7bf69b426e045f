/** Writing test input files in the encodings and shapes clerks produce. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'childplan-files-'));
let n = 0;
// Registered by each test file that imports these helpers.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export function writeText(
  text: string,
  options: { encoding?: 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le-bom'; name?: string } = {},
): string {
  const path = join(dir, options.name ?? `file${++n}.csv`);
  const encoding = options.encoding ?? 'utf-8';
  if (encoding === 'gbk') writeFileSync(path, iconv.encode(text, 'gbk'));
  else if (encoding === 'utf-16le-bom') writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text);
  return path;
}

export function writeBytes(bytes: Buffer, name?: string): string {
  const path = join(dir, name ?? `file${++n}.bin`);
  writeFileSync(path, bytes);
  return path;
}

export function csv(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}
