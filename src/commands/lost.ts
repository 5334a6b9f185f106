// `kam lost`: the win-back list and churn dynamics (SPEC §6); `--fail-on lost-key` for scheduled runs.
import type { AnalysisSettings } from '../core/settings.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { renderChurnCsv, renderLostJson, renderLostNdjson, renderWinBackCsv } from '../report/lost-data.js';
import { renderLostTerminal } from '../report/lost-terminal.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { failOnStatus, type FailOn } from './fail-on.js';
import { readReport, sheetsRead } from './read-report.js';
import { writeNotesToStderr } from './stderr-notes.js';

export { FAIL_ON_CONDITIONS, type FailOn } from './fail-on.js';

export type LostFormat = 'table' | 'csv' | 'json' | 'ndjson';
export const LOST_FORMATS: readonly LostFormat[] = ['table', 'csv', 'json', 'ndjson'];
export type LostTable = 'win-back' | 'churn';
export const LOST_TABLES: readonly LostTable[] = ['win-back', 'churn'];

export interface LostRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: LostFormat;
  /** Which table --format csv and ndjson write. */
  table: LostTable;
  top: number;
  color: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  failOn: FailOn[];
  /** --clients FILE: attributes (image-makers are key clients). */
  clients?: string | undefined;
  /** --safe-csv: text cells that a spreadsheet would run as a formula get a leading '. */
  safeCsv?: boolean;
  version: string;
  t: Messages;
}

export async function runLost(request: LostRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  const { report, context } = await readReport(request.files, request.read, request.settings, io, request.version, { clients: request.clients }, t);
  const lost = report.lost;
  const directionColumn = request.read.map.direction ?? null;
  if (request.format !== 'table') {
    if (request.quiet !== true) for (const note of sheetsRead(context.inputs)) io.stderr.write(problemLine(note, t));
    writeNotesToStderr('lost', [...context.notes, ...report.notes], io.stderr, t, { quiet: request.quiet });
  }
  const chunks =
    request.format === 'table'
      ? tableFitted(true, io, renderLostTerminal(report, context, { chalk: chalkFor(io, request.color), top: request.top, directionColumn, t, width: terminalWidth(io.stdout, io.env) }))
      : request.format === 'json'
        ? renderLostJson(lost, { directionColumn, period: report.settings.period })
        : request.format === 'ndjson'
          ? renderLostNdjson(lost, request.table)
          : request.table === 'churn'
          ? renderChurnCsv(lost, request.safeCsv === true)
          : renderWinBackCsv(lost, request.safeCsv === true);
  await writeAll(io.stdout, chunks);
  return failOnStatus(report, request.failOn, io, t);
}
