// Commander wiring and nothing else: options in, a command's exit status out.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { runAnalyze } from '../commands/analyze.js';
import type { CommandIo } from '../commands/context.js';
import { KamError, isUsageProblem } from '../core/problems.js';
import { renderProblem } from '../report/messages.js';
import { REPORTER_NAMES } from '../report/reporters.js';
import { analysisSettings, readOptions, reporterName, usage, type RawAnalysisOptions, type RawReadOptions } from './options.js';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Options shared by every command that reads a ledger. */
function addLedgerOptions(command: Command): Command {
  return command
    .option('--map <role=Header>', 'use column Header for a role (client, date, amount, quantity, price, profit, document, product); repeatable', collect)
    .option('--sheet <name>', 'xlsx: read this sheet (default: the first)')
    .option('--encoding <name>', 'CSV encoding: utf8 or windows-1251 (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter: , ; tab | (default: detected)')
    .option('--decimal <char>', 'decimal separator: . or , (default: detected)')
    .option('--date-format <format>', 'dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd or serial (default: detected)')
    .option('--strict', 'stop at the first row that cannot be read instead of skipping it');
}

function addWindowOptions(command: Command): Command {
  return command
    .option('--as-of <date>', 'the day the analysis looks from: YYYY-MM-DD, DD.MM.YYYY or today (default: the last date in the ledger)')
    .option('--from <date>', 'first day of the window (its whole period is taken)')
    .option('--to <date>', 'last day of the window (its whole period is taken)')
    .option('--include-partial', 'keep a first or last period that the ledger covers only in part')
    .addOption(new Option('--period <period>', 'period for XYZ and the window').choices(['month', 'quarter', 'week']))
    .addOption(new Option('--by <metric>', 'ABC metric').choices(['revenue', 'profit', 'quantity']))
    .option('--abc <a,b>', 'ABC cut-offs, cumulative percent (default: 80,95)')
    .addOption(new Option('--abc-boundary <rule>', 'include: the client crossing a cut-off is in the higher class; exclude: it is not').choices(['include', 'exclude']))
    .option('--xyz <x,y>', 'XYZ cut-offs, CV percent (default: 10,25)')
    .addOption(new Option('--xyz-start <start>', "start a client's series at its first purchase or at the window start").choices(['first', 'window']))
    .addOption(new Option('--sd <kind>', 'standard deviation for the CV').choices(['population', 'sample']))
    .option('--min-periods <n>', 'fewest periods in a series for an XYZ class (default: 3)')
    .option('--lost-after <days>', 'absolute rule: lost after this many days without a purchase (default: 180)')
    .option('--lost-factor <k>', 'lost when silent longer than k × the usual interval (default: 3)')
    .option('--risk-factor <k>', 'at risk when silent longer than k × the usual interval (default: 1.5)');
}

type AnalyzeCliOptions = RawReadOptions & RawAnalysisOptions & { format?: string; top?: string; color: boolean };

function inputs(files: string[], io: CommandIo): string[] {
  if (files.length > 0) {
    if (files.filter((f) => f === '-').length > 1) throw usage('standard input (-) can be read only once');
    return files;
  }
  if ((io.stdin as { isTTY?: boolean }).isTTY === true) throw usage('no ledger given', 'kam analyze FILE… or pipe one in');
  return ['-'];
}

export function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
  const program = new Command('kam')
    .description('Key-account analysis of a sales ledger: ABC-XYZ matrix, key clients, lost clients')
    .version(VERSION)
    .showHelpAfterError('(kam --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  const analyze = program
    .command('analyze')
    .description('ABC-XYZ analysis of a ledger: summary, matrix and top clients, or the per-client table')
    .argument('[files...]', 'CSV, .csv.gz or .xlsx ledgers; - or a pipe for standard input');
  addLedgerOptions(analyze);
  addWindowOptions(analyze);
  analyze
    .option('--format <format>', `output: ${REPORTER_NAMES.join(', ')} (default: table on a terminal, csv otherwise)`)
    .option('--top <n>', 'clients shown in the terminal table (default: 20)')
    .option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)')
    .action(async (files: string[], options: AnalyzeCliOptions) => {
      const top = options.top === undefined ? 20 : Number(options.top);
      if (!Number.isInteger(top) || top < 1) throw usage(`--top must be a whole number above 0, not "${options.top}"`);
      setExit(
        await runAnalyze(
          {
            files: inputs(files, io),
            read: readOptions(options),
            settings: analysisSettings(options, io.today),
            format: reporterName(options.format, io.stdout.isTTY === true),
            top,
            color: options.color,
            version: VERSION,
          },
          io,
        ),
      );
    });
  return program;
}

/** Runs kam with argv (without node and script); resolves to the exit status. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed its one-line error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof KamError) {
      io.stderr.write(`kam: ${renderProblem(error.problem)}\n`);
      return isUsageProblem(error.problem) ? 2 : 1;
    }
    // A bug, not bad input: still one line, but say where to look.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`kam: internal error: ${message} (set KAM_DEBUG=1 for the stack)\n`);
    if (io.env.KAM_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

export async function main(): Promise<void> {
  // `kam … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const now = new Date();
  const io: CommandIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    today: Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000),
  };
  const code = await run(process.argv.slice(2), io);
  process.exitCode = code;
}
