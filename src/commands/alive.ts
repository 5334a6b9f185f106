// `kam alive`: BG/NBD over every client's purchase days up to the as-of day; the parameters,
// P(alive) and expected purchase days per client (SPEC §6).
import { aliveTable } from '../core/alive.js';
import { KamError } from '../core/problems.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { renderAliveCsv, renderAliveJson, renderAliveTerminal } from '../report/alive-report.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';
import { chalkFor, writeAll, type CommandIo } from './context.js';
import { readLedgerWithProgress, runContextOf, sheetsRead } from './read-report.js';
import { noteToStderr } from './stderr-notes.js';

export type AliveFormat = 'table' | 'csv' | 'json';
export const ALIVE_FORMATS: readonly AliveFormat[] = ['table', 'csv', 'json'];

export interface AliveRequest {
  files: string[];
  read: LedgerReadOptions;
  /** undefined: the ledger's last day. */
  asOf: number | undefined;
  horizonWeeks: number;
  format: AliveFormat;
  top: number;
  color: boolean;
  version: string;
  t: Messages;
}

export async function runAlive(request: AliveRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  const read = await readLedgerWithProgress(request.files, request.read, io, t);
  const context = runContextOf(read, request.version);
  const ledger = read.ledger;
  if (ledger.lastDay === undefined) throw new KamError({ code: 'no-rows' });
  const result = aliveTable(ledger, request.asOf ?? ledger.lastDay, request.horizonWeeks);
  // Too few clients (or no repeat buyer) to fit: a data problem, exit 1.
  if (result.alive.fit === null) throw new KamError({ ...result.alive.problem!, severity: 'error' });
  if (request.format !== 'table') {
    for (const note of sheetsRead(context.inputs)) io.stderr.write(problemLine(note, t));
    for (const note of context.notes) if (noteToStderr('alive', note)) io.stderr.write(problemLine(note, t));
  }
  const chunks =
    request.format === 'table'
      ? renderAliveTerminal(result, context, { chalk: chalkFor(io, request.color), top: request.top, t })
      : request.format === 'json'
        ? renderAliveJson(result)
        : renderAliveCsv(result);
  await writeAll(io.stdout, chunks);
  return 0;
}
