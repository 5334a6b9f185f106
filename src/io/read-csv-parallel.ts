// Large plain CSV files are read on several threads over line-aligned byte ranges. The main
// thread reads the first range itself (header, dialect: the same decisions a single pass makes),
// workers fold the others into ledgers, and the exact sums merge into the same bytes a single
// pass gives. Anything unusual — a range that ends inside a quoted field, a dialect still
// undecided after the first range — falls back to the single pass.
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { emptyLedger, type Ledger } from '../core/ledger.js';
import { mergePacked } from '../core/ledger-transfer.js';
import { KamError, type Problem } from '../core/problems.js';
import type { WorkerReply, WorkerStart, WorkerTask } from './parse-worker.js';
import { fileChunks } from './file-chunks.js';
import { readCsv, type CsvDialect, type CsvOptions, type CsvReading } from './read-csv.js';
import { MAX_EXAMPLES, RecordReader, type ReadCounts, type RecordOptions, type RecordSink } from './records.js';

/** Below this a single pass is as fast as starting threads. */
export const PARALLEL_MIN_BYTES = 8 << 20;
/**
 * Above this, one pass: every worker holds its own share of the ledger and its own heap, so
 * threads trade memory for speed, and for the largest files memory matters more.
 */
export const PARALLEL_MAX_BYTES = 256 << 20;
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);
const WORKER_HEAP_MB = 128;

export interface ParallelResult {
  ledger: Ledger;
  counts: ReadCounts;
  examples: Problem[];
  dialect: CsvDialect;
  reader: RecordReader;
}

/** Below this many cores one thread reads as fast as several (measured on 2 cores: as fast idle, slower under load). */
const MIN_CORES_FOR_THREADS = 4;

export function parallelThreads(env: Record<string, string | undefined>, cores = availableParallelism()): number {
  const forced = Number(env.KAM_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return forced;
  return cores < MIN_CORES_FOR_THREADS ? 1 : Math.min(cores, 8);
}

/** Whether a file can be read in parallel at all (compiled worker present, big enough, threads allowed). */
export function canReadInParallel(size: number | undefined, threads: number): boolean {
  // Under vitest the sources run as TypeScript and the compiled worker may be missing.
  return size !== undefined && size >= PARALLEL_MIN_BYTES && size <= PARALLEL_MAX_BYTES && threads >= 2 && existsSync(fileURLToPath(WORKER_URL));
}

/** Offsets just after a line break at or after each target, or undefined if none is near. */
async function lineStarts(path: string, targets: number[], size: number): Promise<number[] | undefined> {
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(1 << 16);
    const starts: number[] = [];
    for (const target of targets) {
      const { bytesRead } = await handle.read(window, 0, window.length, target);
      const bytes = window.subarray(0, bytesRead);
      // A CRLF first: in a CRLF file a bare LF sits inside a field, not between records (and
      // in an LF file, the LF of a CRLF ends a record too).
      const crlf = bytes.indexOf('\r\n');
      const at = crlf >= 0 ? crlf + 1 : bytes.indexOf(0x0a);
      if (at < 0 || target + at + 1 >= size) return undefined;
      starts.push(target + at + 1);
    }
    return starts;
  } finally {
    await handle.close();
  }
}

/** A worker started early: it loads its modules while the main thread settles the dialect. */
interface StartedWorker {
  /** Hands the worker what it still needs to begin: the dialect the main thread settled. */
  begin(message: WorkerStart): void;
  reply: Promise<Extract<WorkerReply, { kind: 'done' | 'failed' }>>;
  stop(): void;
}

function startWorker(task: WorkerTask, onBytes: (n: number) => void, heapMb: number): StartedWorker {
  // A worker's live data is its share of the ledger; a capped heap makes V8 collect early
  // instead of growing, and a share too big for it ends the parallel attempt, not the run.
  const worker = new Worker(WORKER_URL, { workerData: task, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  let settled = false;
  const reply = new Promise<Extract<WorkerReply, { kind: 'done' | 'failed' }>>((resolve, reject) => {
    worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'progress') onBytes(message.bytes);
      else {
        settled = true;
        resolve(message);
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`parse worker exited with ${code}`));
    });
  });
  // A worker stopped before it replies must not leave an unhandled rejection behind.
  reply.catch(() => undefined);
  return {
    begin: (message) => worker.postMessage(message),
    reply,
    stop: () => {
      settled = true;
      void worker.terminate();
    },
  };
}

