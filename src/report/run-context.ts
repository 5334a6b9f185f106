// What the reporters know about a run beyond the analysis itself: where the ledger came from.
import type { Problem } from '../core/problems.js';
import type { InputReport } from '../io/read-ledger.js';
import type { ReadCounts } from '../io/records.js';

export interface RunContext {
  inputs: InputReport[];
  counts: ReadCounts;
  /** Reading notes (skipped rows and their first examples). */
  notes: Problem[];
  version: string;
}
