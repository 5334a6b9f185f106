// `kam analyze`: read the ledger, run the pure analysis, hand the result to a reporter.
import { analyzeLedger, type Analysis } from '../core/analyze.js';
import type { Ledger } from '../core/ledger.js';
import type { AnalysisSettings } from '../core/settings.js';
import type { Problem } from '../core/problems.js';
import { withMigration, type CompareSpec } from '../core/compare.js';
import { applySegments } from '../core/segments.js';
import { readAttributes } from '../io/read-attributes.js';
import { parallelThreads } from '../io/read-csv-parallel.js';
import { readLedger, type LedgerRead, type LedgerReadOptions } from '../io/read-ledger.js';
import { checkOutputPath } from '../io/write-file.js';
import { problemLine } from '../report/messages.js';
import { en, type Messages } from '../i18n/en.js';
import { usage } from '../i18n/usage.js';
import { REPORTERS, type ReporterName } from '../report/reporters.js';
import type { RunContext } from '../report/run-context.js';
import { chalkFor, progressReporter, writeAll, type CommandIo } from './context.js';
import { failOnStatus, pAliveMissing, type FailOn } from './lost.js';

export interface AnalyzeRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: ReporterName;
  top: number;
  color: boolean;
  /** --fail-on: exit 3 after writing everything when a condition holds. */
  failOn?: FailOn[];
  /** --clients, --compare (SPEC §7, §8). */
  segments?: SegmentRequest;
  /** -o FILE.xlsx: the annotated workbook (SPEC §9), written whole or not at all. */
  output?: string | undefined;
  /** false: nothing on standard output (-o without --format, output not a terminal). */
  printReport?: boolean;
  version: string;
  /** The run's language (--lang, the config file or the locale). */
  t: Messages;
}

/** What tags and the earlier window need beyond the ledger: the attributes file and --compare. */
export interface SegmentRequest {
  clients?: string | undefined;
  compare?: CompareSpec | undefined;
}

/** Notes about reading: how many rows were skipped and the first few unreadable ones. */
export function readingNotes(read: LedgerRead): Problem[] {
  const c = read.counts;
  const total = c.noClient + c.badDate + c.badNumber;
  // Sheets left out of a workbook (--sheet '*', or blank sheets before the first ledger).
  const sheets = read.notes ?? [];
  if (total === 0) return sheets;
  return [
    ...sheets,
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
  segments: SegmentRequest = {},
  t: Messages = en,
): Promise<AnalyzedLedger> {
  if (segments.clients === '-' && files.includes('-')) throw usage('stdinBoth');
  // The attributes file first: a wrong path fails before a long ledger read.
  const attributes = segments.clients === undefined ? undefined : await readAttributes(segments.clients, io.stdin);
  const progress = progressReporter(io, t);
  let ledgerRead: LedgerRead;
  try {
    ledgerRead = await readLedger(files, { ...read, threads: read.threads ?? parallelThreads(io.env) }, io.stdin, progress);
  } finally {
    progress.done();
  }
  // Tags (SPEC §7) need the classes and statuses; the earlier window's slipped key clients need the tags.
  let analysis = applySegments(analyzeLedger(ledgerRead.ledger, settings), ledgerRead.ledger, attributes);
  if (segments.compare !== undefined) analysis = withMigration(ledgerRead.ledger, analysis, segments.compare);
  const context: RunContext = { inputs: ledgerRead.inputs, counts: ledgerRead.counts, notes: readingNotes(ledgerRead), version };
  return { ledger: ledgerRead.ledger, analysis, context };
}

export async function runAnalyze(request: AnalyzeRequest, io: CommandIo): Promise<number> {
  // A -o that cannot be written (or names an input) fails now, not after a long read.
  const inputs = [...request.files, ...(request.segments?.clients === undefined ? [] : [request.segments.clients])];
  if (request.output !== undefined) await checkOutputPath(request.output, inputs);
  // The workbook's Dossiers sheet lists top products: keep per-client product totals only then.
  const read = request.output === undefined ? request.read : { ...request.read, trackProducts: true };
  const t = request.t;
  const { ledger, analysis, context } = await readAndAnalyze(request.files, read, request.settings, io, request.version, request.segments, t);
  const chalk = chalkFor(io, request.color);
  const printReport = request.printReport !== false;
  if (request.format !== 'table' || !printReport) {
    // Data goes to stdout alone; what a person should know goes to stderr.
    for (const note of [...context.notes, ...analysis.notes]) {
      if (note.severity !== 'note' || note.code === 'partial-period-dropped' || note.code === 'rows-skipped' || pAliveMissing(note)) io.stderr.write(problemLine(note, t));
    }
  }
  // exceljs is loaded only when a workbook is asked for: it costs a quarter second and 40 MB.
  if (request.output !== undefined) await (await import('../report/workbook/index.js')).writeWorkbook(request.output, { analysis, context, generatedAt: new Date(), ledger, directionColumn: request.read.map.direction ?? null, t });
  if (printReport) await writeAll(io.stdout, REPORTERS[request.format](analysis, context, { chalk, top: request.top, t }));
  if (request.output !== undefined && io.stderr.isTTY === true) io.stderr.write(`kam: ${t.cli.workbookWritten(request.output)}\n`);
  return failOnStatus(analysis, request.failOn ?? [], io, t);
}
