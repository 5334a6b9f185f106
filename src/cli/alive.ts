// `kam alive` wiring.
import type { Command } from 'commander';
import { ALIVE_FORMATS, runAlive, type AliveFormat } from '../commands/alive.js';
import type { CommandIo } from '../commands/context.js';
import { analysisSettings, readOptions, usage, type RawReadOptions } from './options.js';
import { addCommonOptions, resolveOptions, type RunState } from './settings.js';
import { addLedgerOptions, inputFiles, topOption } from './shared-options.js';

type AliveCliOptions = RawReadOptions & { asOf?: string; horizon?: string; format?: string; top?: string; color: boolean };

export const DEFAULT_HORIZON_WEEKS = 52;

function aliveFormat(value: string | undefined, stdoutIsTty: boolean): AliveFormat {
  if (value === undefined) return stdoutIsTty ? 'table' : 'csv';
  if ((ALIVE_FORMATS as readonly string[]).includes(value)) return value as AliveFormat;
  throw usage('oneOf', { flag: '--format', allowed: ALIVE_FORMATS, value });
}

function horizonOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_HORIZON_WEEKS;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 5200) throw usage('horizon', { flag: '--horizon', value });
  return n;
}

export function registerAlive(program: Command, io: CommandIo, version: string, setExit: (code: number) => void, state: RunState): void {
  const alive = program
    .command('alive')
    .description('BG/NBD fit over every client: r, α, a, b, log-likelihood; per client P(alive) and expected purchase days')
    .argument('[files...]', 'CSV, .csv.gz or .xlsx ledgers; - or a pipe for standard input');
  addLedgerOptions(alive);
  alive
    .option('--as-of <date>', 'fit on the purchase days up to this day: YYYY-MM-DD, DD.MM.YYYY or today (default: the last date in the ledger)')
    .option('--horizon <weeks>', `expected purchase days over this many weeks after the as-of day (default: ${DEFAULT_HORIZON_WEEKS})`)
    .option('--format <format>', `output: ${ALIVE_FORMATS.join(', ')} (default: table on a terminal, csv otherwise)`)
    .option('--top <n>', 'clients shown in the terminal table (default: 20)')
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)');
  addCommonOptions(alive);
  alive.action(async (files: string[], _options: unknown, command: Command) => {
      const { options, t } = resolveOptions<AliveCliOptions>(command, 'alive', io, state);
      setExit(
        await runAlive(
          {
            files: inputFiles(files, io),
            read: readOptions(options),
            asOf: analysisSettings({ asOf: options.asOf }, io.today).asOf,
            horizonWeeks: horizonOption(options.horizon),
            format: aliveFormat(options.format, io.stdout.isTTY === true),
            top: topOption(options.top, 20),
            color: options.color,
            version,
            t,
          },
          io,
        ),
      );
    });
}
