// A worker thread's share of a large CSV: one line-aligned byte range, read with the dialect
// the main thread settled on the file's head, folded into a ledger and handed back packed.
import { parentPort, workerData } from 'node:worker_threads';
import { emptyLedger } from '../core/ledger.js';
import { packLedger, transferables, type LedgerTransfer } from '../core/ledger-transfer.js';
import { KamError, type Problem } from '../core/problems.js';
import type { Delimiter, Encoding } from './dialect.js';
import { fileChunks } from './file-chunks.js';
import { readCsv, type CsvReading } from './read-csv.js';
import { RecordReader, type ReadCounts, type RecordOptions, type SettledDialect } from './records.js';

export interface WorkerTask {
  path: string;
  name: string;
  start: number;
  /** Exclusive. */
  end: number;
  options: RecordOptions;
}

/** Sent once the main thread has settled the dialect on the file's first lines. */
export interface WorkerStart {
  delimiter: Delimiter;
  /** Forced, or decided on the first share; undefined: the range decides at its first non-ASCII byte. */
  encoding: Encoding | undefined;
  dialect: SettledDialect;
}

export type WorkerReply =
  | { kind: 'progress'; bytes: number }
  /** `encoding`: the one the range was read with (undefined: all of it was ASCII). */
  | { kind: 'done'; ledger: LedgerTransfer; counts: ReadCounts; examples: Problem[]; lines: number; encoding: Encoding | undefined }
  /** Line numbers in problems are relative to the range's first line. */
  | { kind: 'failed'; problem: Problem | undefined; message: string };

async function run(task: WorkerTask, start: WorkerStart): Promise<void> {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
  const reader = RecordReader.continuing(ledger, task.name, task.options, start.dialect);
  // Progress to the main thread every 8 MB, not every chunk.
  let unreported = 0;
  const chunks = fileChunks(task.path, task.start, task.end, (bytes) => {
    unreported += bytes;
    if (unreported < 8 << 20) return;
    parentPort!.postMessage({ kind: 'progress', bytes: unreported } satisfies WorkerReply);
    unreported = 0;
  });
  const input = { name: task.name, chunks, close: () => undefined };
  let reading: CsvReading | undefined;
  const lines = await readCsv(input, { encoding: start.encoding, delimiter: start.delimiter }, () => undefined, reader.push, {
    spans: reader.pushSpans,
    reading: (r) => (reading = r),
  });
  parentPort!.postMessage({ kind: 'progress', bytes: unreported } satisfies WorkerReply);
  const packed = packLedger(ledger);
  const reply: WorkerReply = { kind: 'done', ledger: packed, counts: reader.counts, examples: reader.examples, lines, encoding: reading?.encoding };
  parentPort!.postMessage(reply, transferables(packed));
}

parentPort!.once('message', (start: WorkerStart) => {
  run(workerData as WorkerTask, start).catch(failed);
});

function failed(error: unknown): void {
  const reply: WorkerReply =
    error instanceof KamError
      ? { kind: 'failed', problem: error.problem, message: error.message }
      : { kind: 'failed', problem: undefined, message: error instanceof Error ? error.message : String(error) };
  parentPort!.postMessage(reply);
}
