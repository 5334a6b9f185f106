// The command table: each kam command declared once — arguments, options (see options.ts), the
// formats it offers, help examples and the request it makes — and registered by one function.
// Commander does the option plumbing (help groups, defaults, value sources); the config file and
// the locale's language become value sources ('config', 'env') in a preAction hook.
import type { Command } from 'commander';
import { runAlive, ALIVE_FORMATS, type AliveFormat } from '../commands/alive.js';
import { runAggregate } from '../commands/aggregate.js';
import { runAnalyze } from '../commands/analyze.js';
import { runBridge } from '../commands/bridge.js';
import { MOVEMENT_FORMATS, type MovementFormat } from '../report/table-data.js';
import { runHistory } from '../commands/history.js';
import { runPortfolio } from '../commands/portfolio.js';
import type { HistoryEvery } from '../core/history.js';
import { runClient, CLIENT_FORMATS, type ClientFormat } from '../commands/client.js';
import type { CommandIo } from '../commands/context.js';
import { runLost, LOST_FORMATS, type LostFormat, type LostTable } from '../commands/lost.js';
import { runSql } from '../commands/sql.js';
import { missingSqlRoles, type SqlRoles } from '../io/sql/dialect.js';
import type { SqlDialectName } from '../io/sql/index.js';
import { formatDay } from '../core/calendar.js';
import { catalogue, langFromEnv, type Lang, type Messages } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import { REPORTER_NAMES, type ReporterName } from '../report/reporters.js';
import { workbookPath } from '../report/workbook/path.js';
import { loadConfig } from '../io/config-file.js';
import { COMMAND_NAMES, configValues, expandOutputPath, parseConfigValue, type CommandName, type CommandOptions } from './config.js';
import { OPTIONS, SOURCE_TABLE, analysisSettings, compareSpec, dayOf, failOnList, makeOption, oneOf, readOptions, type OptionDef, type OptionName, type Opts } from './options.js';

/** What a run knows beyond one command: its language so far, and which flags came from the config file. */
export interface RunState {
  t: Messages;
  /** Flag → the config file and key that set it: an error about the value names them. */
  fromConfig: Map<string, { file: string; key: string }>;
}

/** What a command's run gets besides its options; format: --format, or a terminal's or a pipe's default. */
type Run = { io: CommandIo; version: string; t: Messages; format: string };

interface CommandDef {
  description: string;
  argument?: readonly [string, string];
  options: readonly OptionName[];
  /** A command's own help or default for an option the others share. */
  own?: Partial<Record<OptionName, Partial<OptionDef>>>;
  formats: readonly string[];
  /** The format when standard output is not a terminal. */
  piped: string;
  examples: readonly string[];
  run: (args: string[], o: Opts, run: Run) => Promise<number>;
}

const LEDGER = ['map', 'sheet', 'encoding', 'delimiter', 'decimal', 'dateFormat', 'strict', 'currency', 'direction'] as const;
const WINDOW = ['asOf', 'from', 'to', 'includePartial', 'period', 'by', 'abc', 'abcBoundary', 'keyShare', 'xyz', 'xyzStart', 'sd', 'minPeriods', 'lostAfter', 'lostFactor', 'riskFactor'] as const;
/** Where the ledger comes from besides files: a database table or query, DuckDB's memory cap (SPEC §12). */
const SOURCE = ['table', 'query', 'memory'] as const;
const SEGMENTS = ['clients', 'breadwinnerShare', 'newWithin', 'compare'] as const;
/** The window's bounds alone (the bridge needs no classes). */
const PERIODS = ['asOf', 'from', 'to', 'includePartial', 'period'] as const;
const LEDGERS: readonly [string, string] = ['[files...]', 'CSV, .csv.gz or .xlsx ledgers; - or a pipe for standard input'];
/** Commands that only kam's command line runs: no config file section, not described by kam config. */
export type ToolName = 'aggregate' | 'sql';

/** The ledger files of a command; standard input when none is given and something is piped in. */
function inputFiles(files: string[], io: CommandIo): string[] {
  if (files.length > 0) {
    if (files.filter((f) => f === '-').length > 1) throw usage('stdinOnce');
    return files;
  }
  if ((io.stdin as { isTTY?: boolean }).isTTY === true) throw usage('noLedger');
  return ['-'];
}

