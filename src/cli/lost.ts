// `kam lost` wiring.
import { Option, type Command } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { LOST_FORMATS, LOST_TABLES, runLost, type LostFormat, type LostTable } from '../commands/lost.js';
import { analysisSettings, readOptions, usage, type RawAnalysisOptions, type RawReadOptions } from './options.js';
import { addCommonOptions, resolveOptions, type RunState } from './settings.js';
import { addFailOnOption, addLedgerOptions, addWindowOptions, failOnOption, inputFiles, topOption } from './shared-options.js';

type LostCliOptions = RawReadOptions & RawAnalysisOptions & { format?: string; table?: string; top?: string; color: boolean; failOn?: string; clients?: string };

function lostFormat(value: string | undefined, stdoutIsTty: boolean): LostFormat {
  if (value === undefined) return stdoutIsTty ? 'table' : 'csv';
  if ((LOST_FORMATS as readonly string[]).includes(value)) return value as LostFormat;
  throw usage('oneOf', { flag: '--format', allowed: LOST_FORMATS, value });
}

export function registerLost(program: Command, io: CommandIo, version: string, setExit: (code: number) => void, state: RunState): void {
  const lost = program
    .command('lost')
    .description('lost and at-risk clients: the win-back list and churn per period (and per --direction)')
    .argument('[files...]', 'CSV, .csv.gz or .xlsx ledgers; - or a pipe for standard input');
  addLedgerOptions(lost);
  addWindowOptions(lost);
  addFailOnOption(lost);
  lost
    .option('--format <format>', `output: ${LOST_FORMATS.join(', ')} (default: table on a terminal, csv otherwise)`)
    .option('--clients <file>', 'client attributes (CSV or xlsx): image-makers count as key clients for the win-back list and --fail-on')
    .option('--breadwinner-share <percent>', 'breadwinner (a key client): at least this share of total profit (revenue without a profit column) (default: 10)')
    .addOption(new Option('--table <table>', 'which table --format csv writes (default: win-back)').choices([...LOST_TABLES]))
    .option('--top <n>', 'clients shown in the terminal win-back list (default: 50)')
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)');
  addCommonOptions(lost);
  lost.action(async (files: string[], _options: unknown, command: Command) => {
      const { options, t } = resolveOptions<LostCliOptions>(command, 'lost', io, state);
      setExit(
        await runLost(
          {
            files: inputFiles(files, io),
            read: readOptions(options),
            settings: analysisSettings(options, io.today),
            format: lostFormat(options.format, io.stdout.isTTY === true),
            table: (options.table as LostTable | undefined) ?? 'win-back',
            top: topOption(options.top, 50),
            color: options.color,
            failOn: failOnOption(options.failOn),
            clients: options.clients,
            version,
            t,
          },
          io,
        ),
      );
    });
}
