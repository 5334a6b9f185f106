// `kam client` wiring.
import type { Command } from 'commander';
import { CLIENT_FORMATS, runClient, type ClientFormat } from '../commands/client.js';
import type { CommandIo } from '../commands/context.js';
import { analysisSettings, readOptions, usage, type RawAnalysisOptions, type RawReadOptions } from './options.js';
import { addLedgerOptions, addSegmentOptions, addWindowOptions, compareOption, inputFiles } from './shared-options.js';

type ClientCliOptions = RawReadOptions & RawAnalysisOptions & { format?: string; color: boolean; clients?: string; compare?: string };

function clientFormat(value: string | undefined, stdoutIsTty: boolean): ClientFormat {
  if (value === undefined) return stdoutIsTty ? 'table' : 'json';
  if ((CLIENT_FORMATS as readonly string[]).includes(value)) return value as ClientFormat;
  throw usage(`--format must be one of ${CLIENT_FORMATS.join(', ')}, not "${value}"`);
}

export function registerClient(program: Command, io: CommandIo, version: string, setExit: (code: number) => void): void {
  const client = program
    .command('client')
    .description("one client's card: totals and shares, classes now and before, tags, rhythm and status, per-period purchases, products, directions, attributes")
    .argument('<ledger-and-name...>', 'LEDGER... NAME: CSV, .csv.gz or .xlsx ledgers (or a pipe), then the client as the ledger names it');
  addLedgerOptions(client);
  addWindowOptions(client);
  addSegmentOptions(client, 'the earlier window the card compares with: previous (default, same length) or FROM..TO');
  client
    .option('--format <format>', `output: ${CLIENT_FORMATS.join(', ')} (default: table on a terminal, json otherwise)`)
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)')
    .action(async (args: string[], options: ClientCliOptions) => {
      const name = args[args.length - 1]!;
      if (name.trim() === '') throw usage('the client NAME is empty', 'kam client LEDGER... NAME');
      const files = args.slice(0, -1);
      setExit(
        await runClient(
          {
            files: inputFiles(files, io),
            name,
            read: readOptions(options),
            settings: analysisSettings(options, io.today),
            clients: options.clients,
            compare: compareOption(options.compare, io.today),
            format: clientFormat(options.format, io.stdout.isTTY === true),
            color: options.color,
            version,
          },
          io,
        ),
      );
    });
}
