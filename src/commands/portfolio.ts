// `kam portfolio --by COL`: one row per value of the column (SPEC §11).
import type { AnalysisSettings } from '../core/settings.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import type { Messages } from '../i18n/en.js';
import { renderPortfolioCsv, renderPortfolioJson, renderPortfolioNdjson } from '../report/portfolio-data.js';
import { renderPortfolioTerminal } from '../report/portfolio-terminal.js';
import type { MovementFormat } from '../report/table-data.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { notPurchaseModel, terminalWidth } from '../report/terminal-kit.js';
import { readReport } from './read-report.js';
import { writeNotesToStderr } from './stderr-notes.js';

export interface PortfolioRequest {
  files: string[];
  /** map.direction holds the --by column. */
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: MovementFormat;
  color: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  version: string;
  t: Messages;
}

export async function runPortfolio(request: PortfolioRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  const { report, context } = await readReport(request.files, request.read, request.settings, io, request.version, {}, t);
  const portfolios = report.portfolios!;
  // No P(alive) here: the BG/NBD note belongs to kam alive and the win-back list.
  const notes = [...context.notes, ...report.notes.filter(notPurchaseModel)];
  if (request.format !== 'table') writeNotesToStderr('portfolio', notes, io.stderr, t, { quiet: request.quiet });
  const labels = report.analysis.window.labels;
  const chunks =
    request.format === 'table'
      ? tableFitted(true, io, renderPortfolioTerminal(portfolios, notes, { chalk: chalkFor(io, request.color), column: request.read.map.direction!, lastPeriod: labels[labels.length - 1] ?? null, t, currency: report.currency, width: terminalWidth(io.stdout, io.env) }))
      : request.format === 'json'
        ? renderPortfolioJson(portfolios)
        : request.format === 'ndjson'
          ? renderPortfolioNdjson(portfolios)
          : renderPortfolioCsv(portfolios);
  await writeAll(io.stdout, chunks);
  return 0;
}
