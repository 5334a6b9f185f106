// `kam analyze`: read the ledger, run the pure analysis, hand the result to a reporter.
import { analyzeLedger, type Analysis } from '../core/analyze.js';
import type { Ledger } from '../core/ledger.js';
import type { AnalysisSettings } from '../core/settings.js';
import type { Problem } from '../core/problems.js';
import { readLedger, type LedgerRead, type LedgerReadOptions } from '../io/read-ledger.js';
import { renderProblem } from '../report/messages.js';
import { REPORTERS, type ReporterName } from '../report/reporters.js';
import type { RunContext } from '../report/run-context.js';
import { chalkFor, progressReporter, writeAll, type CommandIo } from './context.js';

export interface AnalyzeRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: ReporterName;
  top: number;
  color: boolean;
  version: string;
}

/** Notes about reading: how many rows were skipped and the first few unreadable ones. */
export function readingNotes(read: LedgerRead): Problem[] {
  const c = read.counts;
  const total = c.noClient + c.badDate + c.badNumber;
  if (total === 0) return [];
  return [
    { code: 'rows-skipped', severity: c.badDate + c.badNumber > 0 ? 'warning' : 'note', details: { total, noClient: c.noClient, badDate: c.badDate, badNumber: c.badNumber } },
    ...read.examples,
  ];
}

export interface AnalyzedLedger {
  ledger: Ledger;
  analysis: Analysis;
  context: RunContext;
}

/** Reads the ledger and runs the core analysis: the start of every command that analyses. */
export async function readAndAnalyze(
  files: readonly string[],
  read: LedgerReadOptions,
  settings: AnalysisSettings,
  io: CommandIo,
  version: string,
): Promise<AnalyzedLedger> {
  const progress = progressReporter(io);
  let ledgerRead: LedgerRead;
  try {
    ledgerRead = await readLedger(files, read, io.stdin, progress);
  } finally {
    progress.done();
  }
  const analysis = analyzeLedger(ledgerRead.ledger, settings);
  const context: RunContext = { inputs: ledgerRead.inputs, counts: ledgerRead.counts, notes: readingNotes(ledgerRead), version };
  return { ledger: ledgerRead.ledger, analysis, context };
}

export async function runAnalyze(request: AnalyzeRequest, io: CommandIo): Promise<number> {
  const { analysis, context } = await readAndAnalyze(request.files, request.read, request.settings, io, request.version);
  const chalk = chalkFor(io, request.color);
  if (request.format !== 'table') {
    // Data goes to stdout alone; what a person should know goes to stderr.
    for (const note of [...context.notes, ...analysis.notes]) {
      if (note.severity !== 'note' || note.code === 'partial-period-dropped' || note.code === 'rows-skipped') io.stderr.write(`kam: ${note.severity}: ${renderProblem(note)}\n`);
    }
  }
  await writeAll(io.stdout, REPORTERS[request.format](analysis, context, { chalk, top: request.top }));
  return 0;
}
