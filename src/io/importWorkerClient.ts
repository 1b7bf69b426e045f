/** The main thread's side of the import worker: its messages in order, acknowledgements, line look-ups. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReaderInput } from './importFileReader.js';
import type { FromWorker, ToWorker } from './importWorkerProtocol.js';
import type { KeyParts } from './rowKeys.js';

/**
 * The compiled worker script. Next to this file once built; when this file runs from the
 * TypeScript sources (tests), the build in dist/ (kept fresh by the test setup).
 */
export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = join(dirname(here), 'importWorker.js');
  if (existsSync(sibling)) return sibling;
  let dir = dirname(here);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const built = join(dir, 'dist', 'src', 'io', 'importWorker.js');
  if (!existsSync(built)) throw new Error(`找不到导入程序 ${built}:请先运行 npm run build`);
  return built;
}

type Ordered = Exclude<FromWorker, { type: 'lines' }>;

export class ImportWorker {
  private readonly worker: Worker;
  private readonly queue: Ordered[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private closing = false;
  private nextId = 0;
  private readonly pendingLines = new Map<number, (lines: (number | null)[]) => void>();

  constructor(input: ReaderInput) {
    this.worker = new Worker(workerScript(), { workerData: input });
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'lines') {
        this.pendingLines.get(message.id)?.(message.lines);
        this.pendingLines.delete(message.id);
        return;
      }
      this.queue.push(message);
      this.wake?.();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0 && !this.closing) this.fail(new Error(`导入程序异常退出(代码 ${code})`));
    });
  }

  /** The next batch or the final summary, in the order the worker sent them. */
  async next(): Promise<Ordered> {
    for (;;) {
      if (this.failure) throw this.failure;
      const message = this.queue.shift();
      if (message) return message;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  ack(): void {
    this.send({ type: 'ack' });
  }

  /** The file lines of values, looked up in the worker's record of the file. */
  lines(parts: KeyParts[]): Promise<(number | null)[]> {
    if (parts.length === 0) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pendingLines.set(id, resolve);
      this.send({ type: 'lines', id, parts });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
    for (const resolve of this.pendingLines.values()) resolve([]);
    this.pendingLines.clear();
  }
}
