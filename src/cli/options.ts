// Every option kam takes, declared once: flag, help, help group, how a config file writes it, the
// default, and a parser that refuses a bad value with kam's own usage error (exit 2, in the run's
// language). Parsed values are canonical — what `kam config --format json` shows and a config file
// writes: numbers as numbers, cut-offs as [80, 95] (percent), --map as {role: "Header"}.
import { Option } from 'commander';
import { HISTORY_EVERY } from '../core/history.js';
import { PERIOD_KINDS } from '../core/periods.js';
import { DEFAULT_HORIZON_WEEKS } from '../core/expected-revenue.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings.js';
import type { CompareSpec } from '../core/compare.js';
import { LANGS } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import { CONFIG_FILE_NAME } from '../io/config-file.js';
import { COLUMN_ROLES, parseMapOption } from '../io/columns.js';
import { SQL_DIALECT_NAMES } from '../io/sql/index.js';
import { parseDateFormatOption, parseDayArgument } from '../io/dates.js';
import { parseEncodingOption, type Delimiter } from '../io/dialect.js';
import { currencyCodeOf, parseDecimalOption } from '../io/numbers.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { FAIL_ON_CONDITIONS, type FailOn } from '../commands/fail-on.js';
import type { SettingValue as Value } from '../report/settings.js';

export type { Value };
/** How a value is written in a config file. */
export type Kind = 'string' | 'number' | 'boolean' | 'cutoffs' | 'map' | 'list';

export interface OptionDef {
  flags: string;
  help: string;
  group: 'Ledger' | 'Window' | 'Classes' | 'Lost' | 'Segments' | 'Output';
  kind?: Kind;
  /** A config file's value is checked against these (configBadChoice); help lists them. */
  choices?: readonly string[];
  parse?: (text: string, previous: unknown) => Value;
  default?: Value;
  /** Read from the command line only: never from a config file, and not listed by kam config. */
  cliOnly?: boolean;
  /** The command refuses to run without it. */
  mandatory?: boolean;
}

const pct = (x: number): number => Math.round(x * 1000) / 10;
const d = DEFAULT_SETTINGS;

export const oneOf = (flag: string, allowed: readonly string[], key: 'oneOf' | 'lang' = 'oneOf') => (value: string): string => {
  if (allowed.includes(value)) return value;
  throw usage(key, { flag, allowed, value });
};
const number = (flag: string, check: (n: number) => boolean, key: 'positiveNumber' | 'horizon' | 'top' = 'positiveNumber') => (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || !check(n)) throw usage(key, { flag, value });
  return n;
};
const positive = (flag: string) => number(flag, () => true);
const whole = (flag: string) => (value: string): number => {
  const n = positive(flag)(value);
  if (!Number.isInteger(n)) throw usage('wholeNumber', { flag, value });
  return n;
};
/** "80,95" → [80, 95]: two increasing percentages. */
const cutoffs = (flag: string, example: string, max: number) => (value: string): number[] => {
  const [a, b, ...rest] = value.split(',').map((p) => Number(p.trim()));
  if (rest.length > 0 || a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || a <= 0 || b <= a || b > max) {
    throw usage('cutoffs', { flag, example, value });
  }
  return [a, b];
};
/** A value kept as typed once `ok` accepts it; the usage key names what is wrong otherwise. */
const checked = (flag: string, ok: (v: string) => unknown, key: 'date' | 'encoding' | 'delimiter' | 'decimal' | 'dateFormat' | 'compare') => (value: string): string => {
  if (ok(value) === undefined) throw usage(key, { flag, value });
  return value;
};
const date = (flag: string) => checked(flag, (v) => parseDayArgument(v, 0), 'date');

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', '\t': '\t', tab: '\t', '\\t': '\t', '|': '|', pipe: '|' };

/** --currency: an ISO code (kzt → KZT) or a mark the reader knows (₸, тг, $ …), as its code. */
export function currencyCode(value: string): string {
  const code = currencyCodeOf(value);
  if (code === null) throw usage('currency', { flag: '--currency', value });
  return code;
}

