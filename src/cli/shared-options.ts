// Options shared by the commands that read a ledger and analyse it.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { FAIL_ON_CONDITIONS, type FailOn } from '../commands/lost.js';
import { usage } from './options.js';
import type { CompareSpec } from '../core/compare.js';
import { parseDayArgument } from '../io/dates.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
/** Options shared by every command that reads a ledger. */
export function addLedgerOptions(command: Command): Command {
  return command
    .option('--map <role=Header>', 'use column Header for a role (client, date, amount, quantity, price, profit, document, product); repeatable', collect)
    .option('--sheet <name>', "xlsx: read this sheet; repeatable; '*' for every sheet (default: the first sheet with a ledger)", collect)
    .option('--encoding <name>', 'CSV encoding: utf8 or windows-1251 (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter: , ; tab | (default: detected)')
    .option('--decimal <char>', 'decimal separator: . or , (default: detected)')
    .option('--date-format <format>', 'dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd or serial (default: detected)')
    .option('--strict', 'stop at the first row that cannot be read instead of skipping it')
    .option('--direction <column>', 'the column that splits churn by direction: region, manager, product group…');
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
    if (files.filter((f) => f === '-').length > 1) throw usage('stdinOnce');
    return files;
  }
  if ((io.stdin as { isTTY?: boolean }).isTTY === true) throw usage('noLedger');
  return ['-'];
}

/** --top N: how many rows a terminal table shows. */
export function topOption(value: string | undefined, fallback: number): number {
  const top = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(top) || top < 1) throw usage('top', { flag: '--top', value: String(value) });
  return top;
}

/** --fail-on CONDITION[,CONDITION]: exit 3 after writing the output when a condition holds (SPEC §10). */
export function addFailOnOption(command: Command): Command {
  return command.option('--fail-on <condition>', `exit 3 after writing the output when: ${FAIL_ON_CONDITIONS.join(', ')} (a key client is lost)`);
}

export function failOnOption(value: string | undefined): FailOn[] {
  if (value === undefined) return [];
  const conditions = value.split(',').map((v) => v.trim());
  for (const c of conditions) {
    if (!(FAIL_ON_CONDITIONS as readonly string[]).includes(c)) throw usage('failOn', { flag: '--fail-on', allowed: FAIL_ON_CONDITIONS, value: c });
  }
  return [...new Set(conditions)] as FailOn[];
}

/** Tags and the earlier window (SPEC §7, §8): --clients, --breadwinner-share, --new-within, --compare. */
export function addSegmentOptions(command: Command, compareHelp = 'compare with the previous window of equal length, or with FROM..TO'): Command {
  return command
    .option('--clients <file>', 'client attributes (CSV or xlsx): a client column, tags (image-maker, expert…), need/can_pay/authority and any other columns')
    .option('--breadwinner-share <percent>', 'breadwinner: at least this share of total profit (revenue without a profit column) (default: 10)')
    .option('--new-within <months>', 'prospect: first purchase at most this many months before the as-of date (default: 6)')
    .option('--compare <previous|FROM..TO>', compareHelp);
}

/** --compare previous | FROM..TO (dates as for --from/--to). */
export function compareOption(value: string | undefined, today: number): CompareSpec | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.toLowerCase() === 'previous' || text.toLowerCase() === 'prev') return { kind: 'previous' };
  const parts = text.split('..');
  const from = parts.length === 2 ? parseDayArgument(parts[0]!.trim(), today) : undefined;
  const to = parts.length === 2 ? parseDayArgument(parts[1]!.trim(), today) : undefined;
  if (from === undefined || to === undefined) throw usage('compare', { flag: '--compare', value });
  if (to < from) throw usage('compareOrder', { flag: '--compare', value });
  return { kind: 'range', from, to };
}
