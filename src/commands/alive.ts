// `kam alive`: BG/NBD over every client's purchase days up to the as-of day; the parameters,
// P(alive) and expected purchase days per client; the spend model; with --holdout, both fitted up
// to the calibration end and judged on the days after it (SPEC §6).
import { aliveModel } from '../core/alive-model.js';
import { formatDay } from '../core/calendar.js';
import { purchaseModelSound } from '../core/alive.js';
import { KamError, type Problem } from '../core/problems.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { usage } from '../i18n/usage.js';
import { checkOutputPath } from '../io/write-file.js';
import { withSpendInWorker } from '../io/spend-fitting.js';
import { bgNbdParamsText } from '../report/model-terminal.js';
import { renderAliveCsv, renderAliveJson, renderAliveNdjson, renderAliveTerminal } from '../report/alive-report.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { readLedgerWithProgress, runContextOf, sheetsRead } from './read-report.js';
import { noteToStderr, writeNotesToStderr } from './stderr-notes.js';

export type AliveFormat = 'table' | 'csv' | 'json' | 'ndjson';
export const ALIVE_FORMATS: readonly AliveFormat[] = ['table', 'csv', 'json', 'ndjson'];

export interface AliveRequest {
  files: string[];
  read: LedgerReadOptions;
  /** undefined: the ledger's last day. */
  asOf: number | undefined;
  /** --holdout: the calibration end; undefined without a holdout check. */
  holdout?: number | undefined;
  horizonWeeks: number;
  format: AliveFormat;
  /** -o: a workbook with the Model sheet. */
  output?: string | undefined;
  top: number;
  color: boolean;
  /** --safe-csv: text cells that a spreadsheet would run as a formula get a leading '. */
  safeCsv?: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  version: string;
  t: Messages;
}

export async function runAlive(request: AliveRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  // A -o that cannot be written (or names an input) fails now, not after a long read.
  if (request.output !== undefined) await checkOutputPath(request.output, request.files);
  const read = await readLedgerWithProgress(request.files, request.read, io, t);
  const context = runContextOf(read, request.version);
  const ledger = read.ledger;
  if (ledger.lastDay === undefined) throw new KamError({ code: 'no-rows' });
  const asOf = request.asOf ?? ledger.lastDay;
  if (request.holdout !== undefined && request.holdout >= asOf) throw usage('holdout', { flag: '--holdout', value: formatDay(request.holdout), example: formatDay(asOf) });
  // The spend model is fitted in a worker thread beside the purchase model, and is there before
  // anything reads it.
  const { model, fit } = await withSpendInWorker((spend) => {
    const made = aliveModel(ledger, asOf, request.horizonWeeks, request.holdout, spend);
    // Too few clients (or no repeat buyer) to fit: a data problem, exit 1.
    if (made.table.alive.fit === null) throw new KamError({ ...made.table.alive.problem!, severity: 'error' });
    return { model: made, fit: made.table.alive.fit };
  });
  const result = model.table;
  if (request.format !== 'table') {
    if (request.quiet !== true) for (const note of sheetsRead(context.inputs)) io.stderr.write(problemLine(note, t));
    writeNotesToStderr('alive', context.notes, io.stderr, t, { quiet: request.quiet });
    // The probabilities are in the data; that they are not sound is said beside it (a note: --quiet leaves it out).
    const notSound: Problem = { code: 'bgnbd-not-sound', severity: 'note', details: { params: bgNbdParamsText(fit, t) } };
    if (!purchaseModelSound(result.alive) && noteToStderr('alive', notSound, { quiet: request.quiet })) io.stderr.write(problemLine(notSound, t));
  }
  const chunks =
    request.format === 'table'
      ? tableFitted(true, io, renderAliveTerminal(model, context, { chalk: chalkFor(io, request.color), top: request.top, t, width: terminalWidth(io.stdout, io.env) }))
      : request.format === 'json'
        ? renderAliveJson(model)
        : request.format === 'ndjson'
          ? renderAliveNdjson(result)
          : renderAliveCsv(result, request.safeCsv === true);
  // exceljs is loaded only when a workbook is asked for.
  if (request.output !== undefined) {
    const workbook = await import('../report/workbook/index.js');
    await workbook.writeModelWorkbook(request.output, { asOf: result.asOf, alive: result.alive, spend: model.spend, value: null, holdout: model.holdout }, context, new Date(), t);
  }
  await writeAll(io.stdout, chunks);
  if (request.output !== undefined && io.stderr.isTTY === true) io.stderr.write(`kam: ${t.cli.workbookWritten(request.output)}\n`);
  return 0;
}
