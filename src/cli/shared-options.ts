// Options shared by the commands that read a ledger and analyse it.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { usage } from './options.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
/** Options shared by every command that reads a ledger. */
export function addLedgerOptions(command: Command): Command {
  return command
    .option('--map <role=Header>', 'use column Header for a role (client, date, amount, quantity, price, profit, document, product); repeatable', collect)
    .option('--sheet <name>', 'xlsx: read this sheet (default: the first)')
    .option('--encoding <name>', 'CSV encoding: utf8 or windows-1251 (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter: , ; tab | (default: detected)')
    .option('--decimal <char>', 'decimal separator: . or , (default: detected)')
    .option('--date-format <format>', 'dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd or serial (default: detected)')
    .option('--strict', 'stop at the first row that cannot be read instead of skipping it');
}

export function addWindowOptions(command: Command): Command {
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

/** The ledger files of a command; standard input when none is given and something is piped in. */
export function inputFiles(files: string[], io: CommandIo): string[] {
  if (files.length > 0) {
    if (files.filter((f) => f === '-').length > 1) throw usage('standard input (-) can be read only once');
    return files;
  }
  if ((io.stdin as { isTTY?: boolean }).isTTY === true) throw usage('no ledger given', 'give FILE… or pipe one in');
  return ['-'];
}

/** --top N: how many rows a terminal table shows. */
export function topOption(value: string | undefined, fallback: number): number {
  const top = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(top) || top < 1) throw usage(`--top must be a whole number above 0, not "${value}"`);
  return top;
}