/** --compare previous | FROM..TO (dates as for --from/--to). */
export function compareSpec(value: string | undefined, today: number): CompareSpec | undefined {
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


const opt = (flags: string, group: OptionDef['group'], help: string, more: Partial<OptionDef> = {}): OptionDef => ({ flags, group, help, ...more });
const choice = (flags: string, group: OptionDef['group'], help: string, choices: readonly string[], dflt?: string): OptionDef =>
  opt(flags, group, help, { choices, parse: oneOf(flags.split(' ')[0]!, choices), ...(dflt === undefined ? {} : { default: dflt }) });
const mapEntry = (value: string, previous: unknown): Record<string, string> => {
  const parsed = parseMapOption(value);
  if (parsed === undefined) throw usage('map', { flag: '--map', allowed: COLUMN_ROLES, value });
  return { ...(previous as Record<string, string> | undefined), [parsed[0]]: parsed[1] };
};
const failOn = (value: string): string => {
  for (const c of value.split(',').map((v) => v.trim())) if (!(FAIL_ON_CONDITIONS as readonly string[]).includes(c)) throw usage('failOn', { flag: '--fail-on', allowed: FAIL_ON_CONDITIONS, value: c });
  return value;
};
/** --discount RATE: an annual rate from 0 to 1 (0.1 = 10% a year). */
const discountRate = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw usage('discount', { flag: '--discount', value });
  return n;
};
/** --memory SIZE: DuckDB's memory limit, such as 500MB or 2GB. */
const memorySize = (value: string): string => {
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim())) throw usage('memory', { flag: '--memory', value });
  return value.trim();
};
const share = (flag: string) => (value: string): number => {
  const n = positive(flag)(value);
  if (n > 100) throw usage('percentMax', { flag, value });
  return n;
};

