// Every option kam takes, declared once: flag, help, help group, how a config file writes it, the
// default, and a parser that refuses a bad value with kam's own usage error (exit 2, in the run's
// language). Parsed values are canonical — what `kam config --format json` shows and a config file
// writes: numbers as numbers, cut-offs as [80, 95] (percent), --map as {role: "Header"}.
import { Option } from 'commander';
import { PERIOD_KINDS } from '../core/periods.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings.js';
import type { CompareSpec } from '../core/compare.js';
import { LANGS } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import { COLUMN_ROLES, parseMapOption } from '../io/columns.js';
import { parseDateFormatOption, parseDayArgument } from '../io/dates.js';
import { parseEncodingOption, type Delimiter } from '../io/dialect.js';
import { parseDecimalOption } from '../io/numbers.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { FAIL_ON_CONDITIONS, type FailOn } from '../commands/lost.js';

/** How a value is written in a config file. */
export type Kind = 'string' | 'number' | 'boolean' | 'cutoffs' | 'map' | 'list';
export type Value = string | number | boolean | number[] | string[] | Record<string, string>;

export interface OptionDef {
  flags: string;
  help: string;
  group: 'Ledger' | 'Window' | 'Classes' | 'Lost' | 'Segments' | 'Output';
  kind?: Kind;
  /** Values a config file is checked against (kept as today's configBadChoice message). */
  choices?: readonly string[];
  parse?: (text: string, previous: unknown) => Value;
  default?: Value;
}

export const CONFIG_FILE_NAME = 'kam.config.json';
const pct = (x: number): number => Math.round(x * 1000) / 10;
const d = DEFAULT_SETTINGS;

export function oneOf(flag: string, allowed: readonly string[], key: 'oneOf' | 'lang' = 'oneOf') {
  return (value: string): string => {
    if (allowed.includes(value)) return value;
    throw usage(key, { flag, allowed, value });
  };
}
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

const choice = (flags: string, allowed: readonly string[], help: string, group: OptionDef['group'], dflt?: string): OptionDef => ({
  flags,
  help,
  group,
  choices: allowed,
  parse: oneOf(flags.split(' ')[0]!, allowed),
  ...(dflt === undefined ? {} : { default: dflt }),
});

