/**
 * The import worker: reads, checks and batches the file on a second thread while the main thread
 * writes to the database, so that parsing and writing overlap (issue #2 import throughput).
 * Protocol (messages): → batch, done, lines; ← ack, lines, close.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Hierarchy, parentGaps, yearOnYearJumps } from './fileChecks.js';
import { LISTED, type ReaderInput, readImportFile } from './importFileReader.js';
import type { KeyParts } from './rowKeys.js';
import type { FromWorker, ToWorker } from './importWorkerProtocol.js';

const port = parentPort;
if (!port) throw new Error('importWorker must run in a worker thread');
const input = workerData as ReaderInput;

/** Batches handed over and not yet written: the reader waits when the writer is two behind. */
const AHEAD = 2;
let outstanding = 0;
let release: (() => void) | null = null;
let lineOf: ((parts: KeyParts) => number | null) | null = null;

const send = (message: FromWorker): void => {
  // The rows' bytes are handed over, not copied.
  port.postMessage(message, message.type === 'batch' ? [message.batch.rows.bytes.buffer as ArrayBuffer] : []);
};

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    outstanding--;
    release?.();
    release = null;
  } else if (message.type === 'lines') {
    send({ type: 'lines', id: message.id, lines: message.parts.map((p) => lineOf?.(p) ?? null) });
  } else {
    port.close();
  }
});

const { summary, values } = await readImportFile(input, (batch) => {
  send({ type: 'batch', batch });
  outstanding++;
  return outstanding >= AHEAD ? new Promise<void>((resolve) => (release = resolve)) : undefined;
});
lineOf = (parts) => values.lineOf(parts);

let checks: Extract<FromWorker, { type: 'done' }>['checks'] = null;
if (summary.errors.length === 0) {
  const index = new Map(input.orgs.map((o, i) => [o.code, i]));
  const hierarchy: Hierarchy = { parentOf: new Int32Array(input.orgs.length).fill(-1), childCount: new Int32Array(input.orgs.length) };
  input.orgs.forEach((o, i) => {
    const parent = o.parent === null ? undefined : index.get(o.parent);
    if (parent === undefined) return;
    hierarchy.parentOf[i] = parent;
    hierarchy.childCount[parent] = (hierarchy.childCount[parent] ?? 0) + 1;
  });
  const rule = (i: number): { kind: 'ratio' | 'min' | 'none'; factor: number } => {
    const indicator = input.indicators[i];
    if (!indicator) return { kind: 'none', factor: 1 };
    return {
      kind: indicator.aggregation === 'ratio' || indicator.aggregation === 'min' ? indicator.aggregation : 'none',
      factor: indicator.formula.factor,
    };
  };
  checks = { jumps: yearOnYearJumps(values, LISTED), gaps: parentGaps(values, hierarchy, rule, LISTED) };
}
send({ type: 'done', summary, checks });