/** The options, keyed by commander's attribute name; a command lists the ones it takes. */
export const OPTIONS = {
  map: opt('--map <role=Header>', 'Ledger', 'use column Header for a role (client, date, amount, quantity, price, profit, document, product); repeatable', { kind: 'map', parse: mapEntry }),
  sheet: opt('--sheet <name>', 'Ledger', "xlsx: read this sheet, hidden or not; repeatable; '*' for every visible sheet (default: the first visible sheet with a ledger)", {
    parse: (value, previous) => [...((previous as string[] | undefined) ?? []), value],
  }),
  encoding: opt('--encoding <name>', 'Ledger', 'CSV encoding: utf8 or windows-1251 (default: detected)', { parse: checked('--encoding', parseEncodingOption, 'encoding') }),
  delimiter: opt('--delimiter <char>', 'Ledger', 'CSV delimiter: , ; tab | (default: detected)', { parse: checked('--delimiter', (v) => DELIMITERS[v.toLowerCase()], 'delimiter') }),
  decimal: opt('--decimal <char>', 'Ledger', 'decimal separator: . or , (default: detected)', { parse: checked('--decimal', parseDecimalOption, 'decimal') }),
  dateFormat: opt('--date-format <format>', 'Ledger', 'dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd or serial (default: detected)', {
    parse: checked('--date-format', parseDateFormatOption, 'dateFormat'),
  }),
  strict: opt('--strict', 'Ledger', 'stop at the first row that cannot be read instead of skipping it', { default: false }),
  currency: opt('--currency <code>', 'Ledger', "the amounts' currency, e.g. KZT, shown with totals and amount headers (default: the ledger's mark, ₸, тг, $…, if any); a ledger with another mark is refused", { parse: currencyCode }),
  direction: opt('--direction <column>', 'Ledger', 'the column that splits churn by direction: region, manager, product group…'),
  asOf: opt('--as-of <date>', 'Window', 'the day the analysis looks from: YYYY-MM-DD, DD.MM.YYYY or today (default: the last date in the ledger)', { parse: date('--as-of') }),
  from: opt('--from <date>', 'Window', 'first day of the window (its whole period is taken)', { parse: date('--from') }),
  to: opt('--to <date>', 'Window', 'last day of the window (its whole period is taken)', { parse: date('--to') }),
  includePartial: opt('--include-partial', 'Window', 'keep a first or last period that the ledger covers only in part', { default: false }),
  period: choice('--period <period>', 'Window', 'period for XYZ and the window', PERIOD_KINDS, d.period),
  by: choice('--by <metric>', 'Classes', 'ABC metric', ['revenue', 'profit', 'quantity'], d.by),
  abc: opt('--abc <a,b>', 'Classes', 'ABC cut-offs, cumulative percent', { kind: 'cutoffs', parse: cutoffs('--abc', '80,95', 100), default: d.abcCutoffs.map(pct) }),
  abcBoundary: choice('--abc-boundary <rule>', 'Classes', 'include: the client crossing a cut-off is in the higher class; exclude: it is not', ['include', 'exclude'], d.abcBoundary),
  keyShare: opt('--key-share <percent>', 'Classes', 'key clients: the top clients making up this share of the ABC metric, plus breadwinners and image-makers', {
    kind: 'number',
    parse: share('--key-share'),
    default: pct(d.keyShare),
  }),
  xyz: opt('--xyz <x,y>', 'Classes', 'XYZ cut-offs, CV percent', { kind: 'cutoffs', parse: cutoffs('--xyz', '10,25', Number.POSITIVE_INFINITY), default: d.xyzCutoffs.map(pct) }),
  xyzStart: choice('--xyz-start <start>', 'Classes', "start a client's series at its first purchase or at the window start", ['first', 'window'], d.xyzStart),
  sd: choice('--sd <kind>', 'Classes', 'standard deviation for the CV', ['population', 'sample'], d.sd),
  minPeriods: opt('--min-periods <n>', 'Classes', 'fewest periods in a series for an XYZ class', { kind: 'number', parse: whole('--min-periods'), default: d.minPeriods }),
  lostAfter: opt('--lost-after <days>', 'Lost', 'absolute rule: lost after this many days without a purchase', { kind: 'number', parse: positive('--lost-after'), default: d.lostAfter }),
  lostFactor: opt('--lost-factor <k>', 'Lost', 'lost when silent longer than k × the usual interval', { kind: 'number', parse: positive('--lost-factor'), default: d.lostFactor }),
  riskFactor: opt('--risk-factor <k>', 'Lost', 'at risk when silent longer than k × the usual interval', { kind: 'number', parse: positive('--risk-factor'), default: d.riskFactor }),
  failOn: opt('--fail-on <condition>', 'Lost', `exit 3 after writing the output when: ${FAIL_ON_CONDITIONS.join(', ')} (a key client is lost)`, { kind: 'list', parse: failOn }),
  horizon: opt('--horizon <weeks>', 'Lost', 'expected purchase days and revenue over this many weeks after the as-of day', {
    kind: 'number',
    parse: number('--horizon', (n) => n <= 5200, 'horizon'),
    default: DEFAULT_HORIZON_WEEKS,
  }),
  discount: opt('--discount <rate>', 'Lost', 'discount the expected revenue at this annual rate, e.g. 0.1 (default: none)', { kind: 'number', parse: discountRate }),
  holdout: opt('--holdout <date>', 'Lost', 'fit both models on the purchase days up to this day and judge them on the days after it, to the as-of date', { parse: date('--holdout') }),
  clients: opt('--clients <file>', 'Segments', 'client attributes (CSV or xlsx): a client column, tags (image-maker, expert…), need/can_pay/authority and any other columns'),
  breadwinnerShare: opt('--breadwinner-share <percent>', 'Segments', 'breadwinner: at least this share of total profit (revenue without a profit column)', {
    kind: 'number',
    parse: share('--breadwinner-share'),
    default: pct(d.breadwinnerShare),
  }),
  newWithin: opt('--new-within <months>', 'Segments', 'prospect: first purchase at most this many months before the as-of date', { kind: 'number', parse: whole('--new-within'), default: d.newWithinMonths }),
  compare: opt('--compare <previous|FROM..TO>', 'Segments', 'compare with the previous window of equal length, or with FROM..TO', { parse: checked('--compare', (v) => compareSpec(v, 0), 'compare') }),
  format: opt('--format <format>', 'Output', 'output'),
  output: opt('-o, --output <file.xlsx>', 'Output', 'also write the annotated Excel workbook (written whole or not at all)'),
  portfolioBy: opt('--by <column>', 'Ledger', 'the column that splits clients into portfolios: manager, region, product group… (in a config file: "direction")'),
  every: choice('--every <period>', 'Window', 'take a snapshot at the end of every month or quarter', HISTORY_EVERY, 'month'),
  window: opt('--window <months>', 'Window', "each snapshot's window: the trailing N months", { kind: 'number', parse: whole('--window'), default: 12 }),
  splitBy: opt('--split-by <column>', 'Output', 'with -o: one workbook per value of the column (FILE-<value>.xlsx), each with only its clients'),
  table: choice('--table <table>', 'Output', 'which table --format csv writes', ['win-back', 'churn'], 'win-back'),
  top: opt('--top <n>', 'Output', 'clients shown in the terminal table', { kind: 'number', parse: number('--top', Number.isInteger, 'top'), default: 20 }),
  safeCsv: opt('--safe-csv', 'Output', "CSV: start a text cell that begins with = + - @ with ' so that a spreadsheet does not run it as a formula", { default: false }),
  color: opt('--no-color', 'Output', 'no colours (NO_COLOR and TERM=dumb are honoured too)'),
  quiet: opt('--quiet', 'Output', 'no notes on standard error (warnings and errors still go there)', { default: false }),
  lang: { ...choice('--lang <lang>', 'Output', 'language of the terminal and the workbook (default: from LC_ALL, LC_MESSAGES or LANG, else en)', LANGS), parse: oneOf('--lang', LANGS, 'lang') },
  // Other sources (SPEC §12): they name the source of one run, so the command line only.
  fromTable: opt('--from-table <name>', 'Ledger', 'the table of sale lines in a PostgreSQL database (postgres://…) or a DuckDB file', { cliOnly: true }),
  query: opt('--query <sql>', 'Ledger', 'PostgreSQL: a SELECT whose result is the table of sale lines (instead of --table)', { cliOnly: true }),
  memory: opt('--memory <size>', 'Ledger', 'Parquet and DuckDB: memory cap for DuckDB, such as 2GB (beyond it, it spills to a temp folder)', { cliOnly: true, parse: memorySize }),
  dialect: { ...choice('--dialect <name>', 'Ledger', 'the engine', SQL_DIALECT_NAMES), cliOnly: true, mandatory: true },
  config: opt('--config <file>', 'Output', `settings from this JSON file (default: ${CONFIG_FILE_NAME} in the working directory, when there is one)`),
} satisfies Record<string, OptionDef>;