/** The options, keyed by commander's attribute name; a command lists the ones it takes. */
export const OPTIONS = {
  map: {
    flags: '--map <role=Header>',
    help: 'use column Header for a role (client, date, amount, quantity, price, profit, document, product); repeatable',
    group: 'Ledger',
    kind: 'map',
    parse: (value: string, previous: unknown): Record<string, string> => {
      const parsed = parseMapOption(value);
      if (parsed === undefined) throw usage('map', { flag: '--map', allowed: COLUMN_ROLES, value });
      return { ...(previous as Record<string, string> | undefined), [parsed[0]]: parsed[1] };
    },
  },
  sheet: {
    flags: '--sheet <name>',
    help: "xlsx: read this sheet; repeatable; '*' for every sheet (default: the first sheet with a ledger)",
    group: 'Ledger',
    parse: (value: string, previous: unknown): string[] => [...((previous as string[] | undefined) ?? []), value],
  },
  encoding: { flags: '--encoding <name>', help: 'CSV encoding: utf8 or windows-1251 (default: detected)', group: 'Ledger', parse: checked('--encoding', parseEncodingOption, 'encoding') },
  delimiter: { flags: '--delimiter <char>', help: 'CSV delimiter: , ; tab | (default: detected)', group: 'Ledger', parse: checked('--delimiter', (v) => DELIMITERS[v.toLowerCase()], 'delimiter') },
  decimal: { flags: '--decimal <char>', help: 'decimal separator: . or , (default: detected)', group: 'Ledger', parse: checked('--decimal', parseDecimalOption, 'decimal') },
  dateFormat: {
    flags: '--date-format <format>',
    help: 'dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd or serial (default: detected)',
    group: 'Ledger',
    parse: checked('--date-format', parseDateFormatOption, 'dateFormat'),
  },
  strict: { flags: '--strict', help: 'stop at the first row that cannot be read instead of skipping it', group: 'Ledger', default: false },
  direction: { flags: '--direction <column>', help: 'the column that splits churn by direction: region, manager, product group…', group: 'Ledger' },
  asOf: { flags: '--as-of <date>', help: 'the day the analysis looks from: YYYY-MM-DD, DD.MM.YYYY or today (default: the last date in the ledger)', group: 'Window', parse: date('--as-of') },
  from: { flags: '--from <date>', help: 'first day of the window (its whole period is taken)', group: 'Window', parse: date('--from') },
  to: { flags: '--to <date>', help: 'last day of the window (its whole period is taken)', group: 'Window', parse: date('--to') },
  includePartial: { flags: '--include-partial', help: 'keep a first or last period that the ledger covers only in part', group: 'Window', default: false },
  period: choice('--period <period>', PERIOD_KINDS, 'period for XYZ and the window', 'Window', d.period),
  by: choice('--by <metric>', ['revenue', 'profit', 'quantity'], 'ABC metric', 'Classes', d.by),
  abc: { flags: '--abc <a,b>', help: 'ABC cut-offs, cumulative percent', group: 'Classes', kind: 'cutoffs', parse: cutoffs('--abc', '80,95', 100), default: d.abcCutoffs.map(pct) },
  abcBoundary: choice('--abc-boundary <rule>', ['include', 'exclude'], 'include: the client crossing a cut-off is in the higher class; exclude: it is not', 'Classes', d.abcBoundary),
  xyz: { flags: '--xyz <x,y>', help: 'XYZ cut-offs, CV percent', group: 'Classes', kind: 'cutoffs', parse: cutoffs('--xyz', '10,25', Number.POSITIVE_INFINITY), default: d.xyzCutoffs.map(pct) },
  xyzStart: choice('--xyz-start <start>', ['first', 'window'], "start a client's series at its first purchase or at the window start", 'Classes', d.xyzStart),
  sd: choice('--sd <kind>', ['population', 'sample'], 'standard deviation for the CV', 'Classes', d.sd),
  minPeriods: { flags: '--min-periods <n>', help: 'fewest periods in a series for an XYZ class', group: 'Classes', kind: 'number', parse: whole('--min-periods'), default: d.minPeriods },
  lostAfter: { flags: '--lost-after <days>', help: 'absolute rule: lost after this many days without a purchase', group: 'Lost', kind: 'number', parse: positive('--lost-after'), default: d.lostAfter },
  lostFactor: { flags: '--lost-factor <k>', help: 'lost when silent longer than k × the usual interval', group: 'Lost', kind: 'number', parse: positive('--lost-factor'), default: d.lostFactor },
  riskFactor: { flags: '--risk-factor <k>', help: 'at risk when silent longer than k × the usual interval', group: 'Lost', kind: 'number', parse: positive('--risk-factor'), default: d.riskFactor },
  failOn: {
    flags: '--fail-on <condition>',
    help: `exit 3 after writing the output when: ${FAIL_ON_CONDITIONS.join(', ')} (a key client is lost)`,
    group: 'Lost',
    kind: 'list',
    parse: (value: string): string => {
      for (const c of value.split(',').map((v) => v.trim())) if (!(FAIL_ON_CONDITIONS as readonly string[]).includes(c)) throw usage('failOn', { flag: '--fail-on', allowed: FAIL_ON_CONDITIONS, value: c });
      return value;
    },
  },
  horizon: {
    flags: '--horizon <weeks>',
    help: 'expected purchase days over this many weeks after the as-of day',
    group: 'Lost',
    kind: 'number',
    parse: number('--horizon', (n) => n <= 5200, 'horizon'),
    default: 52,
  },
  clients: { flags: '--clients <file>', help: 'client attributes (CSV or xlsx): a client column, tags (image-maker, expert…), need/can_pay/authority and any other columns', group: 'Segments' },
  breadwinnerShare: {
    flags: '--breadwinner-share <percent>',
    help: 'breadwinner: at least this share of total profit (revenue without a profit column)',
    group: 'Segments',
    kind: 'number',
    parse: (value: string): number => {
      const n = positive('--breadwinner-share')(value);
      if (n > 100) throw usage('percentMax', { flag: '--breadwinner-share', value });
      return n;
    },
    default: pct(d.breadwinnerShare),
  },
  newWithin: { flags: '--new-within <months>', help: 'prospect: first purchase at most this many months before the as-of date', group: 'Segments', kind: 'number', parse: whole('--new-within'), default: d.newWithinMonths },
  compare: { flags: '--compare <previous|FROM..TO>', help: 'compare with the previous window of equal length, or with FROM..TO', group: 'Segments', parse: checked('--compare', (v) => compareSpec(v, 0), 'compare') },
  format: { flags: '--format <format>', help: 'output', group: 'Output' },
  output: { flags: '-o, --output <file.xlsx>', help: 'also write the annotated Excel workbook (written whole or not at all)', group: 'Output' },
  table: choice('--table <table>', ['win-back', 'churn'], 'which table --format csv writes', 'Output', 'win-back'),
  top: { flags: '--top <n>', help: 'clients shown in the terminal table', group: 'Output', kind: 'number', parse: number('--top', Number.isInteger, 'top'), default: 20 },
  color: { flags: '--no-color', help: 'no colours (NO_COLOR and TERM=dumb are honoured too)', group: 'Output' },
  lang: { ...choice('--lang <lang>', LANGS, 'language of the terminal and the workbook (default: from LC_ALL, LC_MESSAGES or LANG, else en)', 'Output'), parse: oneOf('--lang', LANGS, 'lang') },
  config: { flags: '--config <file>', help: `settings from this JSON file (default: ${CONFIG_FILE_NAME} in the working directory, when there is one)`, group: 'Output' },
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
  return option;
}

