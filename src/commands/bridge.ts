// `kam bridge`: the revenue bridge per period of the window, overall and per direction (SPEC §11).
import { revenueBridge } from '../core/bridge.js';
import type { AnalysisSettings } from '../core/settings.js';
import { ledgerWindow } from '../core/window.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { parallelThreads } from '../io/read-csv-parallel.js';
import type { Messages } from '../i18n/en.js';
import { renderBridgeCsv, renderBridgeJson, renderBridgeNdjson } from '../report/bridge-data.js';
import type { MovementFormat } from '../report/table-data.js';
import { renderBridgeTerminal } from '../report/bridge-terminal.js';
import { chalkFor, tableFitted, writeAll, type CommandIo } from './context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { readLedgerWithProgress, readingNotes } from './read-report.js';
import { writeNotesToStderr } from './stderr-notes.js';


export interface BridgeRequest {
  files: string[];
  read: LedgerReadOptions;
  settings: AnalysisSettings;
  format: MovementFormat;
  color: boolean;
  /** --quiet: notes off (warnings and errors still go to stderr). */
  quiet?: boolean;
  t: Messages;
}

export async function runBridge(request: BridgeRequest, io: CommandIo): Promise<number> {
  const t = request.t;
  const read = await readLedgerWithProgress(request.files, { ...request.read, threads: request.read.threads ?? parallelThreads(io.env) }, io, t);
  const window = ledgerWindow(read.ledger, request.settings);
  const bridge = revenueBridge(read.ledger, window, { byDirection: read.ledger.columns.direction });
  const notes = [...readingNotes(read), ...window.notes];
  if (request.format !== 'table') writeNotesToStderr('bridge', notes, io.stderr, t, { quiet: request.quiet });
  const chunks =
    request.format === 'table'
      ? tableFitted(true, io, renderBridgeTerminal(bridge, notes, { chalk: chalkFor(io, request.color), directionColumn: request.read.map.direction ?? null, t, currency: read.ledger.currency?.code ?? null, width: terminalWidth(io.stdout, io.env) }))
      : request.format === 'json'
        ? renderBridgeJson(bridge)
        : request.format === 'ndjson'
          ? renderBridgeNdjson(bridge)
          : renderBridgeCsv(bridge);
  await writeAll(io.stdout, chunks);
  return 0;
}
