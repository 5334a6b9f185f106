// `kam client` wiring.
import type { Command } from 'commander';
import { CLIENT_FORMATS, runClient, type ClientFormat } from '../commands/client.js';
import type { CommandIo } from '../commands/context.js';
import { analysisSettings, readOptions, usage, type RawAnalysisOptions, type RawReadOptions } from './options.js';
import { addCommonOptions, resolveOptions, type RunState } from './settings.js';
import { addLedgerOptions, addSegmentOptions, addWindowOptions, compareOption, inputFiles } from './shared-options.js';

type ClientCliOptions = RawReadOptions & RawAnalysisOptions & { format?: string; color: boolean; clients?: string; compare?: string };

function clientFormat(value: string | undefined, stdoutIsTty: boolean): ClientFormat {
  if (value === undefined) return stdoutIsTty ? 'table' : 'json';
  if ((CLIENT_FORMATS as readonly string[]).includes(value)) return value as ClientFormat;
  throw usage('oneOf', { flag: '--format', allowed: CLIENT_FORMATS, value });
}

export function registerClient(program: Command, io: CommandIo, version: string, setExit: (code: number) => void, state: RunState): void {
  const client = program
    .command('client')
    .description("one client's card: totals and shares, classes now and before, tags, rhythm and status, per-period purchases, products, directions, attributes")
    .argument('<ledger-and-name...>', 'LEDGER... NAME: CSV, .csv.gz or .xlsx ledgers (or a pipe), then the client as the ledger names it');
  addLedgerOptions(client);
  addWindowOptions(client);
  addSegmentOptions(client, 'the earlier window the card compares with: previous (default, same length) or FROM..TO');
  client
    .option('--format <format>', `output: ${CLIENT_FORMATS.join(', ')} (default: table on a terminal, json otherwise)`)
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)');
  addCommonOptions(client);
  client.action(async (args: string[], _options: unknown, command: Command) => {
      const { options, t } = resolveOptions<ClientCliOptions>(command, 'client', io, state);
      const name = args[args.length - 1]!;
      if (name.trim() === '') throw usage('emptyName');
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
            t,
          },
          io,
        ),
      );
    });
}
