// The start of every command that analyses: read the attributes file and the ledger, then
// assemble the Report (src/core/report.ts) once.
import type { CompareSpec } from '../core/compare.js';
import type { Problem } from '../core/problems.js';
import type { ClientAttributes } from '../core/segments.js';
import { assembleReport, type Report } from '../core/report.js';
import type { AnalysisSettings } from '../core/settings.js';
import { readAttributes } from '../io/read-attributes.js';
import { parallelThreads } from '../io/read-csv-parallel.js';
import { readLedger, type LedgerRead, type LedgerReadOptions } from '../io/read-ledger.js';
import { withSpendInWorker } from '../io/spend-fitting.js';
import { en, type Messages } from '../i18n/en.js';
import { usage } from '../i18n/usage.js';
import type { RunContext } from '../report/run-context.js';
import { progressReporter, type CommandIo } from './context.js';

/** What tags and the earlier window need beyond the ledger: the attributes file and --compare. */
export interface SegmentRequest {
  clients?: string | undefined;
  compare?: CompareSpec | undefined;
}

/** Notes about reading: how many rows were skipped and the first few unreadable ones. */
export function readingNotes(read: LedgerRead): Problem[] {
  const c = read.counts;
  const total = c.noClient + c.badDate + c.badNumber + c.badFields;
  // Sheets left out of a workbook (--sheet '*', or blank sheets before the first ledger).
  const sheets = read.notes ?? [];
  if (total === 0) return sheets;
  return [
    ...sheets,
    { code: 'rows-skipped', severity: c.badDate + c.badNumber + c.badFields > 0 ? 'warning' : 'note', details: { total, noClient: c.noClient, badDate: c.badDate, badNumber: c.badNumber, badFields: c.badFields } },
    ...read.examples,
  ];
}

/**
 * Which sheet of each workbook was read: said on standard error when the report itself is data
 * (the table's summary names it on its Ledger line).
 */
export function sheetsRead(inputs: RunContext['inputs']): Problem[] {
  return inputs.filter((i) => i.kind === 'xlsx' && i.sheet !== undefined).map((i) => ({ code: 'sheet-read', severity: 'note', file: i.name, value: i.sheet }));
}

/** How a ledger was read, for the reporters. */
export function runContextOf(read: LedgerRead, version: string): RunContext {
  return { inputs: read.inputs, counts: read.counts, notes: readingNotes(read), version };
}

/** Reads a ledger with progress on a terminal's stderr. */
export async function readLedgerWithProgress(files: readonly string[], read: LedgerReadOptions, io: CommandIo, t: Messages): Promise<LedgerRead> {
  const progress = progressReporter(io, t);
  try {
    return await readLedger(files, { ...read, today: io.today }, io.stdin, progress);
  } finally {
    progress.done();
  }
}

export interface ReportRun {
  report: Report;
  context: RunContext;
  /** The attributes file, read (--clients). */
  attributes: ClientAttributes | undefined;
}

/** Reads the ledger (and the attributes file) and assembles the report. */
export async function readReport(
  files: readonly string[],
  read: LedgerReadOptions,
  settings: AnalysisSettings,
  io: CommandIo,
  version: string,
  segments: SegmentRequest = {},
  t: Messages = en,
): Promise<ReportRun> {
  if (segments.clients === '-' && files.includes('-')) throw usage('stdinBoth');
  // The attributes file first: a wrong path fails before a long ledger read.
  const attributes = segments.clients === undefined ? undefined : await readAttributes(segments.clients, io.stdin);
  const ledgerRead = await readLedgerWithProgress(files, { ...read, threads: read.threads ?? parallelThreads(io.env) }, io, t);
  // The spend model is fitted in a worker thread beside the analysis, and is there before
  // anything reads the expected revenue.
  const report = await withSpendInWorker((spend) => assembleReport({ ledger: ledgerRead.ledger, settings, attributes, compare: segments.compare, spend }));
  return { report, context: runContextOf(ledgerRead, version), attributes };
}