/** What every command's request holds. */
function request(files: string[], o: Opts, { io, version, t, format }: Run, table: 'table' | 'fromTable' = 'table') {
  return { files: inputFiles(files, io), read: readOptions(o, table), format, color: o.color as boolean, quiet: o.quiet === true, version, t };
}

export const COMMANDS: Record<CommandName | ToolName, CommandDef> = {
  analyze: {
    description: 'ABC-XYZ analysis of a ledger: summary, matrix and top clients, or the per-client table',
    argument: LEDGERS,
    options: [...LEDGER, ...SOURCE, ...WINDOW, 'horizon', 'discount', 'failOn', ...SEGMENTS, 'format', 'output', 'splitBy', 'top', 'safeCsv', 'color', 'quiet', 'lang', 'config'],
    own: { table: SOURCE_TABLE },
    formats: REPORTER_NAMES,
    piped: 'csv',
    examples: [
      'kam analyze sales.csv',
      'kam analyze sales.xlsx --period quarter -o report-{date}.xlsx',
      'kam analyze sales.csv --clients clients.csv --compare previous --format json',
      'kam analyze postgres://localhost/shop --table sales --memory 2GB',
    ],
    run: async (files, o, run) => {
      const base = request(files, o, run);
      const settings = analysisSettings(o, run.io.today);
      const output = o.output as string | undefined;
      const segments = { clients: o.clients as string | undefined, compare: compareSpec(o.compare as string | undefined, run.io.today) };
      // -o alone: the workbook is the output; a terminal still shows the summary. {date}: the as-of date or today.
      const path = workbookPath(output === undefined ? undefined : expandOutputPath(output, formatDay(settings.asOf ?? run.io.today)));
      const printReport = output === undefined || o.format !== undefined || run.io.stdout.isTTY === true;
      // --split-by (with -o) names the direction column: the portfolios and the direction columns follow it.
      const splitBy = o.splitBy as string | undefined;
      if (splitBy !== undefined && output === undefined) throw usage('splitByOutput');
      const read = splitBy === undefined ? base.read : { ...base.read, map: { ...base.read.map, direction: splitBy } };
      return runAnalyze(
        { ...base, read, splitBy: splitBy !== undefined, format: base.format as ReporterName, settings, output: path, printReport, top: o.top as number, failOn: failOnList(o.failOn), segments, safeCsv: o.safeCsv === true },
        run.io,
      );
    },
  },
  lost: {
    description: 'lost and at-risk clients: the win-back list and churn per period (and per --direction)',
    argument: LEDGERS,
    options: [...LEDGER, 'fromTable', 'query', 'memory', ...WINDOW, 'horizon', 'discount', 'failOn', 'format', 'clients', 'breadwinnerShare', 'table', 'top', 'safeCsv', 'color', 'quiet', 'lang', 'config'],
    own: {
      clients: { help: 'client attributes (CSV or xlsx): image-makers count as key clients for the win-back list and --fail-on' },
      breadwinnerShare: { help: 'breadwinner (a key client): at least this share of total profit (revenue without a profit column)' },
      top: { help: 'clients shown in the terminal win-back list', default: 50 },
    },
    formats: LOST_FORMATS,
    piped: 'csv',
    examples: [
      'kam lost sales.csv --top 20',
      'kam lost sales.csv --direction Region --format csv --table churn',
      'kam lost sales.csv --clients clients.csv --fail-on lost-key',
      'kam lost postgres://localhost/shop --from-table sales --map client=customer_id',
    ],
    run: async (files, o, run) => {
      const base = request(files, o, run, 'fromTable');
      const rest = { settings: analysisSettings(o, run.io.today), table: o.table as LostTable, top: o.top as number, failOn: failOnList(o.failOn), clients: o.clients as string | undefined, safeCsv: o.safeCsv === true };
      return runLost({ ...base, format: base.format as LostFormat, ...rest }, run.io);
    },
  },
  alive: {
    description: 'BG/NBD and Gamma-Gamma fits over every client: r, α, a, b and p, q, γ; per client P(alive) and expected purchase days; --holdout judges them on later days',
    argument: LEDGERS,
    options: [...LEDGER, ...SOURCE, 'asOf', 'holdout', 'horizon', 'format', 'output', 'top', 'safeCsv', 'color', 'quiet', 'lang', 'config'],
    own: { table: SOURCE_TABLE, asOf: { help: 'fit on the purchase days up to this day: YYYY-MM-DD, DD.MM.YYYY or today (default: the last date in the ledger)' } },
    formats: ALIVE_FORMATS,
    piped: 'csv',
    examples: ['kam alive sales.csv', 'kam alive sales.csv --horizon 26 --format csv > alive.csv', 'kam alive sales.csv --holdout 2026-03-31 -o model.xlsx'],
    run: async (files, o, run) => {
      const base = request(files, o, run);
      const asOf = dayOf(o.asOf, run.io.today);
      const output = o.output as string | undefined;
      const path = workbookPath(output === undefined ? undefined : expandOutputPath(output, formatDay(asOf ?? run.io.today)));
      return runAlive({ ...base, format: base.format as AliveFormat, asOf, holdout: dayOf(o.holdout, run.io.today), output: path, horizonWeeks: o.horizon as number, top: o.top as number, safeCsv: o.safeCsv === true }, run.io);
    },
  },
  client: {
    description: "one client's card: totals and shares, classes now and before, tags, rhythm and status, per-period purchases, products, directions, attributes",
    argument: ['<ledger-and-name...>', 'LEDGER... NAME: CSV, .csv.gz or .xlsx ledgers (or a pipe), then the client as the ledger names it'],
    options: [...LEDGER, ...SOURCE, ...WINDOW, 'horizon', 'discount', ...SEGMENTS, 'format', 'color', 'quiet', 'lang', 'config'],
    own: { table: SOURCE_TABLE, compare: { help: 'the earlier window the card compares with: previous (default, same length) or FROM..TO' } },
    formats: CLIENT_FORMATS,
    piped: 'json',
    examples: ['kam client sales.csv "Magnum Cash&Carry"', 'kam client sales.csv "Magnum Cash&Carry" --clients clients.csv --compare 2025-01-01..2025-06-30', 'kam client sales.csv "magnum cash&carry" --format csv > magnum.csv'],
    run: async (args, o, run) => {
      const name = args[args.length - 1]!;
      if (name.trim() === '') throw usage('emptyName');
      const base = request(args.slice(0, -1), o, run);
      const rest = { settings: analysisSettings(o, run.io.today), clients: o.clients as string | undefined, compare: compareSpec(o.compare as string | undefined, run.io.today) };
      return runClient({ ...base, name, format: base.format as ClientFormat, ...rest }, run.io);
    },
  },
  bridge: {
    description: 'revenue bridge per period of the window: start, new, reactivated, expansion, contraction, churned, end (and per --direction value)',
    argument: LEDGERS,
    options: [...LEDGER, ...SOURCE, ...PERIODS, 'format', 'color', 'quiet', 'lang', 'config'],
    own: { table: SOURCE_TABLE },
    formats: MOVEMENT_FORMATS,
    piped: 'csv',
    examples: ['kam bridge sales.csv', 'kam bridge sales.csv --period quarter --direction Manager --format csv > bridge.csv', 'kam bridge sales.csv --format ndjson --quiet | jq .churned'],
    run: async (files, o, { io, t, format }) =>
      runBridge({ files: inputFiles(files, io), read: readOptions(o), settings: analysisSettings(o, io.today), format: format as MovementFormat, color: o.color as boolean, quiet: o.quiet === true, t }, io),
  },
  portfolio: {
    description: 'one row per portfolio (--by manager, region, product group): clients, revenue and share, key clients, A/B/C within the portfolio, statuses, revenue at stake',
    argument: LEDGERS,
    options: [...LEDGER, ...SOURCE, 'portfolioBy', ...WINDOW.filter((n) => n !== 'by'), 'format', 'color', 'quiet', 'lang', 'config'],
    own: { table: SOURCE_TABLE },
    formats: MOVEMENT_FORMATS,
    piped: 'csv',
    examples: ['kam portfolio sales.csv --by Manager', 'kam portfolio sales.csv --by Region --format json', 'kam portfolio sales.csv --by Manager --currency KZT --period quarter'],
    run: async (files, o, { io, version, t, format }) => {
      const column = (o.by as string | undefined) ?? (o.direction as string | undefined);
      if (column === undefined) throw usage('portfolioBy');
      const read = readOptions(o);
      // --by is the column here; classes within each portfolio are by revenue.
      return runPortfolio(
        { files: inputFiles(files, io), read: { ...read, map: { ...read.map, direction: column } }, settings: analysisSettings({ ...o, by: 'revenue' }, io.today), format: format as MovementFormat, color: o.color as boolean, quiet: o.quiet === true, version, t },
        io,
      );
    },
  },
  history: {
    description: 'class history: a snapshot at the end of every month or quarter, each the analysis of the trailing --window months; class paths and stability marks',
    argument: LEDGERS,
    options: [...LEDGER, ...SOURCE, ...WINDOW, 'every', 'window', 'format', 'output', 'top', 'color', 'quiet', 'lang', 'config'],
    own: {
      table: SOURCE_TABLE,
      from: { help: 'first snapshot: the end of the period holding this day (default: the first whose window the ledger covers)' },
      to: { help: 'last snapshot: the end of the last period up to this day' },
      output: { help: "also write the workbook of the last snapshot's analysis, with a History sheet (written whole or not at all)" },
    },
    formats: MOVEMENT_FORMATS,
    piped: 'csv',
    examples: ['kam history sales.csv --every quarter --window 6', 'kam history sales.csv --every month --window 12 --format csv > history.csv', 'kam history sales.csv -o history-{date}.xlsx --quiet'],
    run: async (files, o, { io, version, t, format }) => {
      const settings = analysisSettings(o, io.today);
      const output = o.output as string | undefined;
      return runHistory(
        {
          files: inputFiles(files, io),
          read: readOptions(o),
          settings,
          history: { every: o.every as HistoryEvery, windowMonths: o.window as number },
          format: format as MovementFormat,
          top: o.top as number,
          color: o.color as boolean,
          quiet: o.quiet === true,
          output: workbookPath(output === undefined ? undefined : expandOutputPath(output, formatDay(settings.asOf ?? io.today))),
          printReport: output === undefined || o.format !== undefined || io.stdout.isTTY === true,
          version,
          t,
        },
        io,
      );
    },
  },
  aggregate: {
    description: 'write the day ledger of a ledger (any source): one row per client and day, read by kam as it is',
    argument: ['[files...]', 'ledgers: CSV, .csv.gz, .xlsx, Parquet, DuckDB or postgres://… (with --table or --query)'],
    options: [...LEDGER, ...SOURCE, 'output', 'quiet', 'lang'],
    own: { table: SOURCE_TABLE, output: { flags: '-o, --output <file>', help: 'the day ledger: a .csv or .parquet file (written whole or not at all)', mandatory: true } },
    formats: [],
    piped: '',
    examples: ['kam aggregate sales.csv -o day.parquet', 'kam aggregate postgres://localhost/shop --table sales --direction region -o day.csv'],
    run: async (files, o, { io, t }) => {
      const output = o.output as string;
      if (!/\.(csv|parquet)$/i.test(output)) throw usage('aggregateOutput', { flag: '--output', value: output });
      return runAggregate({ files: inputFiles(files, io), read: readOptions(o), output, quiet: o.quiet === true, t }, io);
    },
  },
  sql: {
    description: 'print the statement that turns a table of sale lines into a day ledger inside a database engine',
    options: ['dialect', 'from', 'map', 'direction', 'currency', 'lang'],
    own: {
      from: { flags: '--from <table>', help: 'the table of sale lines, or a table expression such as "(SELECT …) t"', parse: undefined, group: 'Ledger', mandatory: true },
      map: { help: 'the column of a role (client, date, amount or quantity and price, profit, document, product); repeatable' },
      direction: { help: 'the column that splits churn by direction (direction rows in the day ledger)' },
      currency: { help: "the amounts' currency, e.g. KZT: a currency column in the day ledger (default: the one the amount column's name gives, as in \"Сумма, тг\")" },
    },
    formats: [],
    piped: '',
    examples: ['kam sql --dialect postgres --from sales --map client=customer_id --map date=sold_on --map amount=total', 'kam sql --dialect bigquery --from shop.sales --map client=client --map date=day --map quantity=qty --map price=price'],
    run: async (_args, o, { io }) => {
      const roles: SqlRoles = { ...(o.map as SqlRoles | undefined) };
      if (o.direction !== undefined) roles.direction = o.direction as string;
      const missing = missingSqlRoles(roles);
      if (missing.length > 0) throw usage('sqlRoles', { flag: '--map', allowed: missing, value: missing.join(', ') });
      return runSql({ dialect: o.dialect as SqlDialectName, from: o.from as string, roles, currency: o.currency as string | undefined }, io);
    },
  },
};

