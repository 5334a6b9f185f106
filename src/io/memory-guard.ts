// Stops a read before V8 runs out of heap (issue 18): V8's own report on running out is pages of
// text and a crash, so kam watches its heap while it reads and, near the limit, stops with one
// line naming the clients read so far and what to do (a coded problem, exit 1).
import { getHeapStatistics } from 'node:v8';
import type { Ledger } from '../core/ledger.js';
import { KamError } from '../core/problems.js';

/**
 * Share of the old generation's limit at which a read stops: V8 gives up ("ineffective
 * mark-compacts") a little before its heap is quite full.
 */
export const STOP_SHARE = 0.85;

/** What heap_size_limit holds beyond the old generation (--max-old-space-size): the young one's three semi-spaces. */
const YOUNG_BYTES = 48 * 2 ** 20;

/**
 * What the analysis needs beyond the ledger, per client, in V8's heap: measured at ~300 bytes on
 * a 300,000-client ledger (--trace-gc: the live heap after the read's last full collection and at
 * the analysis's peak), kept with a margin. The per-client results are columns of typed arrays,
 * mostly outside V8's heap, as are the finished ledger's day rows. A ledger that fits but leaves
 * no room for its analysis stops after reading, not halfway through the analysis.
 */
export const ANALYSIS_BYTES_PER_CLIENT = 500;

/** How many rows (or records) pass between two looks at the heap: a look costs about a microsecond. */
const EVERY = 4096;

export interface HeapState {
  /** Bytes of heap in use. */
  used: number;
  /** The old generation's limit, in bytes. */
  limit: number;
}

function heap(): HeapState {
  const s = getHeapStatistics();
  return { used: s.used_heap_size, limit: Math.max(s.heap_size_limit - YOUNG_BYTES, 16 * 2 ** 20) };
}

/** Throws the out-of-memory problem when `needed` more bytes would take the heap past its stop share. */
export function checkMemory(ledger: Ledger, file: string | undefined, needed = 0, state: HeapState = heap()): void {
  stopNearLimit(state, needed, file, ledger.clients.size);
}

/** The one rule behind every check: past the stop share (with `needed` bytes more), the out-of-memory problem. */
function stopNearLimit(state: HeapState, needed: number, file: string | undefined, clients: number, engine?: 'workbook'): void {
  if (state.used + needed <= state.limit * STOP_SHARE) return;
  throw new KamError({ code: 'out-of-memory', file, details: { clients, limitMb: Math.round(state.limit / 2 ** 20), ...(engine === undefined ? {} : { engine }) } });
}

/**
 * A counter for a reader's loop: call it with the rows (or records) read so far; every EVERY rows
 * it looks at the heap.
 */
export function memoryGuard(ledger: Ledger, file?: string): (rows: number) => void {
  let next = EVERY;
  return (rows) => {
    if (rows < next) return;
    next = rows + EVERY;
    checkMemory(ledger, file);
  };
}

/**
 * While the workbook is written (after the read and the analysis): near the heap's limit, the
 * out-of-memory problem for the workbook, instead of V8's crash report halfway through it. The
 * writer names the clients and the file (see report/workbook/index.ts).
 */
export function checkWorkbookMemory(state: HeapState = heap()): void {
  stopNearLimit(state, 0, undefined, 0, 'workbook');
}

/** After a read: room left for the analysis of the ledger's clients? */
export function checkRoomForAnalysis(ledger: Ledger, file?: string): void {
  checkMemory(ledger, file, ledger.clients.size * ANALYSIS_BYTES_PER_CLIENT);
}