function shifted(problem: Problem, offset: number): Problem {
  return problem.line === undefined ? problem : { ...problem, line: problem.line + offset };
}

/**
 * Reads a plain CSV file on `threads` threads: the main thread reads the first share itself
 * (settling header and dialect on the way, as one pass would), workers read the others. Resolves
 * to undefined when the file must be read in one pass instead (the caller then starts over, so
 * nothing read here leaks into the result).
 */
export async function readCsvParallel(
  path: string,
  name: string,
  size: number,
  csv: CsvOptions,
  options: RecordOptions,
  threads: number,
  onBytes: (n: number) => void,
  /** Each worker's heap cap (tests lower it to see a worker run out). */
  workerHeapMb = WORKER_HEAP_MB,
): Promise<ParallelResult | undefined> {
  const step = size / threads;
  const targets = Array.from({ length: threads - 1 }, (_, i) => Math.floor(step * (i + 1)));
  const starts = await lineStarts(path, targets, size);
  if (starts === undefined) return undefined;
  const bounds = [0, ...starts, size];
  if (bounds.some((b, i) => i > 0 && b <= bounds[i - 1]!)) return undefined;

  // Workers start now and wait for the dialect, so their start-up overlaps the main thread's read.
  const workers = bounds.slice(1, -1).map((start, i) => startWorker({ path, name, start, end: bounds[i + 2]!, options }, onBytes, workerHeapMb));
  // Giving up on reading in parallel (the caller then reads the file in one pass): the workers stop.
  const inOnePass = (): undefined => {
    workers.forEach((w) => w.stop());
    return undefined;
  };

  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
  const head = new RecordReader(ledger, name, options);
  let dialect: CsvDialect | undefined;
  let reading: CsvReading | undefined;
  let begun = false;
  const sink: RecordSink = (cells, line) => {
    head.push(cells, line);
    if (!begun && head.dialect !== undefined) {
      begun = true;
      // The encoding as forced, or as the
      // first share decided it; else undecided, and each range decides at its first
      // non-ASCII byte (checked against one another below).
      const start: WorkerStart = { delimiter: dialect!.delimiter, encoding: csv.encoding ?? reading!.encoding, dialect: head.dialect };
      for (const w of workers) w.begin(start);
    }
  };
  let headLines: number;
  try {
    headLines = await readCsv(
      { name, chunks: fileChunks(path, 0, bounds[1]!, onBytes), close: () => undefined },
      csv,
      (d) => (dialect = d),
      sink,
      { spans: head.pushSpans, reading: (r) => (reading = r) },
    );
  } catch (error) {
    // The first share's end inside a quoted field: not a true record boundary, read in one pass.
    if (error instanceof KamError && error.problem.code === 'file-unreadable' && error.problem.details?.reason.code === 'csv-quote-not-closed') return inOnePass();
    inOnePass();
    throw error;
  }
  // A dialect still undecided after the first share (dates ambiguous all along): one pass decides.
  if (!begun || dialect === undefined) return inOnePass();

  let replies: Extract<WorkerReply, { kind: 'done' | 'failed' }>[];
  try {
    replies = await Promise.all(workers.map((w) => w.reply));
  } catch {
    // A worker that died (out of its capped memory, say) ends the parallel attempt, not the run.
    return inOnePass();
  }
  // One pass decodes the whole file with the encoding decided at its first non-ASCII byte.
  if (csv.encoding === undefined) {
    const decided = [reading?.encoding, ...replies.map((r) => (r.kind === 'done' ? r.encoding : undefined))].filter((e) => e !== undefined);
    if (decided.some((e) => e !== decided[0])) return undefined;
  }

  // Merge in file order, turning range-relative line numbers into the file's.
  const counts: ReadCounts = { ...head.counts };
  const examples: Problem[] = [...head.examples];
  let offset = headLines;
  for (const reply of replies) {
    if (reply.kind === 'failed') {
      // A row --strict refuses fails the run at the line one pass would stop at. Anything else
      // (a range that ends inside a quoted field, so not a true record boundary) starts over.
      if (reply.problem?.code === 'bad-row') throw new KamError(shifted(reply.problem, offset));
      return undefined;
    }
    for (const key of Object.keys(counts) as (keyof ReadCounts)[]) counts[key] += reply.counts[key];
    for (const e of reply.examples) if (examples.length < MAX_EXAMPLES) examples.push(shifted(e, offset));
    mergePacked(ledger, reply.ledger);
    offset += reply.lines;
  }
  return { ledger, counts, examples, dialect, reader: head };
}