const isConfigurable = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);
/** Whether a command reads an option from the command line only (see OptionDef.cliOnly). */
const cliOnly = (def: CommandDef, option: OptionName): boolean => ({ ...OPTIONS[option], ...def.own?.[option] } as OptionDef).cliOnly === true;

/** The options a config file may set and kam config describes, per command: all but the command-line-only ones. */
export const COMMAND_OPTIONS: CommandOptions = Object.fromEntries(COMMAND_NAMES.map((n) => [n, COMMANDS[n].options.filter((o) => !cliOnly(COMMANDS[n], o))])) as unknown as CommandOptions;

/** "Examples:" after a command's help. */
export const examplesText = (examples: readonly string[]): string => `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`;

/** The config file and the locale as value sources under the command line; the run's language from them. */
function applySources(command: Command, name: CommandName, io: CommandIo, state: RunState): void {
  const typed = (attribute: string): boolean => command.getOptionValueSource(attribute) === 'cli';
  const config = loadConfig(typed('config') ? (command.opts().config as string) : undefined, io.cwd ?? process.cwd());
  const found = config === null ? new Map() : configValues(config, name, COMMAND_OPTIONS);
  for (const option of command.options) {
    const hit = found.get(option.attributeName() as OptionName);
    if (hit === undefined || typed(option.attributeName())) continue;
    state.fromConfig.set(option.long!, { file: config!.path, key: hit.section === undefined ? hit.key : `${hit.section}.${hit.key}` });
    command.setOptionValueWithSource(option.attributeName(), parseConfigValue(option, hit.value), 'config');
  }
  const env = langFromEnv(io.env);
  if (command.getOptionValueSource('lang') === undefined && env.variable !== null) command.setOptionValueWithSource('lang', env.lang, 'env');
  state.t = catalogue((command.opts().lang as Lang | undefined) ?? 'en');
}

export function registerCommands(program: Command, io: CommandIo, version: string, setExit: (code: number) => void, state: RunState): void {
  for (const name of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
    const def = COMMANDS[name];
    const format: Partial<OptionDef> = { help: `output: ${def.formats.join(', ')} (default: table on a terminal, ${def.piped} otherwise)`, parse: oneOf('--format', def.formats) };
    const command = program.command(name).description(def.description);
    if (def.argument !== undefined) command.argument(def.argument[0], def.argument[1]);
    for (const option of def.options) command.addOption(makeOption(option, option === 'format' ? format : def.own?.[option]));
    command.addHelpText('after', examplesText(def.examples));
    if (isConfigurable(name)) command.hook('preAction', (_self, action) => applySources(action, name, io, state));
    // Commander hands a command without arguments its options first.
    command.action(async (...given: unknown[]) => {
      const [args, o] = (def.argument === undefined ? [[], given[0]] : given) as [string[], Opts];
      const chosen = (o.format as string | undefined) ?? (io.stdout.isTTY === true ? 'table' : def.piped);
      setExit(await def.run(args, o, { io, version, t: state.t, format: chosen }));
    });
  }
}