export type OptionName = keyof typeof OPTIONS;

/** A commander Option from its declaration, with a command's own help or default where it differs. */
export function makeOption(name: OptionName, own: Partial<OptionDef> = {}): Option {
  const def: OptionDef = { ...OPTIONS[name], ...own };
  const option = new Option(def.flags, def.help).helpGroup(`${def.group}:`);
  // choices() only for help's "(choices: …)": kam's parser replaces commander's English refusal.
  if (def.choices !== undefined) option.choices(def.choices);
  if (def.parse !== undefined) option.argParser(def.parse);
  if (def.default !== undefined) option.default(def.default, Array.isArray(def.default) ? def.default.join(',') : String(def.default));
  if (def.mandatory === true) option.makeOptionMandatory();
  return option;
}

/** Options as commander hands them over once parsed (canonical values). */
export type Opts = Record<string, unknown>;

/**
 * --table of the commands whose --table names a database table (kam lost's --table picks the CSV
 * table it writes; its database table is --from-table).
 */
export const SOURCE_TABLE: Partial<OptionDef> = {
  flags: '--table <name>',
  group: 'Ledger',
  help: 'the table of sale lines in a PostgreSQL database (postgres://…) or a DuckDB file',
  choices: undefined,
  parse: undefined,
  default: undefined,
  cliOnly: true,
};