/** Options as commander hands them over once parsed (canonical values). */
export type Opts = Record<string, unknown>;

export function readOptions(o: Opts): LedgerReadOptions {
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
  };
}

export const dayOf = (value: unknown, today: number): number | undefined => (value === undefined ? undefined : parseDayArgument(value as string, today));

export function analysisSettings(o: Opts, today: number): AnalysisSettings {
  const [abc, xyz] = [o.abc as number[], o.xyz as number[]];
  const s: AnalysisSettings = {
    ...DEFAULT_SETTINGS,
    asOf: dayOf(o.asOf, today),
    from: dayOf(o.from, today),
    to: dayOf(o.to, today),
    includePartial: o.includePartial === true,
    period: o.period as AnalysisSettings['period'],
    by: o.by as AnalysisSettings['by'],
    abcCutoffs: [abc[0]! / 100, abc[1]! / 100],
    abcBoundary: o.abcBoundary as AnalysisSettings['abcBoundary'],
    xyzCutoffs: [xyz[0]! / 100, xyz[1]! / 100],
    xyzStart: o.xyzStart as AnalysisSettings['xyzStart'],
    sd: o.sd as AnalysisSettings['sd'],
    minPeriods: o.minPeriods as number,
    lostAfter: o.lostAfter as number,
    lostFactor: o.lostFactor as number,
    riskFactor: o.riskFactor as number,
  };
  if (s.from !== undefined && s.to !== undefined && s.to < s.from) throw usage('toBeforeFrom', { flag: '--to' });
  if (o.breadwinnerShare !== undefined) s.breadwinnerShare = (o.breadwinnerShare as number) / 100;
  if (o.newWithin !== undefined) s.newWithinMonths = o.newWithin as number;
  return s;
}

export function failOnList(value: unknown): FailOn[] {
  return value === undefined ? [] : ([...new Set((value as string).split(',').map((v) => v.trim()))] as FailOn[]);
}

/** The long flag of an option as the user types it: --lost-after, --no-color, --output. */
export const longFlag = (name: OptionName): string => /--[\w-]+/.exec(OPTIONS[name].flags)![0];
