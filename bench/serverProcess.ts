/** `childplan serve` in a child process for the benchmarks, and the percentile they report. */
import { type ChildProcess, spawn } from 'node:child_process';

export async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/childplan.js', '--db', url, 'serve', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('server did not start');
}

export async function stopServer(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
}

/** @param p 0–100 (percent) or 0–1 (fraction) */
export function percentile(sorted: readonly number[], p: number): number {
  const fraction = p > 1 ? p / 100 : p;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;
}
