// `kam client LEDGER... NAME`: one client's card (SPEC §8).
import { normalizeClientName } from '../core/ledger.js';
import type { CompareSpec } from '../core/compare.js';
import type { AnalysisSettings } from '../core/settings.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { renderDossierCsv, renderDossierJson, renderDossierNdjson } from '../report/dossier-json.js';
import { renderDossierTerminal } from '../report/dossier-terminal.js';
import type { Messages } from '../i18n/en.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { readReport } from './read-report.js';
import { writeNotesToStderr } from './stderr-notes.js';

/** json: the whole card; csv and ndjson: its per-period table. */
export type ClientFormat = 'table' | 'json' | 'csv' | 'ndjson';
export const CLIENT_FORMATS: readonly ClientFormat[] = ['table', 'json', 'csv', 'ndjson'];

export interface ClientRequest {
  files: string[];
  /** The client as the ledger names it (spaces are trimmed and folded, case is not). */
  name: string;
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  /** --clients FILE. */
  clients: string | undefined;
  /** --compare; the card always shows the earlier window, the previous one by default. */
  compare: CompareSpec | undefined;
  format: ClientFormat;
  color: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  version: string;
  t: Messages;
}

export async function runClient(request: ClientRequest, io: CommandIo): Promise<number> {
  const compare = request.compare ?? { kind: 'previous' as const };
  // The card lists top products: the reader keeps product totals only when asked, and here
  // only for this client (for all of them they cost more than the rest of the ledger).
  const read = { ...request.read, trackProducts: true, productsOf: normalizeClientName(request.name) };
  const t = request.t;
  const { report, context } = await readReport(
    request.files,
    read,
    request.settings,
    io,
    request.version,
    {
      clients: request.clients,
      compare,
    },
    t,
  );
  // Exits 1 with the nearest names when NAME is not a client of the ledger.
  const dossier = report.dossier(request.name);
  writeNotesToStderr('client', [...context.notes, ...report.notes], io.stderr, t, { compareGiven: request.compare !== undefined, quiet: request.quiet });
  const directionColumn = request.read.map.direction ?? null;
  const chunks =
    request.format === 'json'
      ? renderDossierJson(dossier, { directionColumn })
      : request.format === 'csv'
        ? renderDossierCsv(dossier)
        : request.format === 'ndjson'
          ? renderDossierNdjson(dossier)
          : tableFitted(true, io, renderDossierTerminal(dossier, { chalk: chalkFor(io, request.color), directionColumn, t, width: terminalWidth(io.stdout, io.env), currency: report.currency }));
  await writeAll(io.stdout, chunks);
  return 0;
}