/** How a ledger is read; `table` names the option that holds the database table (--table, or kam lost's --from-table). */
export function readOptions(o: Opts, table: 'table' | 'fromTable' = 'table'): LedgerReadOptions {
  const map: Record<string, string> = { ...(o.map as Record<string, string> | undefined) };
  if (o.direction !== undefined) map.direction = o.direction as string;
  const text = (key: string): string | undefined => o[key] as string | undefined;
  return {
    map,
    sheets: o.sheet as string[] | undefined,
    encoding: text('encoding') === undefined ? undefined : parseEncodingOption(text('encoding')!),
    delimiter: text('delimiter') === undefined ? undefined : DELIMITERS[text('delimiter')!.toLowerCase()],
    decimal: text('decimal') === undefined ? undefined : parseDecimalOption(text('decimal')!),
    dateFormat: text('dateFormat') === undefined ? undefined : parseDateFormatOption(text('dateFormat')!),
    strict: o.strict === true,
    ...sources(o[table] as string | undefined, text('query'), text('memory')),
    currency: o.currency as string | undefined,
  };
}

function sources(table: string | undefined, query: string | undefined, memory: string | undefined): Pick<LedgerReadOptions, 'table' | 'query' | 'memory'> {
  if (table !== undefined && query !== undefined) throw usage('tableOrQuery', { flag: '--query' });
  return { table, query, memory };
}

export const dayOf = (value: unknown, today: number): number | undefined => (value === undefined ? undefined : parseDayArgument(value as string, today));

/** The analysis settings from parsed options; an option the command does not take keeps its default. */
export function analysisSettings(o: Opts, today: number): AnalysisSettings {
  const given = <T>(key: string, fallback: T): T => (o[key] === undefined ? fallback : (o[key] as T));
  const abc = given<number[] | undefined>('abc', undefined);
  const xyz = given<number[] | undefined>('xyz', undefined);
  const s: AnalysisSettings = {
    ...DEFAULT_SETTINGS,
    asOf: dayOf(o.asOf, today),
    from: dayOf(o.from, today),
    to: dayOf(o.to, today),
    includePartial: o.includePartial === true,
    period: given('period', d.period),
    by: given('by', d.by),
    abcCutoffs: abc === undefined ? d.abcCutoffs : [abc[0]! / 100, abc[1]! / 100],
    abcBoundary: given('abcBoundary', d.abcBoundary),
    xyzCutoffs: xyz === undefined ? d.xyzCutoffs : [xyz[0]! / 100, xyz[1]! / 100],
    xyzStart: given('xyzStart', d.xyzStart),
    sd: given('sd', d.sd),
    minPeriods: given('minPeriods', d.minPeriods),
    lostAfter: given('lostAfter', d.lostAfter),
    lostFactor: given('lostFactor', d.lostFactor),
    riskFactor: given('riskFactor', d.riskFactor),
  };
  if (s.from !== undefined && s.to !== undefined && s.to < s.from) throw usage('toBeforeFrom', { flag: '--to' });
  if (o.breadwinnerShare !== undefined) s.breadwinnerShare = (o.breadwinnerShare as number) / 100;
  if (o.newWithin !== undefined) s.newWithinMonths = o.newWithin as number;
  if (o.horizon !== undefined) s.horizonWeeks = o.horizon as number;
  if (o.discount !== undefined) s.annualDiscount = o.discount as number;
  if (o.keyShare !== undefined) s.keyShare = (o.keyShare as number) / 100;
  return s;
}

export function failOnList(value: unknown): FailOn[] {
  return value === undefined ? [] : ([...new Set((value as string).split(',').map((v) => v.trim()))] as FailOn[]);
}

/** The long flag of an option as the user types it: --lost-after, --no-color, --output. */
export const longFlag = (name: OptionName): string => /--[\w-]+/.exec(OPTIONS[name].flags)![0];
