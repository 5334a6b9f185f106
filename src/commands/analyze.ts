// `kam analyze`: read the ledger, assemble the report, hand it to a reporter (and the workbook).
import type { AnalysisSettings } from '../core/settings.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { portfolioLedger } from '../core/portfolio.js';
import { assembleReport } from '../core/report.js';
import { checkOutputPath } from '../io/write-file.js';
import { splitPaths } from '../report/workbook/path.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';
import { REPORTERS, type ReporterName } from '../report/reporters.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { failOnStatus, type FailOn } from './fail-on.js';
import { readReport, sheetsRead, type SegmentRequest } from './read-report.js';
import { writeNotesToStderr } from './stderr-notes.js';

export type { SegmentRequest } from './read-report.js';

export interface AnalyzeRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: ReporterName;
  /** --safe-csv: text cells that a spreadsheet would run as a formula get a leading '. */
  safeCsv?: boolean;
  top: number;
  color: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  /** --fail-on: exit 3 after writing everything when a condition holds. */
  failOn?: FailOn[];
  /** --clients, --compare (SPEC §7, §8). */
  segments?: SegmentRequest;
  /** -o FILE.xlsx: the annotated workbook (SPEC §9), written whole or not at all. */
  output?: string | undefined;
  /** false: nothing on standard output (-o without --format, output not a terminal). */
  printReport?: boolean;
  /** --split-by: with -o, one workbook per value of the direction column (read.map.direction), each with only its clients. */
  splitBy?: boolean;
  version: string;
  /** The run's language (--lang, the config file or the locale). */
  t: Messages;
}

export async function runAnalyze(request: AnalyzeRequest, io: CommandIo): Promise<number> {
  // A -o that cannot be written (or names an input) fails now, not after a long read.
  const inputs = [...request.files, ...(request.segments?.clients === undefined ? [] : [request.segments.clients])];
  if (request.output !== undefined) await checkOutputPath(request.output, inputs);
  // The workbook's Dossiers sheet lists top products: keep per-client product totals only then.
  const read = request.output === undefined ? request.read : { ...request.read, trackProducts: true };
  const t = request.t;
  const { report, context, attributes } = await readReport(request.files, read, request.settings, io, request.version, request.segments, t);
  const chalk = chalkFor(io, request.color);
  const printReport = request.printReport !== false;
  if (request.format !== 'table' || !printReport) {
    // Data goes to stdout alone; what a person should know goes to stderr.
    if (request.quiet !== true) for (const note of sheetsRead(context.inputs)) io.stderr.write(problemLine(note, t));
    writeNotesToStderr('analyze', [...context.notes, ...report.notes], io.stderr, t, { quiet: request.quiet });
  }
  // exceljs is loaded only when a workbook is asked for: it costs a quarter second and 40 MB.
  const directionColumn = request.read.map.direction ?? null;
  if (request.output !== undefined) {
    const { writeWorkbook } = await import('../report/workbook/index.js');
    if (request.splitBy === true) {
      // One workbook per portfolio: the analysis of its clients alone, over the book's window.
      const rows = report.portfolios?.rows ?? [];
      const paths = splitPaths(request.output, rows.map((r) => r.direction ?? t.noDirection));
      for (const [i, row] of rows.entries()) {
        const own = assembleReport({ ledger: portfolioLedger(report.ledger, row.direction), settings: request.settings, attributes, compare: request.segments?.compare });
        await checkOutputPath(paths[i]!, inputs);
        await writeWorkbook(paths[i]!, { report: own, context, generatedAt: new Date(), directionColumn, t });
        if (io.stderr.isTTY === true) io.stderr.write(`kam: ${t.cli.workbookWritten(paths[i]!)}\n`);
      }
    } else await writeWorkbook(request.output, { report, context, generatedAt: new Date(), directionColumn, t });
  }
  if (printReport) await writeAll(io.stdout, tableFitted(request.format === 'table', io, REPORTERS[request.format](report, context, { chalk, top: request.top, t, safeCsv: request.safeCsv === true, width: terminalWidth(io.stdout, io.env) })));
  if (request.output !== undefined && request.splitBy !== true && io.stderr.isTTY === true) io.stderr.write(`kam: ${t.cli.workbookWritten(request.output)}\n`);
  return failOnStatus(report, request.failOn ?? [], io, t);
}
