import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

/** LibreOffice and poppler for acceptance tests of written documents; CI installs them (.ci/run). */

const run = promisify(execFile);

const TOOLS: Record<string, string> = {
  libreoffice: 'libreoffice-writer-nogui 和 libreoffice-calc-nogui',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdffonts: 'poppler-utils',
};

/** Fails with the Debian package to install when a tool is missing, instead of skipping the test. */
export async function requireTool(tool: string): Promise<void> {
  try {
    await run('which', [tool]);
  } catch {
    throw new Error(
      `缺少 ${tool}:请安装 Debian 软件包 ${TOOLS[tool] ?? tool}(apt-get install ${TOOLS[tool] ?? tool}),CI 在 .ci/run 中安装。`,
    );
  }
}

/**
 * The document converted to PDF by headless LibreOffice, in a fresh profile of its own so that conversions in
 * parallel test files do not fight over one profile's lock.
 */
export async function convertToPdf(document: Buffer, fileName: string): Promise<Buffer> {
  await requireTool('libreoffice');
  const dir = mkdtempSync(join(tmpdir(), 'childplan-lo-'));
  try {
    const input = join(dir, fileName);
    writeFileSync(input, document);
    await run(
      'libreoffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 240_000 },
    );
    const output = join(dir, `${basename(fileName, extname(fileName))}.pdf`);
    if (!existsSync(output)) throw new Error(`LibreOffice wrote no PDF for ${fileName}`);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withPdf<T>(pdf: Buffer, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'childplan-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return await use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF in reading order (pdftotext -layout keeps table rows on one line). */
export async function pdfText(pdf: Buffer): Promise<string> {
  await requireTool('pdftotext');
  return withPdf(pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 })).stdout);
}

/** The fonts embedded in the PDF, as pdffonts lists them (name, type, encoding, emb, sub, uni). */
export async function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean }[]> {
  await requireTool('pdffonts');
  return withPdf(pdf, async (path) => {
    const lines = (await run('pdffonts', [path])).stdout.split('\n').slice(2);
    return lines
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name … emb sub uni object ID: emb is the fifth column from the end.
        return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
      });
  });
}

/** Number of pages of the PDF. */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  await requireTool('pdftotext');
  return withPdf(pdf, async (path) => {
    const info = (await run('pdfinfo', [path])).stdout;
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  });
}

/** One page of the PDF as a PNG at the given resolution. */
export async function pdfPagePng(pdf: Buffer, page: number, dpi: number): Promise<Buffer> {
  await requireTool('pdftoppm');
  return withPdf(pdf, async (path, dir) => {
    const prefix = join(dir, 'page');
    await run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', path, prefix]);
    return readFileSync(`${prefix}.png`);
  });
}
