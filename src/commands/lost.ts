// `kam lost`: the win-back list and churn dynamics (SPEC §6); `--fail-on lost-key` for scheduled runs.
import type { Analysis } from '../core/analyze.js';
import type { Problem } from '../core/problems.js';
import type { AnalysisSettings } from '../core/settings.js';
import { lostKeyClients, lostReport } from '../core/win-back.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { renderChurnCsv, renderLostJson, renderWinBackCsv } from '../report/lost-data.js';
import { renderLostTerminal } from '../report/lost-terminal.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';
import { readAndAnalyze } from './analyze.js';
import { chalkFor, writeAll, type CommandIo } from './context.js';

/** Conditions under which a run exits 3 after writing its output (SPEC §10). */
export const FAIL_ON_CONDITIONS = ['lost-key'] as const;
export type FailOn = (typeof FAIL_ON_CONDITIONS)[number];

/** Exit status for --fail-on: 3 (with one line on stderr) when a condition holds, else 0. */
export function failOnStatus(analysis: Analysis, failOn: readonly FailOn[], io: CommandIo, t: Messages): number {
  if (!failOn.includes('lost-key')) return 0;
  const lost = lostKeyClients(analysis);
  if (lost.length === 0) return 0;
  io.stderr.write(problemLine({ code: 'lost-key-clients', severity: 'warning', details: { count: lost.length, clients: lost } }, t, false));
  return 3;
}

/** The note that p_alive is empty (too few clients, no repeat buyer): worth a line on stderr. */
export function pAliveMissing(note: Problem): boolean {
  return note.code === 'bgnbd-not-fitted' && note.value !== 'no-convergence';
}

export type LostFormat = 'table' | 'csv' | 'json';
export const LOST_FORMATS: readonly LostFormat[] = ['table', 'csv', 'json'];
export type LostTable = 'win-back' | 'churn';
export const LOST_TABLES: readonly LostTable[] = ['win-back', 'churn'];

export interface LostRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: LostFormat;
  /** Which table --format csv writes. */
  table: LostTable;
  top: number;
  color: boolean;
  failOn: FailOn[];
  /** --clients FILE: attributes (image-makers are key clients). */
  clients?: string | undefined;
  version: string;
  t: Messages;
}

export async function runLost(request: LostRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  const { analysis, context } = await readAndAnalyze(request.files, request.read, request.settings, io, request.version, { clients: request.clients }, t);
  const report = lostReport(analysis);
  const directionColumn = request.read.map.direction ?? null;
  if (request.format !== 'table') {
    for (const note of [...context.notes, ...analysis.notes]) {
      if (note.severity !== 'note' || note.code === 'rows-skipped' || pAliveMissing(note)) io.stderr.write(problemLine(note, t));
    }
  }
  const chunks =
    request.format === 'table'
      ? renderLostTerminal(analysis, report, context, { chalk: chalkFor(io, request.color), top: request.top, directionColumn, t })
      : request.format === 'json'
        ? renderLostJson(report, { directionColumn, period: analysis.settings.period })
        : request.table === 'churn'
          ? renderChurnCsv(report)
          : renderWinBackCsv(report);
  await writeAll(io.stdout, chunks);
  return failOnStatus(analysis, request.failOn, io, t);
}
