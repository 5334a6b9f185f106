// `kam history --every month|quarter --window N`: class snapshots from one read of the ledger (SPEC §11).
import { classHistory, snapshotSettings, type HistoryOptions } from '../core/history.js';
import { assembleReport } from '../core/report.js';
import type { AnalysisSettings } from '../core/settings.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { parallelThreads } from '../io/read-csv-parallel.js';
import type { Messages } from '../i18n/en.js';
import { renderHistoryCsv, renderHistoryJson, renderHistoryNdjson } from '../report/history-data.js';
import { renderHistoryTerminal } from '../report/history-terminal.js';
import type { MovementFormat } from '../report/table-data.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { checkOutputPath } from '../io/write-file.js';
import { readLedgerWithProgress, readingNotes, runContextOf } from './read-report.js';
import { writeNotesToStderr } from './stderr-notes.js';

export interface HistoryRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  history: HistoryOptions;
  format: MovementFormat;
  top: number;
  color: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  /** -o FILE.xlsx: the workbook of the last snapshot's analysis, with the History sheet. */
  output?: string | undefined;
  /** false: nothing on standard output (-o without --format, output not a terminal). */
  printReport?: boolean;
  version: string;
  t: Messages;
}

export async function runHistory(request: HistoryRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  if (request.output !== undefined) await checkOutputPath(request.output, request.files);
  const read = await readLedgerWithProgress(request.files, { ...request.read, threads: request.read.threads ?? parallelThreads(io.env) }, io, t);
  const history = classHistory(read.ledger, request.settings, request.history);
  const notes = readingNotes(read);
  const printReport = request.printReport !== false;
  if (request.format !== 'table' || !printReport) writeNotesToStderr('history', notes, io.stderr, t, { quiet: request.quiet });
  if (request.output !== undefined) {
    // The workbook is the analysis as of the last snapshot, its window the snapshots' window.
    const last = history.snapshots[history.snapshots.length - 1]!;
    const report = assembleReport({ ledger: read.ledger, settings: snapshotSettings(request.settings, last.day, request.history.windowMonths) });
    const model = { report, context: runContextOf(read, request.version), generatedAt: new Date(), directionColumn: request.read.map.direction ?? null, t, history };
    await (await import('../report/workbook/index.js')).writeWorkbook(request.output, model);
    if (io.stderr.isTTY === true) io.stderr.write(`kam: ${t.cli.workbookWritten(request.output)}\n`);
  }
  if (!printReport) return 0;
  const chunks =
    request.format === 'table'
      ? tableFitted(true, io, renderHistoryTerminal(history, notes, { chalk: chalkFor(io, request.color), top: request.top, t, width: terminalWidth(io.stdout, io.env) }))
      : request.format === 'json'
        ? renderHistoryJson(history)
        : request.format === 'ndjson'
          ? renderHistoryNdjson(history)
          : renderHistoryCsv(history);
  await writeAll(io.stdout, chunks);
  return 0;
}
