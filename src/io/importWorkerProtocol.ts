/** Messages between the import's main thread and its worker. */
import type { PreparedBatch } from '../db/preparedBatch.js';
import type { FileParentGap, FileYearJump, Found } from './fileChecks.js';
import type { ReaderSummary } from './importFileReader.js';
import type { KeyParts } from './rowKeys.js';

export type FromWorker =
  | { type: 'batch'; batch: PreparedBatch }
  | { type: 'done'; summary: ReaderSummary; checks: { jumps: Found<FileYearJump>; gaps: Found<FileParentGap> } | null }
  | { type: 'lines'; id: number; lines: (number | null)[] };

export type ToWorker = { type: 'ack' } | { type: 'lines'; id: number; parts: KeyParts[] } | { type: 'close' };
