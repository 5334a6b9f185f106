// The English catalogue. It defines the keys: `Messages` is its type, and the Russian and Kazakh
// catalogues must have every key with the same shape (a missing key does not compile).
//
// Everything a person reads goes through a catalogue: terminal tables and summaries, problem
// messages, the cells' strategies, tags, statuses, actions, the workbook's sheets, headers and
// chart titles, and the number and date formats of both. Data for scripts (CSV, JSON) stays in
// English and never passes through here, except for the strategy and action texts, which the
// data outputs take from this catalogue so that they are the same in every language.
import type { CellName } from '../core/matrix.js';
import type { PeriodKind } from '../core/periods.js';
import type { FileReason, Problem, Severity, SheetSkipReason } from '../core/problems.js';
import type { AbcBoundary, AbcMetric, SdKind, XyzStart } from '../core/settings.js';
import type { WinBackAction } from '../core/win-back.js';
import { makeHuman } from './human.js';
import { capitalise, filePrefix, quotedList, wherePrefix, word, type Wording } from './helpers.js';

export type Lang = 'en' | 'ru' | 'kk';
export const LANGS: readonly Lang[] = ['en', 'ru', 'kk'];

/** What the Clients sheet's column texts depend on. */
export interface ColumnTextContext {
  by: AbcMetric;
  period: PeriodKind;
  /** The ledger has a document column / a profit column. */
  document: boolean;
  profit: boolean;
  /** A fraction. */
  breadwinnerShare: number;
  newWithinMonths: number;
  /** Weeks of the expected purchases and revenue (--horizon). */
  horizonWeeks: number;
  /** --key-share, a fraction. */
  keyShare: number;
}

/** Facts for a usage error (bad option or config value); which ones a message uses depends on it. */
export interface UsageParams {
  flag?: string;
  value?: string;
  allowed?: readonly string[];
  example?: string;
  file?: string;
  key?: string;
  expected?: string;
  command?: string;
  reason?: string;
}

/** Counts of the analyze summary's Rows line. */
export interface RowCounts {
  rows: number;
  accepted: number;
  skipped: number;
  noClient: number;
  badDate: number;
  badNumber: number;
}

const h = makeHuman({ group: ',', decimal: '.', dates: 'iso' });
const s = (n: number): string => (n === 1 ? '' : 's');
const pct = (x: number): string => h.number(Math.round(x * 1000) / 10);
const METRIC = { revenue: 'revenue', profit: 'profit', quantity: 'quantity' };
const PERIOD = { month: 'month', quarter: 'quarter', week: 'week' };

const ROLE_HINT: Record<string, string> = {
  client: '--map client=HEADER',
  date: '--map date=HEADER',
  amount: '--map amount=HEADER (or --map quantity=… and --map price=…)',
};

/** The types a config value may have, as a usage message names them. */
const configTypes = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  cutoffs: 'two percentages, "80,95" or [80, 95]',
  map: 'an object of role: "Header", like {"client": "Контрагент"}, or a list of "role=Header"',
  list: 'a string or a list of strings',
  section: 'an object of settings for that command',
};

const usage = {
  memory: (p: UsageParams) => `--memory takes a size such as 500MB or 2GB, not "${p.value}"`,
  sqlRoles: (p: UsageParams) =>
    `kam sql needs the column of ${p.value}: ${(p.allowed ?? []).map((r) => (r === 'amount' ? '--map amount=COLUMN (or --map quantity=… and --map price=…)' : `--map ${r}=COLUMN`)).join(', ')}`,
  aggregateOutput: (p: UsageParams) => `${p.flag} takes a .csv or .parquet file, not "${p.value}"`,
  tableOrQuery: (_p: UsageParams) => 'give --table or --query, not both',
  oneOf: (p: UsageParams) => `${p.flag} must be one of ${(p.allowed ?? []).join(', ')}, not "${p.value}"`,
  positiveNumber: (p: UsageParams) => `${p.flag} must be a positive number, not "${p.value}"`,
  wholeNumber: (p: UsageParams) => `${p.flag} must be a whole number, not "${p.value}"`,
  cutoffs: (p: UsageParams) => `${p.flag} takes two increasing percentages like ${p.example}, not "${p.value}"`,
  date: (p: UsageParams) => `${p.flag} takes a date as YYYY-MM-DD, DD.MM.YYYY or "today", not "${p.value}"`,
  toBeforeFrom: (_p: UsageParams) => '--to comes before --from',
  percentMax: (p: UsageParams) => `${p.flag} is a percentage up to 100, not "${p.value}"`,
  map: (p: UsageParams) => `--map takes role=Header with a role among ${(p.allowed ?? []).join(', ')}, not "${p.value}"`,
  encoding: (p: UsageParams) => `--encoding must be utf8 or windows-1251, not "${p.value}"`,
  delimiter: (p: UsageParams) => `--delimiter must be one of , ; tab |, not "${p.value}"`,
  decimal: (p: UsageParams) => `--decimal must be "." or ",", not "${p.value}"`,
  currency: (p: UsageParams) => `--currency takes a three-letter code such as KZT, RUB or USD (or ₸, тг, руб, $, €), not "${p.value}"`,
  dateFormat: (p: UsageParams) => `--date-format must be one of dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial, not "${p.value}"`,
  stdinOnce: (_p: UsageParams) => 'standard input (-) can be read only once',
  noLedger: (_p: UsageParams) => 'no ledger given (give FILE… or pipe one in)',
  top: (p: UsageParams) => `--top must be a whole number above 0, not "${p.value}"`,
  failOn: (p: UsageParams) => `--fail-on takes ${(p.allowed ?? []).join(', ')}, not "${p.value}"`,
  compare: (p: UsageParams) => `--compare takes "previous" or FROM..TO such as 2024-01-01..2024-06-30, not "${p.value}"`,
  compareOrder: (p: UsageParams) => `--compare ${p.value}: the end comes before the start`,
  horizon: (p: UsageParams) => `--horizon takes a number of weeks above 0 (at most 5200), not "${p.value}"`,
  discount: (p: UsageParams) => `--discount takes an annual rate from 0 to 1, like 0.1 for 10% a year, not "${p.value}"`,
  holdout: (p: UsageParams) => `--holdout ${p.value} leaves no holdout: the date must come before the as-of date ${p.example}`,
  emptyName: (_p: UsageParams) => 'the client NAME is empty (kam client LEDGER... NAME)',
  splitByOutput: (_p: UsageParams) => '--split-by writes one workbook per value: give -o FILE.xlsx as the name they start from',
  portfolioBy: (_p: UsageParams) => 'kam portfolio needs the column that splits the clients: --by COLUMN (a manager, region or product group column)',
  stdinBoth: (_p: UsageParams) => 'standard input can hold the ledger or the attributes file (--clients -), not both',
  xlsxName: (p: UsageParams) => `-o writes an Excel workbook: give a file name ending in .xlsx, not "${p.value}"`,
  lang: (p: UsageParams) => `--lang must be one of ${(p.allowed ?? []).join(', ')}, not "${p.value}"`,
  configMissing: (p: UsageParams) => `${p.file}: no such config file`,
  configUnreadable: (p: UsageParams) => `${p.file}: cannot read the config file (${p.reason})`,
  configNotJson: (p: UsageParams) => `${p.file}: the config file is not valid JSON (${p.reason})`,
  configNotObject: (p: UsageParams) => `${p.file}: the config file must hold one JSON object of settings, like {"period": "quarter"}`,
  configUnknownKey: (p: UsageParams) =>
    `${p.file}: unknown setting "${p.key}"${p.command === undefined ? '' : ` in the "${p.command}" section`}; settings are the long option names, e.g. "period", "lostAfter" or "lost-after"`,
  configWrongType: (p: UsageParams) => `${p.file}: "${p.key}" must be ${configTypes[p.expected as keyof typeof configTypes] ?? p.expected}, not ${p.value}`,
  configBadChoice: (p: UsageParams) => `${p.file}: "${p.key}" must be one of ${(p.allowed ?? []).join(', ')}, not "${p.value}"`,
  configCommand: (p: UsageParams) => `kam config takes one of ${(p.allowed ?? []).join(', ')}, not "${p.value}"`,
  notForCommand: (p: UsageParams) => `${p.flag} is not an option of kam ${p.command}`,
  // Commander's own refusals (unknown option or command, a missing argument), told in kam's words.
  unknownOption: (p: UsageParams) => `unknown option '${p.flag}'${p.example === undefined ? '' : `; did you mean ${p.example}?`} (kam --help for usage)`,
  unknownCommand: (p: UsageParams) => `unknown command '${p.value}'${p.example === undefined ? '' : `; did you mean ${p.example}?`} (kam --help for usage)`,
  missingArgument: (p: UsageParams) => `missing required argument '${p.value}' (kam --help for usage)`,
  optionMissingArgument: (p: UsageParams) => `option '${p.flag}' argument missing (kam --help for usage)`,
  excessArguments: (p: UsageParams) => `too many arguments for kam ${p.command} (kam --help for usage)`,
  commander: (p: UsageParams) => `${p.value} (kam --help for usage)`,
  /** Said after a bad value that came from a config file. */
  fromConfig: (p: UsageParams) => ` (set in ${p.file} as "${p.key}")`,
};

/** Why a file cannot be read or written, in words. */
const fileReason = {
  'folder-not-file': () => 'it is a folder, not a file',
  'permission-denied': () => 'permission denied',
  'path-not-folder': () => 'a part of the path is not a folder',
  'symlink-loop': () => 'too many symbolic links',
  'name-too-long': () => 'the name is too long',
  'io-error': () => 'input/output error',
  'too-many-open-files': () => 'too many open files',
  'xls-workbook': () => 'an Excel 97-2003 .xls workbook, or a password-protected one: save it as .xlsx without a password, or as CSV',
  'ods-file': () => 'an OpenDocument file (.ods), not an .xlsx workbook: save it as .xlsx or CSV',
  'zip-not-xlsx': () => 'a zip archive, but not an .xlsx workbook: it has no worksheets',
  'xlsb-workbook': () => 'an Excel binary workbook (.xlsb), not an .xlsx workbook: save it as .xlsx or CSV',
  'zip-encrypted': () => 'a zip archive with encrypted entries: save the workbook without a password',
  'zip-method': () => 'a zip archive compressed in a way other than deflate: save the workbook again as .xlsx',
  'csv-quote-not-closed': (r) => `Quote Not Closed: the parsing is finished with an opening quote at line ${r.line}`,
  'csv-syntax': (r) => `CSV syntax error ${r.csvCode} at line ${r.line}${r.column !== undefined ? `, field ${r.column}` : ''}`,
  'is-folder': () => 'it is a folder',
  'not-regular-file': () => 'it is not a regular file',
  'read-only-file': () => 'the file is read-only',
  'read-only-file-system': () => 'read-only file system',
  'no-space': () => 'no space left on the device',
  'quota-exceeded': () => 'disk quota exceeded',
  'file-in-use': () => 'the file is in use; is it open in another program?',
  'no-folder': (r) => `no folder ${r.folder}`,
  'folder-path-not-folder': (r) => `a part of ${r.folder} is not a folder`,
  'not-a-folder': (r) => `${r.folder} is not a folder`,
  system: (r) => r.text,
} satisfies Wording<FileReason>;

/** Why a sheet was left out, in words. */
const sheetSkipReason = {
  'no-header': () => 'no header row with known column names',
  'no-rows': () => 'a header but no rows',
  'missing-column': (r) => `no ${r.roles.join(', ')} column`,
  'unknown-mapped-column': (r) => `no column "${r.column}" for --map ${r.role}`,
} satisfies Wording<SheetSkipReason>;

const because = (reason: FileReason | undefined): string => (reason === undefined ? '' : ` (${word(fileReason, reason)})`);
/** The purchase model stopped at a boundary: said plainly, with what kam uses instead (kam alive, the Model sheet). */
const NOT_SOUND = (params: string): string =>
  `the purchase model does not fit this ledger: its fit ran off to a boundary (${params}) instead of settling, so kam gives no probability of being alive and no expected purchases or revenue from it; it judges clients by their silence against their usual interval instead (active, at risk, lost: see kam lost)`;

const problems = {
  'bad-option': (p) => `${p.value ?? ''}${p.details?.hint !== undefined ? ` (${String(p.details.hint)})` : ''}`,
  'input-twice': (p) =>
    `${p.file}: given twice${p.value !== undefined && p.value !== p.file ? ` (also as ${p.value})` : ''}; every amount would count twice: name each file once`,
  'duplicate-header': (p) => `${filePrefix(p)}two columns are headed "${p.column}" and kam cannot tell which one is meant: rename one of them`,
  'column-two-roles': (p) => `column "${p.column}" is mapped to two roles (${p.details.roles.join(', ')}): map each role to its own column`,
  'file-not-found': (p) => `${p.file}: no such file`,
  'file-unreadable': (p) => `${p.file}: cannot read it${because(p.details?.reason)}`,
  'file-empty': (p) => `${p.file}: the file is empty`,
  'file-binary': (p) => `${p.file}: this is not a text ledger (binary data); give a CSV, .csv.gz or .xlsx file`,
  'file-truncated': (p) =>
    `${p.file}: the ${p.details.format === 'xlsx' ? 'workbook' : 'compressed file'} is truncated or damaged${p.details.part !== undefined ? ` (${p.details.part})` : ''}`,
  'sheet-not-found': (p) => `${p.file}: no sheet named "${p.value}"; sheets: ${quotedList(p.details?.sheets)}`,
  'sheet-read': (p) => `${p.file}: read sheet "${p.value}"`,
  'sheet-skipped': (p) => `${p.file}: sheet "${p.value}" left out: ${word(sheetSkipReason, p.details.reason)}; name the sheets to read with --sheet NAME`,
  'no-header': (p) =>
    `${p.file}: no header row with known column names (client, date, amount…) in the first rows; first row: ${quotedList(p.details?.firstRow)}; name the columns with --map role=HEADER`,
  'no-rows': (p) =>
    p.details === undefined
      ? `${filePrefix(p)}the ledger has a header but no rows`
      : `${filePrefix(p)}none of its ${h.integer(p.details.skipped)} rows could be read${p.line !== undefined ? ` (first: line ${p.line}, ${p.details.first === 'client' ? 'no client' : p.details.first === 'fields' ? 'fields out of line with the header' : `"${p.column}": "${p.value}"`})` : ''}`,
  'missing-column': (p) => {
    const roles = p.details.roles;
    const hints = roles.map((r) => ROLE_HINT[r] ?? `--map ${r}=HEADER`).join(', ');
    return `${filePrefix(p)}no ${roles.join(', ')} column found; headers: ${quotedList(p.details?.headers)}; use ${hints}`;
  },
  'unknown-mapped-column': (p) => `${filePrefix(p)}--map ${p.value}="${p.column}": no such column; headers: ${quotedList(p.details?.headers)}`,
  'ambiguous-dates': (p) =>
    `${p.file}: dates in "${p.column}" such as "${p.value}" read both as day/month and month/day; say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy`,
  'ambiguous-numbers': (p) =>
    `${p.file}: numbers in "${p.column}" such as "${p.value}" read both with "${p.details.point}" as the decimal mark and as a thousands separator; say which with --decimal . or --decimal ,`,
  'unknown-date-format': (p) =>
    `${p.file}: cannot read the dates in "${p.column}" (e.g. "${p.value}"); use --date-format (dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial)`,
  'bad-row': (p) =>
    p.details?.kind === 'client'
      ? `${wherePrefix(p, 'line')}no client in "${p.column}"`
      : p.details.kind === 'fields'
        ? `${wherePrefix(p, 'line')}${p.value} fields where the header has ${p.details.header}: the values are not in their columns (a stray quote, or a delimiter inside an unquoted name?)`
        : p.details.kind === 'far-date'
          ? `${wherePrefix(p, 'line')}date out of range in "${p.column}": "${p.value}" (before 1900 or more than a year after today)`
          : p.details.kind === 'huge-number'
            ? `${wherePrefix(p, 'line')}number too large in "${p.column}": "${p.value}" (kam sums amounts up to ±10^13 exactly)`
            : `${wherePrefix(p, 'line')}unreadable ${p.details.kind === 'date' ? 'date' : p.details.kind === 'value' ? 'value' : 'number'} in "${p.column}": "${p.value}"`,
  'no-profit-column': (_p) => 'the ledger has no profit column, so --by profit cannot be used; map one with --map profit=HEADER',
  'no-quantity-column': (_p) => 'the ledger has no quantity column, so --by quantity cannot be used; map one with --map quantity=HEADER',
  'empty-window': (p) =>
    `the ledger (${p.details.from} … ${p.details.to}) holds no complete ${p.details.period}; use --include-partial, a shorter --period, or --from/--to`,
  'history-too-short': (p) =>
    `the ledger (${p.details.from} … ${p.details.to}) holds no ${PERIOD[p.details.every]} end with ${p.details.months} whole months before it; use a smaller --window, or --from to take snapshots over shorter windows`,
  'output-unwritable': (p) => `${p.file}: cannot write the output${because(p.details.reason)}`,
  'output-is-input': (p) =>
    `${p.file}: that is an input ledger${p.value !== undefined && p.value !== p.file ? ` (${p.value})` : ''}; kam never writes over its input: choose another name for -o`,
  'output-failed': (p) => `cannot write to standard output${because(p.details.reason)}`,
  'stray-quote': (p) => `${wherePrefix(p, 'line')}a quote opens a field that takes in the ${h.integer(p.details.lines)} lines after it (a stray quote?): remove or close it`,
  'line-too-long': (p) =>
    `${wherePrefix(p, 'line')}a record runs on for more than ${p.details.limit} million characters: a line break missing, or a quote never closed?`,
  'bad-encoding': (p) =>
    `${wherePrefix(p, 'line')}byte ${p.value} is not valid ${p.details.encoding} (two exports in different encodings joined?); save the file in one encoding, or force one with --encoding`,
  'mixed-numbers': (p) =>
    `${p.file}: numbers in "${p.column}" are written both as "${p.value}" and as "${p.details.other}": one decimal mark per file; fix the file or say which with --decimal . or --decimal ,`,
  'mixed-currency': (p) =>
    `${wherePrefix(p, 'line')}"${p.value}" in "${p.column}" is in ${p.details.other}, but the ledger's amounts are in ${p.details.first} (${p.details.byOption ? `--currency ${p.details.first}` : `${p.details.firstFile ?? ''}${p.details.firstFile !== null && p.details.firstLine !== null ? ', ' : ''}${p.details.firstLine === null ? '' : `line ${p.details.firstLine}`}`}): amounts in two currencies cannot be summed; split the ledger by currency or convert it first`,
  'rows-skipped': (p) =>
    `${h.integer(p.details.total)} row${s(p.details.total)} skipped: ${h.integer(p.details.noClient)} without a client, ${h.integer(p.details.badDate)} with an unreadable date, ${h.integer(p.details.badNumber)} with an unreadable number${p.details.badFields ? `, ${h.integer(p.details.badFields)} whose fields do not line up with the header` : ''}`,
  'partial-period-dropped': (p) =>
    `${p.details?.edge === 'leading' ? 'first' : 'last'} period ${p.value} is only partly covered (${p.details.from} … ${p.details.to}) and is left out; --include-partial keeps it`,
  'partial-period-kept': (p) =>
    `${p.details?.edge === 'leading' ? 'first' : 'last'} period ${p.value} is only partly covered (${p.details.from} … ${p.details.to}) and is kept (--include-partial)`,
  'window-capped': (p) =>
    `--to ${p.value} lies past the as-of date ${p.details.asOf}: the window stops at the as-of date's period (later periods hold no rows)`,
  'xyz-degenerate': (p) => {
    const tries = [
      p.details?.suggestedCutoffs !== undefined ? `--xyz ${String(p.details.suggestedCutoffs)}` : '',
      p.details?.suggestedPeriod !== undefined ? `--period ${String(p.details.suggestedPeriod)}` : '',
    ].filter((t) => t !== '');
    return `${h.integer(p.details.count)} of ${h.integer(p.details.classed)} clients are ${p.value}: the XYZ split says little${tries.length > 0 ? `; try ${tries.join(' or ')}` : ''}`;
  },
  'no-positive-clients': (_p) => 'no client has a positive total in the window: every client is C',
  'rows-after-as-of': (p) => `${h.integer(p.details.days)} client-days after the as-of date are ignored`,
  'bgnbd-not-fitted': (p) =>
    p.value === 'no-convergence'
      ? `the BG/NBD fit over ${h.integer(p.details.clients)} clients stopped short of a maximum (the likelihood keeps rising towards a boundary, e.g. every client dropping out at the same rate): P(alive) is left empty and clients are judged by their silence against their usual interval (active, at risk, lost)`
      : p.value === 'no-fit'
        ? `the BG/NBD fit over ${h.integer(p.details.clients)} clients found no usable parameters: P(alive) is left empty`
        : p.value === 'no-repeat-purchases'
          ? 'no client bought on more than one day: BG/NBD cannot be fitted and P(alive) is left empty'
          : `BG/NBD needs at least ${h.integer(p.details.needed)} clients with a purchase, the ledger has ${h.integer(p.details.clients)}: P(alive) is left empty`,
  'bgnbd-not-sound': (p) => NOT_SOUND(p.details.params),
  'lost-key-clients': (p) =>
    `${h.integer(p.details.count)} key client${p.details?.count === 1 ? ' is' : 's are'} lost: ${quotedList(p.details?.clients)} (--fail-on lost-key)`,
  'client-not-found': (p) => {
    const near = p.details.suggestions;
    return `no client named "${p.value ?? ''}" in the ledger${near.length > 0 ? `; did you mean ${quotedList(near)}?` : '; no client has a similar name'}`;
  },
  'attributes-no-client-column': (p) => `${p.file}: no client column in the attributes file; headers: ${quotedList(p.details?.headers)}; name it "client"`,
  'attributes-unmatched': (p) => {
    const names = p.details.names;
    const shown = names.slice(0, 20);
    const more = names.length > shown.length ? ` and ${names.length - shown.length} more` : '';
    return `${p.file}: ${names.length} name${names.length === 1 ? ' matches' : 's match'} no client of the ledger (case and spaces ignored): ${quotedList(shown)}${more}`;
  },
  'attributes-bad-value': (p) =>
    `${p.file}: ${h.integer(p.details.count)} value${p.details?.count === 1 ? '' : 's'} in need/can_pay/authority read as neither yes nor no, left empty (first: line ${String(p.line)}, ${p.column ?? ''} "${p.value ?? ''}")`,
  'attributes-computed-tag': (p) => `${p.file}: tags that kam computes from the ledger are ignored in the attributes file: ${quotedList(p.details?.tags)}`,
  'compare-outside-ledger': (p) =>
    p.value === 'before'
      ? `the comparison window ${p.details.from} … ${p.details.to} lies before the ledger (first date ${p.details.ledgerFrom}): every client is new`
      : `the comparison window ${p.details.from} … ${p.details.to} starts before the ledger (first date ${p.details.ledgerFrom}): its classes rest on part of it`,
  'day-ledger-missing': (p) =>
    `${p.file}: a day ledger (header "kam_day_ledger") needs the columns ${quotedList(p.details?.columns)}; headers: ${quotedList(p.details?.headers)}`,
  'day-ledger-no-direction': (p) =>
    `${p.file}: this day ledger was made without a direction column, so --direction cannot be used; make it again with one (kam aggregate --direction NAME, or kam sql --map direction=COLUMN)`,
  'duckdb-missing': (p) => `reading Parquet and DuckDB files needs DuckDB: npm install ${p.value ?? '@duckdb/node-api'}`,
  'out-of-memory': (p) =>
    p.details.engine === 'workbook'
      ? `${filePrefix(p)}memory ran short writing the workbook of ${h.integer(p.details.clients)} clients (heap limit ${h.integer(p.details.limitMb)} MB): give Node more (NODE_OPTIONS=--max-old-space-size=MB), or take the table without a workbook (--format csv)`
      : p.details.engine === 'duckdb'
      ? `${filePrefix(p)}DuckDB ran out of memory (limit ${h.integer(p.details.limitMb)} MB) after ${h.integer(p.details.clients)} clients: give it more with --memory (e.g. --memory 4GB), or aggregate the ledger where it lives first (kam sql) and give kam the day ledger`
      : `${filePrefix(p)}memory ran short after ${h.integer(p.details.clients)} clients (heap limit ${h.integer(p.details.limitMb)} MB): give Node more (NODE_OPTIONS=--max-old-space-size=MB), or aggregate the ledger to a day ledger first (kam aggregate, or kam sql in the database) and, for Parquet, cap DuckDB with --memory`,
  'source-failed': (p) => {
    const table = String(p.details?.table ?? '');
    switch (p.details?.reason) {
      case 'no-source':
        return `${p.file}: name the table with --table NAME, or give --query "SELECT …"`;
      case 'auth':
        return `${p.file}: the server refused the login (wrong user or password); give them in the URL, in PGUSER and PGPASSWORD, or in ~/.pgpass`;
      case 'no-database':
        return `${p.file}: the server has no such database`;
      case 'no-table':
        return `${p.file}: no table or view "${table}"`;
      case 'unreachable':
        return `${p.file}: cannot reach the server (${p.value ?? ''})`;
      case 'no-space':
        return `${p.file}: no space left in the temp folder ${p.value ?? ''} (DuckDB sorts and spills there); free some space or set TMPDIR to a larger disk`;
      default:
        return `${p.file}: the database refused the query: ${p.value ?? ''}`;
    }
  },
} satisfies Wording<Problem>;

export const en = {
  lang: 'en' as Lang,
  /** Language tag for chart text runs. */
  locale: 'en-US',
  /** The language's own name (Method sheet). */
  languageName: 'English',
  human: h,
  /** Excel number formats: the cell values stay numbers and dates; only their look changes. */
  numFmt: {
    money: '#,##0.00;[Red]-#,##0.00',
    moneyRound: '#,##0;[Red]-#,##0',
    integer: '#,##0',
    decimal: '#,##0.0#',
    percent: '0.0%',
    ratio: '0.00',
    date: 'yyyy-mm-dd',
    dateTime: 'yyyy-mm-dd hh:mm',
    /** Counts with a dash for zero (matrix grids), money with a dash, shares with a dash. */
    countDash: '#,##0;-#,##0;"–"',
    moneyDash: '#,##0;[Red]-#,##0;"–"',
    percentDash: '0.0%;[Red]-0.0%;"–"',
    /** Series sheet: a dot for a period without purchases. */
    seriesValue: '#,##0;[Red]-#,##0;"·"',
    axisInteger: '#,##0',
    axisPercent: '0%',
    /** Any number as it is (settings on the Method sheet), with the language's separators. */
    general: 'General',
  },
  /** A period label of the core (2026-03, 2026-Q1, 2026-03-02) as this language writes it. */
  period: (label: string): string => label,

  severity: { error: 'error', warning: 'warning', note: 'note' } satisfies Record<Severity, string>,
  /** Severity as a heading (workbook Summary). */
  severityTitle: { error: 'Error', warning: 'Warning', note: 'Note' } satisfies Record<Severity, string>,
  status: { active: 'active', 'at-risk': 'at-risk', lost: 'lost' },
  /** The statuses inside a sentence ("2 at risk"). */
  statusWords: { active: 'active', atRisk: 'at risk', lost: 'lost' },
  statusTitle: { active: 'Active', 'at-risk': 'At risk', lost: 'Lost' },
  /** Tags kam knows; tags of an attributes file that are not here are shown as written. */
  tags: {
    key: 'key',
    breadwinner: 'breadwinner',
    'image-maker': 'image-maker',
    expert: 'expert',
    prospect: 'prospect',
    qualified: 'qualified',
    'at-risk': 'at-risk',
    lost: 'lost',
  },
  flags: { 'non-positive-total': 'non-positive-total', 'too-new': 'too-new', 'no-net-purchases': 'no-net-purchases' },
  metric: METRIC satisfies Record<AbcMetric, string>,
  metricTitle: { revenue: 'Revenue', profit: 'Profit', quantity: 'Quantity' } satisfies Record<AbcMetric, string>,
  periodKind: PERIOD satisfies Record<PeriodKind, string>,
  periodTitle: { month: 'Month', quarter: 'Quarter', week: 'Week' } satisfies Record<PeriodKind, string>,
  /** "22 months". */
  periodCount: (kind: PeriodKind, n: number): string => `${h.integer(n)} ${PERIOD[kind]}${s(n)}`,
  boundary: { include: 'include', exclude: 'exclude' } satisfies Record<AbcBoundary, string>,
  sd: { population: 'population', sample: 'sample' } satisfies Record<SdKind, string>,
  xyzStart: { first: 'first', window: 'window' } satisfies Record<XyzStart, string>,
  /** Migration rows and columns. */
  migrationNew: 'new',
  migrationGone: 'gone',
  noDirection: '(none)',
  total: 'Total',
  /** The coefficient of variation, short. */
  cv: 'CV',
  /** Days after a number in tables: "12 d". */
  daysShort: (n: string): string => `${n} d`,

  /** The standing strategy of each ABC-XYZ cell, as a key-account manager would write it on the wall. */
  strategy: {
    AX: 'Retain at any cost: personal manager, long contracts, priority service and stock reserved for them.',
    AY: 'Grow loyalty: personal manager, flexible terms, plan deliveries around their seasonality.',
    AZ: 'High value, unpredictable: learn their buying cycle, agree forecasts, convert to regular volume.',
    BX: 'Grow the share of wallet: cross-sell and upsell, volume discounts; they already buy steadily.',
    BY: 'Develop: regular contact, promotions tied to their peaks, move them towards A.',
    BZ: 'Stabilise: find why purchases swing, offer contracts or subscriptions that even them out.',
    CX: 'Serve efficiently: standard terms, automated reorders; try bundles to lift the average order.',
    CY: 'Standard service: group promotions and mailings, no individual effort.',
    CZ: 'Minimal effort: self-service, prepayment, review whether serving them pays at all.',
    'A-': 'Too new or no net purchases to judge steadiness: a large client to watch closely.',
    'B-': 'Too new or no net purchases to judge steadiness: follow up and establish a rhythm.',
    'C-': 'Too new or no net purchases to judge steadiness: standard service.',
  } satisfies Record<CellName, string>,

  /** What to do about a lapsed client, by class (no class: as C) and status. */
  action: {
    'A-lost': 'Class A client lost: the account manager and a director call this week, find out why, make a personal offer to win it back.',
    'A-at-risk': 'Class A client slipping: the account manager calls now, checks satisfaction and upcoming needs, books the next order.',
    'B-lost': 'Manager calls with a win-back offer (price, terms or delivery) and asks what went wrong.',
    'B-at-risk': 'Manager reminds them of their usual order and offers a reason to buy now (promotion, stock, terms).',
    'C-lost': 'Automated win-back mailing with an offer; no personal effort unless they answer.',
    'C-at-risk': 'Automated reminder (mail, SMS); standard service.',
  } satisfies Record<WinBackAction, string>,

  problems,
  usage,
  configTypes,
  /** Words the readers put in a problem's value ("permission denied"), in this language; unknown text as it is. */
  /** Where a problem is, as the readers name it ("sales.xlsx, sheet \"Jan\""), in this language. */
  place: (file: string): string => file,

  /** The start of a line on standard error: "kam: warning: …". */
  cli: {
    workbookWritten: (path: string): string => `workbook written to ${path}`,
    reading: (input: string, mb: string, size: string, rows: string): string => `reading ${input}: ${mb} MB${size}, ${rows} rows`,
    readingOf: (mb: string, percent: string): string => ` of ${mb} MB (${percent}%)`,
    internalError: (message: string): string => `internal error: ${message} (set KAM_DEBUG=1 for the stack)`,
  },

  /** How a ledger file was read (terminal summary and workbook). */
  input: {
    sheet: (name: string): string => `sheet "${name}"`,
    delimiter: (d: string): string => `delimiter ${d}`,
    tab: 'tab',
    dates: (format: string): string => `dates ${format}`,
    decimal: (d: string): string => `decimal "${d}"`,
    gzip: ' (gzip)',
    /** A source aggregated by a database engine (SPEC §12), and a day ledger. */
    engine: { parquet: 'Parquet, aggregated in DuckDB', duckdb: 'DuckDB table, aggregated in DuckDB', postgres: 'PostgreSQL, aggregated on the server' },
    dayLedger: 'day ledger',
  },

  /** The window line of the analyze summary and the card. */
  windowLine: (from: string, to: string, count: string, start: string, end: string, asOf: string): string => `${from} … ${to} (${count}, ${start} … ${end}), as of ${asOf}`,
  notes: 'Notes',
  /** "… and 12 more (--top N, or --format csv for all)". */
  more: (n: number, hint: string): string => `… and ${h.integer(n)} more (${hint})`,
  /** Under a table cut to the terminal's width (as the DuckDB CLI does). */
  columnsNotShown: (names: string): string => `columns not shown: ${names}; widen the terminal or use --format csv`,
  /** A long list of names cut to a count: "14646, 18102, … and 79 more". */
  andMore: (names: string, n: number): string => `${names}, … and ${h.integer(n)} more`,
  moreHint: { top: '--top N', topOrCsv: '--top N, or --format csv for all', topOrLostCsv: '--top N, or kam lost --format csv for all' },

  bridge: {
    title: (kind: PeriodKind, column: string | null): string => `Revenue bridge by ${PERIOD[kind]}${column === null ? '' : ` — ${column}`}`,
    subtitle: '(how net revenue moved from the period before: new clients, clients back, growth and decline of those who stayed, clients gone)',
    headers: ['Start', 'New', 'Reactivated', 'Expansion', 'Contraction', 'Churned', 'End', 'New clients', 'Back', 'Gone'],
    steps: { revenueStart: 'start', new: 'new', reactivated: 'reactivated', expansion: 'expansion', contraction: 'contraction', churned: 'churned', revenueEnd: 'end' },
    waterfall: (period: string): string => `Waterfall, ${period}`,
    none: 'no period to show',
  },

  portfolio: {
    title: (column: string): string => `Portfolios by ${column}`,
    subtitle: "(a client's portfolio is the value under which it bought the most; A/B/C ranked within the portfolio)",
    headers: ['Clients', 'Revenue', 'Share', 'Key', 'A', 'B', 'C', 'Active', 'At risk', 'Lost', 'At stake', 'Churned'],
    churnedNote: (period: string): string => `Churned: the revenue of ${period}'s period before from clients with no line in ${period}; at stake: revenue over the 12 months before the last purchase of the lost and at-risk clients`,
  },

  history: {
    title: (n: number, every: PeriodKind, months: number): string => `Class history: ${h.integer(n)} snapshot${s(n)}, at the end of every ${PERIOD[every]}, each of the trailing ${months} month${s(months)}`,
    labels: { snapshots: 'Snapshots', clients: 'Clients', marks: 'Marks', stayedA: 'Stayed A' },
    span: (first: string, last: string): string => `${first} … ${last}`,
    clients: (n: string): string => `${n} in at least one snapshot`,
    marks: { stable: 'stable', rising: 'rising', falling: 'falling', new: 'new', gone: 'gone' },
    stayedA: (stayed: string, were: string, first: string, last: string): string => `${stayed} of the ${were} A clients of ${first} are A on ${last}`,
    perennial: (n: string): string => `Perennial A clients (A in every snapshot): ${n}`,
    oneOff: (n: string): string => `One-off A clients (A in one snapshot only): ${n}`,
    headers: ['#', 'Client', 'Classes', 'Mark'],
    none: 'none',
    markRule: 'mark: the first snapshot against the last — stable (same class), rising, falling, new (not in the first), gone (not in the last)',
  },

  analyze: {
    labels: {
      ledger: 'Ledger',
      window: 'Window',
      rows: 'Rows',
      clients: 'Clients',
      totals: 'Totals',
      key: 'Key clients',
      tags: 'Tags',
      status: 'Status',
      atStake: 'At stake',
      settings: 'Settings',
    },
    rows: (c: RowCounts): string =>
      `${h.integer(c.rows)} read, ${h.integer(c.accepted)} used, ${h.integer(c.skipped)} skipped` +
      (c.skipped > 0 ? ` (${h.integer(c.noClient)} without a client, ${h.integer(c.badDate)} bad date, ${h.integer(c.badNumber)} bad number)` : ''),
    clients: (inWindow: number, inLedger: number): string => `${h.integer(inWindow)} in the window, ${h.integer(inLedger)} in the ledger`,
    totals: { revenue: (x: string) => `revenue ${x}`, profit: (x: string) => `profit ${x}`, quantity: (x: string) => `quantity ${x}` },
    keyShares: { revenue: (x: string) => `${x} of revenue`, profit: (x: string) => `${x} of profit` },
    band: (from: number, to: number): string => `${from}–${to}% band`,
    position: { within: (band: string) => `within the ${band}`, below: (band: string) => `below the ${band}`, above: (band: string) => `above the ${band}` },
    key: (n: number, rule: string, shares: string, position: string): string => `${h.integer(n)} (${rule}): ${shares} — ${position}`,
    /** Who the key clients are (SPEC §5): --key-share of the ABC metric, plus two tags. */
    keyRule: (share: string, by: AbcMetric): string => `top ${share} of ${METRIC[by]} + breadwinners, image-makers`,
    keyPushed: (tags: string, upper: string): string => `; tagged ${tags} took it past ${upper}`,
    settingsAbc: (by: AbcMetric, a: number, b: number, boundary: AbcBoundary): string => `ABC by ${METRIC[by]}, cut-offs ${pct(a)}/${pct(b)}% (${boundary} boundary)`,
    settingsXyz: (period: PeriodKind, x: number, y: number, sd: SdKind, start: XyzStart, minPeriods: number): string =>
      `XYZ by ${PERIOD[period]}ly CV, cut-offs ${pct(x)}/${pct(y)}% (${sd} sd, series from ${start === 'first' ? 'first purchase' : 'window start'}, at least ${minPeriods} periods)`,
    matrixTitle: 'ABC-XYZ matrix',
    matrixSubtitle: '(clients and share of revenue)',
    strategyHeaders: ['Cell', 'Clients', 'Revenue', 'Share', 'Strategy'],
    topTitle: (n: number): string => `Top ${h.integer(n)} clients`,
    topHeaders: (metric: string): string[] => ['#', 'Client', 'ABC', 'XYZ', metric, 'Share', 'Cum.', 'CV', 'Active', 'Purch.', 'Last purchase', 'Status', 'Tags'],
    tagCount: (tag: string, n: string): string => `${tag} ${n}`,
    tagExplain: {
      breadwinner: (share: string, basis: AbcMetric) => `≥ ${share} of ${METRIC[basis]}`,
      prospect: (since: string) => `first purchase since ${since}, on pace for A/B`,
    },
    noBreadwinner: (share: string, basis: AbcMetric): string => `no breadwinner (≥ ${share} of ${METRIC[basis]})`,
    noTags: 'none',
  },

  lost: {
    statusCounts: (n: { active: string; atRisk: string; lost: string; clients: string }, w: { active: string; atRisk: string; lost: string }): string =>
      `${n.active} ${w.active}, ${n.atRisk} ${w.atRisk}, ${n.lost} ${w.lost} of ${n.clients} clients with a purchase`,
    atStake: (total: string, lost: string, atRisk: string): string => `${total} (lost ${lost}, at risk ${atRisk}): their revenue over the 12 months before their last purchase`,
    rules: (lostFactor: string, riskFactor: string, lostAfter: string, riskAfter: string, lostFloor: string, riskFloor: string): string =>
      `lost after ${lostFactor} × the usual interval (at least ${lostFloor} days), at risk after ${riskFactor} × (at least ${riskFloor} days); any client lost after ${lostAfter} days, at risk after ${riskAfter}`,
    notFitted: 'not fitted (see the notes)',
    fit: (clients: string, params: string, ll: string): string => `BG/NBD over ${clients} clients: ${params}, log-likelihood ${ll}`,
    labels: { asOf: 'As of', clients: 'Clients', atStake: 'At stake', keyLost: 'Key lost', rules: 'Rules', pAlive: 'P(alive)' },
    winBackTitle: 'Win-back list',
    winBackNone: 'no lost or at-risk clients',
    winBackSubtitle: (n: number): string => `(${h.integer(n)} lost or at risk, most valuable first; ★ key client)`,
    winBackHeaders: ['#', 'Client', 'ABC', 'Status', 'Last purchase', 'Recency', 'Usual int.', 'Revenue 12m', 'P(alive)', 'Action'],
    churnTitle: (kind: PeriodKind): string => `Churn by ${PERIOD[kind]}`,
    churnNone: 'no client has been lost yet',
    churnSubtitle: '(a client becomes lost the day its silence exceeds its lost threshold; came back = bought again after that)',
    churnHeaders: ['Became lost', 'Their revenue 12m', 'Came back', 'Still lost'],
    churnPartial: '* the period is covered only in part (the as-of day or the first purchase falls inside it)',
    directionTitle: 'Direction',
    directionHeaders: ['Clients', 'Active', 'At risk', 'Lost now', 'At stake', 'Became lost', 'Came back'],
    churnByDirection: (column: string | null): string => `Churn by ${column ?? 'direction'}`,
    churnByDirectionSubtitle: "(a client's direction is the value under which it bought the most)",
    periodHeader: 'Period',
    gridNote: 'became lost / came back per period',
    gridOther: 'other',
    gridOtherNote: (values: string, shown: number): string => `"other" sums the ${values} values beyond the ${shown} with the most churn`,
  },

  alive: {
    labels: { asOf: 'As of', clients: 'Clients', model: 'BG/NBD', logLikelihood: 'Log-likelihood', expected: 'Expected' },
    clients: (n: string, repeat: string): string => `${n} with a purchase day (${repeat} bought on more than one day)`,
    converged: (ok: boolean, iterations: number): string => `${ok ? 'converged' : 'not converged'} after ${iterations} iterations`,
    expected: (x: string, weeks: string): string => `${x} purchase days from all clients in the next ${weeks} weeks`,
    headers: (weeks: string): string[] => ['#', 'Client', 'Purchase days', 'Recency (wk)', 'Age (wk)', 'P(alive)', `Expected in ${weeks} wk`],
    title: 'Clients by expected purchase days',
  },

  /** The spend model, expected revenue and the holdout check (SPEC §6): kam alive, the Model sheet, the revenue lines. */
  model: {
    labels: { spend: 'Spend', spendMean: 'Mean spend', holdout: 'Holdout', totals: 'Totals', error: 'Error', expected: 'Expected', model: 'Model' },
    clientsTitle: 'Clients by purchase days',
    /** The horizon as people say it: "next 12 months" for 52 weeks. */
    horizon: (weeks: number, n: string): string => (weeks === 52 ? 'next 12 months' : `next ${n} weeks`),
    discounted: (rate: string): string => `, discounted at ${rate} a year`,
    spendParams: (p: string, q: string, gamma: string, ll: string): string => `Gamma-Gamma p = ${p}, q = ${q}, γ = ${gamma}, log-likelihood ${ll}`,
    spendClients: (fitted: string, leftOut: number, leftOutText: string): string =>
      `fitted on ${fitted} clients with a repeat purchase day${leftOut === 0 ? '' : `; ${leftOutText} left out (their mean net amount per repeat purchase day is zero or less)`}`,
    spendMean: (mean: string): string => `${mean} per purchase day for a client the model cannot judge (the population mean)`,
    spendNotConverged: 'the spend fit stopped at a boundary (clients spend too alike to tell apart): expected spend uses the limit it approached',
    spendNotFitted: (status: 'too-few-clients' | 'no-mean', clients: string, needed: string): string =>
      status === 'too-few-clients'
        ? `not fitted: it needs at least ${needed} clients with a repeat purchase day and a positive mean net amount, the ledger has ${clients}; no expected revenue`
        : 'not fitted: the spread of spend between clients is so wide that it has no mean; no expected revenue',
    /** BG/NBD stopped at a boundary: said plainly, with what kam uses instead. */
    notSound: (params: string): string => `${capitalise(NOT_SOUND(params))}.`,
    notSoundShort: 'not estimated: the purchase model does not fit this ledger (kam alive says why)',
    notFittedShort: 'not estimated: the models could not be fitted on this ledger (kam alive says why)',
    revenueLine: (key: string, winBack: string, horizon: string, discount: string): string => `${horizon}${discount}: key clients ${key}, win-back list ${winBack}`,
    winBackLine: (total: string, lost: string, atRisk: string, horizon: string, discount: string): string =>
      `${total} (lost ${lost}, at risk ${atRisk}): the win-back list's revenue expected in the ${horizon}${discount}`,
    clientLine: (revenue: string, purchases: string, spend: string, horizon: string, discount: string): string =>
      `${revenue} in the ${horizon}${discount}: ${purchases} purchase days × ${spend}`,
    holdoutTitle: (calibrationEnd: string, end: string, weeks: string): string =>
      `Holdout check: fitted on the purchase days up to ${calibrationEnd}, judged on the ${weeks} weeks after it, to ${end}`,
    holdoutHeaders: ['Repeat purchase days to the calibration end', 'Clients', 'Actual per client', 'Expected per client'],
    total: 'Total',
    holdoutTotals: (actual: string, expected: string): string => `${actual} repeat purchase days in the holdout, ${expected} expected`,
    holdoutError: (mae: string, correlation: string): string => `per client: mean absolute error ${mae}, correlation of actual and expected ${correlation}`,
    holdoutNew: (n: string): string => `${n} clients first bought after the calibration end: the models know nothing of them, they are not judged`,
    holdoutNoFit: 'no expectation: the purchase model could not be fitted on the calibration period',
    chartTitle: 'Cumulative repeat purchase days in the holdout, by week',
    actual: 'actual',
    expected: 'expected',
    week: 'Week',
    sheet: {
      title: 'Model',
      subtitle: (asOf: string): string => `The purchase model (BG/NBD) and the spend model (Gamma-Gamma), fitted as of ${asOf}`,
      purchaseTitle: 'Purchase model: BG/NBD (Fader, Hardie & Lee 2005)',
      spendTitle: 'Spend model: Gamma-Gamma (Fader, Hardie & Lee 2005)',
      revenueTitle: 'Expected revenue',
      parameter: 'Parameter',
      value: 'Value',
      meaning: 'Meaning',
      r: 'shape of the purchase rates across clients',
      alpha: 'scale of the purchase rates (weeks)',
      a: 'dropout after a purchase: Beta a',
      b: 'dropout after a purchase: Beta b',
      p: 'shape of a client’s spend per purchase day',
      q: 'shape of the spread of mean spend across clients',
      gamma: 'scale of the spread of mean spend (money)',
      logLikelihood: 'Log-likelihood',
      clients: 'Clients',
      converged: 'Converged',
      yes: 'yes',
      no: 'no',
      populationMean: 'Mean spend per purchase day',
      leftOut: 'Left out (mean net amount zero or less)',
      horizon: 'Horizon (weeks)',
      discount: 'Annual discount rate',
      none: 'none',
      expectedTotal: 'Expected revenue, all clients',
      holdoutNone: 'No holdout check: kam alive LEDGER --holdout DATE -o FILE.xlsx fits the models up to DATE and judges them on the days after it.',
      chartName: 'Holdout tracking chart',
      chartAxis: 'Repeat purchase days (cumulative)',
      mae: 'Mean absolute error per client',
      correlation: 'Correlation, actual and expected',
      calibrationEnd: 'Calibration end',
      end: 'Holdout end',
    },
  },

  dossier: {
    labels: {
      window: 'Window',
      classes: 'Classes',
      before: 'Before',
      revenue: 'Revenue',
      profit: 'Profit',
      quantity: 'Quantity',
      purchases: 'Purchases',
      firstLast: 'First / last',
      rhythm: 'Rhythm',
      breadwinner: 'Breadwinner',
      prospect: 'Prospect',
      series: 'Series',
    },
    noClass: 'no line in the window: no class',
    notReached: 'the ledger does not reach back that far',
    newThen: 'new (no line then)',
    beforeTotal: (cell: string, by: AbcMetric, total: string): string => `${cell}, ${METRIC[by]} ${total}`,
    partly: ' (the ledger covers it only in part)',
    rank: (rank: number, cum: string): string => `; rank ${rank}, cumulative share ${cum}`,
    ofAll: (value: string, share: string, rank: string): string => `${value} (${share} of all${rank})`,
    ofRevenue: (value: string, share: string): string => `${value} (${share} of revenue)`,
    ofProfit: (value: string, share: string): string => `${value} (${share} of profit)`,
    purchases: (n: string, active: number, periods: number, days: string): string => `${n} in the window, in ${active} of ${periods} periods; ${days} purchase days up to the as-of date`,
    daysAgo: (n: string): string => ` (${n} days ago)`,
    rhythm: (interval: string | null, status: string, pAlive: string | null): string =>
      `usual interval ${interval === null ? '-' : `${interval} days`}; status ${status}${pAlive === null ? '' : `; P(alive) ${pAlive}`}`,
    breadwinner: (share: string, basis: AbcMetric): string => `${share} of total ${METRIC[basis]}`,
    breadwinnerFrom: (threshold: string): string => `(a breadwinner from ${threshold})`,
    prospect: (since: string, metric: string, days: string, pace: string, projected: string, months: string, cls: string): string =>
      `new since ${since}: ${metric} in ${days} days = ${pace} a month → ${projected} over the window's ${months} months: class ${cls}`,
    prospectRule: (a: string, b: string): string => `(A from ${a}, B from ${b}: the smallest A and B totals of the window)`,
    perPeriod: (by: AbcMetric): string => `(${METRIC[by]} per period)`,
    seriesHeaders: (metric: string): string[] => ['Period', metric, 'Purchases', ''],
    amountHeaders: ['Net amount', 'Share'],
    productsTitle: 'Top products',
    productsSubtitle: (n: string): string => `(net amount over the whole ledger; ${n} products in all)`,
    product: 'Product',
    directionSubtitle: '(where it bought the most; net amount over the whole ledger)',
    attributesTitle: 'From the attributes file',
    attributesSubtitle: (line: number, name: string, tags: string): string => `(line ${line}, "${name}")${tags === '' ? '' : `, tags: ${tags}`}`,
    attributeHeaders: ['Attribute', 'Value'],
  },

  migration: {
    previousWindow: (w: string): string => `previous window ${w}`,
    window: (w: string): string => `window ${w}`,
    corner: (title: string): string => `${title} before ↓ now →`,
    title: 'Class migration',
    subtitle: (compared: string, now: string): string => `from the ${compared} to this window ${now} (clients)`,
    slippedTitle: 'Key clients that slipped',
    slippedNone: 'none (no A client fell to B, C or gone, no key X client to Y or Z)',
    slippedCount: (n: number): string => `Key clients that slipped (${h.integer(n)})`,
    slippedRule: 'A → B, C or gone; X → Y or Z',
    slippedHeaders: ['Client', 'ABC', 'XYZ', 'Total before', 'Total now', 'Key now'],
  },

  config: {
    title: (command: string): string => `Settings of kam ${command}`,
    file: (path: string | null): string => (path === null ? 'no config file (none given, no kam.config.json here)' : `config file: ${path}`),
    headers: ['Option', 'Value', 'From'],
    source: { default: 'default', environment: 'environment', config: 'config file', 'command-line': 'command line' },
    section: (command: string): string => `"${command}" section`,
    unset: '(not set)',
    yes: 'true',
    no: 'false',
  },

  workbook: {
    title: (inputs: string): string => `Key-account analysis — ${inputs}`,
    pageFooter: 'Page &P of &N',
    sheets: {
      summary: 'Summary',
      clients: 'Clients',
      matrix: 'Matrix',
      pareto: 'Pareto',
      series: 'Series',
      lost: 'Lost',
      churn: 'Churn',
      migration: 'Migration',
      dossiers: 'Dossiers',
      model: 'Model',
      method: 'Method',
      bridge: 'Bridge',
      portfolios: 'Portfolios',
      history: 'Class history',
    },
    descriptions: {
      summary: 'the ledger, the window, totals, key clients against the 30–55% band, notes and warnings',
      clients: 'one row per client: classes, totals, shares, rhythm and status (the --format csv columns), then the figure per period',
      matrix: 'the ABC-XYZ matrix: clients, revenue and share per cell, and the strategy each cell calls for',
      pareto: 'the Pareto curve: clients ranked by the ABC metric, cumulative share and the A/B and B/C cut-offs, as a chart',
      series: 'clients × periods: the ABC metric per period, heat-coloured, with the class cell and the CV',
      lost: 'the win-back list: lost and at-risk clients, most valuable first, with P(alive) and the action each calls for',
      churn: 'clients that became lost and came back per period (a chart and a table), and the same per direction',
      migration: "the earlier window's classes → this window's (ABC and XYZ, with new and gone clients), key clients that slipped",
      dossiers: 'the card of every key client: classes now and before, totals, rhythm, per-period series, products, directions, attributes',
      model: 'the purchase and spend models as fitted, the expected revenue, and the holdout check with its tracking chart (kam alive --holdout)',
      method: 'every setting used, the kam version and the as-of date, and what each column means',
      bridge: 'the revenue bridge per period: start, new, reactivated, expansion, contraction, churned, end (and per direction), with a waterfall chart',
      portfolios: 'one row per direction value: clients, revenue and share, key clients, A/B/C within the portfolio, statuses, revenue at stake',
      history: 'class history: each client\'s class in every snapshot, its stability mark and how often it was A',
    },
    /** Input descriptions on the Summary and Method sheets. */
    csv: 'CSV',

    summary: {
      title: 'Key-account analysis',
      subtitle: (inputs: string, from: string, to: string, asOf: string): string => `${inputs} — ${from} … ${to}, as of ${asOf}`,
      sections: { ledger: 'Ledger', window: 'Window', totals: 'Clients and totals', key: 'Key clients', classes: 'Classes', notes: 'Notes and warnings', contents: 'In this workbook' },
      file: 'File',
      rowsRead: 'Rows read',
      rowsComment: (c: RowCounts): string =>
        `${h.integer(c.accepted)} used, ${h.integer(c.skipped)} skipped${c.skipped > 0 ? ` (${h.integer(c.noClient)} without a client, ${h.integer(c.badDate)} with an unreadable date, ${h.integer(c.badNumber)} with an unreadable number)` : ''}`,
      periods: 'Periods',
      periodsComment: (kind: PeriodKind, n: number, from: string, to: string): string => `whole ${PERIOD[kind]}${s(n)}, ${from} … ${to}`,
      from: 'From',
      fromComment: 'first day of the window',
      to: 'To',
      toComment: 'last day of the window',
      asOf: 'As of',
      asOfComment: 'the day recency and lost clients are judged from',
      clients: 'Clients',
      clientsComment: (inLedger: string): string => `with a line in the window; ${inLedger} in the ledger up to the as-of date`,
      revenue: 'Net revenue',
      revenueComment: 'sales less returns, in the window',
      profit: 'Profit',
      quantity: 'Quantity',
      inWindow: 'in the window',
      keyClients: 'Key clients',
      verdictNone: 'no positive revenue to share',
      verdict: { within: (band: string) => `within the ${band} reference band`, below: (band: string) => `below the ${band} reference band`, above: (band: string) => `above the ${band} reference band` },
      revenueShare: 'Share of revenue',
      profitShare: 'Share of profit',
      profitShareComment: (share: string): string => `key clients' profit: ${share} of the total`,
      band: 'Reference band',
      bandComment: 'the share of sales key clients typically make up',
      classRow: (abc: string): string => `Class ${abc}`,
      ofRevenue: (share: string): string => `${share} of revenue`,
      topClients: (cut: number, by: AbcMetric): string => ` — the top clients that make up ${cut}% of the ${METRIC[by]}`,
      xRow: (kind: PeriodKind, cut: number): string => `steady: ${PERIOD[kind]}ly CV up to ${cut}%`,
      yRow: (cut: number): string => `seasonal or drifting: CV up to ${cut}%`,
      zRow: 'irregular',
      noXyz: 'No XYZ class',
      noXyzRow: (n: number, kind: PeriodKind): string => `fewer than ${n} ${PERIOD[kind]}s of history, or no net purchases`,
      none: 'None',
      noneComment: 'nothing unusual was found while reading and analysing the ledger',
    },

    /** The Clients sheet's headers and the Method sheet's glossary, per CSV column. */
    columns: {
      client: { header: (_c: ColumnTextContext) => 'Client', meaning: (_c: ColumnTextContext) => 'The client, as named in the ledger (spaces trimmed and folded).' },
      abc: { header: (_c: ColumnTextContext) => 'ABC', meaning: (c: ColumnTextContext) => `ABC class by ${METRIC[c.by]}: A, B or C (Pareto cut-offs on the Method sheet).` },
      xyz: {
        header: (_c: ColumnTextContext) => 'XYZ',
        meaning: (c: ColumnTextContext) => `XYZ class by the steadiness of ${PERIOD[c.period]}ly purchases: X steady, Y seasonal, Z irregular; "-" too few periods or no net purchases.`,
      },
      cell: { header: (_c: ColumnTextContext) => 'Cell', meaning: (_c: ColumnTextContext) => 'The ABC-XYZ matrix cell (see the Matrix sheet for its strategy).' },
      total: { header: (c: ColumnTextContext) => `Total ${METRIC[c.by]}`, meaning: (c: ColumnTextContext) => `The client's ${METRIC[c.by]} summed over the window: the ABC metric.` },
      share: { header: (_c: ColumnTextContext) => 'Share', meaning: (c: ColumnTextContext) => `The client's share of the ${METRIC[c.by]} of all clients with a positive total.` },
      cum_share: { header: (_c: ColumnTextContext) => 'Cum. share', meaning: (_c: ColumnTextContext) => 'Cumulative share of the clients ranked up to and including this one.' },
      rank: { header: (_c: ColumnTextContext) => 'Rank', meaning: (_c: ColumnTextContext) => 'Place in the ranking, largest first (empty for a zero or negative total).' },
      cv: {
        header: (_c: ColumnTextContext) => 'CV',
        meaning: (c: ColumnTextContext) => `Coefficient of variation of the ${PERIOD[c.period]}ly series (standard deviation / mean): the XYZ measure.`,
      },
      active_periods: { header: (c: ColumnTextContext) => `Active ${PERIOD[c.period]}s`, meaning: (c: ColumnTextContext) => `Window ${PERIOD[c.period]}s with at least one purchase.` },
      purchases: {
        header: (_c: ColumnTextContext) => 'Purchases',
        meaning: (c: ColumnTextContext): string => (c.document ? 'Distinct documents (invoices) in the window.' : 'Distinct purchase days in the window (the ledger has no document column).'),
      },
      first_purchase: { header: (_c: ColumnTextContext) => 'First purchase', meaning: (_c: ColumnTextContext) => 'First purchase day up to the as-of date.' },
      last_purchase: { header: (_c: ColumnTextContext) => 'Last purchase', meaning: (_c: ColumnTextContext) => 'Last purchase day up to the as-of date (a day of returns alone does not count).' },
      recency_days: { header: (_c: ColumnTextContext) => 'Days since last purchase', meaning: (_c: ColumnTextContext) => 'Days from the last purchase to the as-of date.' },
      usual_interval_days: { header: (_c: ColumnTextContext) => 'Usual interval, days', meaning: (_c: ColumnTextContext) => 'Median gap in days between consecutive purchase days.' },
      status: {
        header: (_c: ColumnTextContext) => 'Status',
        meaning: (_c: ColumnTextContext) => 'active, at-risk or lost, from the silence since the last purchase against the usual interval (Method sheet).',
      },
      p_alive: { header: (_c: ColumnTextContext) => 'P(alive)', meaning: (_c: ColumnTextContext) => 'Probability that the client still buys (BG/NBD model); empty where not computed.' },
      tags: {
        header: (_c: ColumnTextContext) => 'Tags',
        meaning: (c: ColumnTextContext) =>
          `Segment tags: key (the top clients making up ${pct(c.keyShare)}% of ${METRIC[c.by]}, breadwinner or image-maker); breadwinner (at least ${pct(c.breadwinnerShare)}% of total ${c.profit ? 'profit' : 'revenue'}); prospect (first purchase within ${c.newWithinMonths} months of the as-of date, buying at a pace that over the whole window reaches the smallest B total); qualified (a prospect with need, can_pay and authority all yes); image-maker, expert and others from the attributes file; lost, at-risk.`,
      },
      abc_prev: { header: (_c: ColumnTextContext) => 'ABC before', meaning: (_c: ColumnTextContext) => 'ABC class in the earlier window (--compare); empty without it, and for clients new since.' },
      xyz_prev: { header: (_c: ColumnTextContext) => 'XYZ before', meaning: (_c: ColumnTextContext) => 'XYZ class in the earlier window (--compare); empty without it, and for clients new since.' },
      purchases_cv: { header: (_c: ColumnTextContext) => 'Purchases CV', meaning: (c: ColumnTextContext) => `Coefficient of variation of the number of purchases per ${PERIOD[c.period]}.` },
      revenue: { header: (_c: ColumnTextContext) => 'Net revenue', meaning: (_c: ColumnTextContext) => 'Net amount in the window: sales less returns.' },
      profit: { header: (_c: ColumnTextContext) => 'Profit', meaning: (_c: ColumnTextContext) => 'Profit in the window (where the ledger has a profit column).' },
      quantity: { header: (_c: ColumnTextContext) => 'Quantity', meaning: (_c: ColumnTextContext) => 'Quantity in the window (where the ledger has a quantity column).' },
      flags: { header: (_c: ColumnTextContext) => 'Flags', meaning: (_c: ColumnTextContext) => 'Why a figure is missing or unusual: non-positive-total, too-new, no-net-purchases.' },
      expected_purchases: {
        header: (_c: ColumnTextContext) => 'Expected purchase days',
        meaning: (c: ColumnTextContext) => `Purchase days the BG/NBD model expects from the client in the ${h.number(c.horizonWeeks)} weeks after the as-of date (--horizon); empty where the model does not fit.`,
      },
      expected_revenue: {
        header: (_c: ColumnTextContext) => 'Expected revenue',
        meaning: (c: ColumnTextContext) =>
          `Expected purchase days × expected spend per purchase day (Gamma-Gamma; the population mean for a client it cannot judge) over the ${h.number(c.horizonWeeks)} weeks after the as-of date, discounted when --discount is set; empty where a model does not fit.`,
      },
    },

    matrix: {
      title: 'ABC-XYZ matrix',
      subtitle: (by: AbcMetric, a: number, b: number, period: PeriodKind, x: number, y: number, clients: number, revenue: string): string =>
        `ABC by ${METRIC[by]} (cut-offs ${pct(a)}/${pct(b)}%), XYZ by ${PERIOD[period]}ly CV (cut-offs ${pct(x)}/${pct(y)}%); ${clients} clients, net revenue ${revenue}`,
      grids: { clients: 'Clients', revenue: 'Net revenue', share: 'Share of net revenue' },
      corner: 'ABC \\ XYZ',
      noXyz: 'no XYZ',
      colours:
        'Colours: green — valuable and steady (AX, AY, BX); amber — AZ, BY, CX; red — small or erratic (BZ, CY, CZ); grey — no XYZ class yet (too new, or no net purchases).',
      strategyTitle: 'Strategy per cell',
      strategyHeaders: ['Cell', 'Clients', 'Net revenue', 'Share', 'Strategy'],
    },

    pareto: {
      rank: 'Rank',
      ranks: 'Ranks',
      client: 'Client',
      clients: 'Clients',
      class: 'Class',
      perClient: (metric: string): string => `${metric} per client (group average)`,
      cumShare: 'Cumulative share',
      cutAB: (cut: string): string => `A/B cut-off (${cut})`,
      cutBC: (cut: string): string => `B/C cut-off (${cut})`,
      groupLabel: (n: number): string => `${h.integer(n)} client${s(n)}`,
      classLine: (abc: string, n: number, ofClients: string, share: string): string => `${abc}: ${h.integer(n)} client${s(n)} (${ofClients} of clients) bring ${share}`,
      classLineEnd: (by: AbcMetric): string => ` of the ${METRIC[by]}.`,
      title: 'Pareto curve',
      subtitle: (by: AbcMetric, grouped: boolean): string =>
        `Clients ranked by ${METRIC[by]}, largest first: ${grouped ? 'columns show the average per client in each rank group' : 'columns show each client'}, coloured by class (A green, B amber, C red); the line is the cumulative share, dashed lines mark the cut-offs.`,
      notOnCurve: (n: number, by: AbcMetric): string =>
        `${h.integer(n)} client${s(n)} with a zero or negative ${METRIC[by]} ${n === 1 ? 'is' : 'are'} not on the curve (class C, flagged on the Clients sheet).`,
      noCurve: (by: AbcMetric): string => `No client has a positive ${METRIC[by]} in the window: there is no curve to draw.`,
      chartTitle: (by: AbcMetric): string => `Pareto curve: ${METRIC[by]} by client`,
      categoriesGrouped: 'Clients by rank (groups)',
      categories: 'Clients, largest first',
      leftAxisGrouped: (metric: string): string => `${metric} per client`,
      chartName: 'Pareto chart',
    },

    series: {
      client: 'Client',
      cell: 'Cell',
      cv: 'CV',
      total: (by: AbcMetric): string => `Total ${METRIC[by]}`,
    },

    lost: {
      headers: (direction: string | null): string[] => [
        '#',
        'Client',
        'ABC',
        'Status',
        'Key client',
        'Last purchase',
        'Days since last purchase',
        'Usual interval, days',
        'Lost after, days',
        'Revenue, 12 months before last purchase',
        'P(alive)',
        ...(direction === null ? [] : [direction]),
        'Action',
        'What to do',
      ],
      direction: 'Direction',
      title: 'Win-back list',
      subtitle: (asOf: string, lost: string, atRisk: string, clients: string, atStake: string, rules: string): string =>
        `As of ${asOf}: ${lost} lost and ${atRisk} at-risk of ${clients} clients with a purchase; at stake ${atStake}. Rules: ${rules}.`,
      none: 'No lost or at-risk clients.',
      key: 'key',
      /** The win-back action in two or three words: the printed list's short column beside the full text. */
      actionShort: {
        'A-lost': 'Director call',
        'A-at-risk': 'Manager call',
        'B-lost': 'Win-back offer',
        'B-at-risk': 'Reminder + offer',
        'C-lost': 'Mailing',
        'C-at-risk': 'Reminder',
      } satisfies Record<WinBackAction, string>,
    },

    bridge: {
      title: (kind: PeriodKind): string => `Revenue bridge by ${PERIOD[kind]}`,
      subtitle: (window: string): string =>
        `${window}. How net revenue moved from the period before: new clients (no line before), reactivated (back after a period without a line), expansion and contraction of the clients present in both, churned (present before, absent now). Each row adds up: start + movements = end.`,
      headers: (kind: PeriodKind): string[] => [PERIOD[kind][0]!.toUpperCase() + PERIOD[kind].slice(1), 'Start', 'New', 'Reactivated', 'Expansion', 'Contraction', 'Churned', 'End', 'New clients', 'Reactivated clients', 'Churned clients'],
      bySection: (direction: string): string => `By ${direction}`,
      byNote: (direction: string): string => `A client counts under the ${direction} value it bought the most under (net), with all its revenue: the rows of the values add up to the overall ones.`,
      windowSection: 'The whole window',
      windowHeaders: ['Step', 'Amount', 'Base', 'Up', 'Down', 'Total'],
      windowNote: 'The start of the first period, every movement summed over the window, the end of the last period. Base, up, down and total draw the chart.',
      chartTitle: (first: string, last: string): string => `Revenue bridge, ${first} … ${last}`,
      axisTitle: 'Net revenue',
      chartName: 'Revenue bridge chart',
    },
    portfolios: {
      title: (direction: string): string => `Portfolios by ${direction}`,
      subtitle: (window: string, direction: string): string =>
        `${window}. A client's portfolio is the ${direction} value it bought the most under (net). A/B/C: ABC within the portfolio (the same cut-offs). Statuses and revenue at stake: every client of the portfolio with a purchase up to the as-of date. Churned: the last period's churned revenue (revenue bridge).`,
      headers: (direction: string): string[] => [direction, 'Clients', 'Revenue', 'Share', 'Key clients', 'A', 'B', 'C', 'Active', 'At risk', 'Lost', 'Revenue at stake', 'Churned, last period'],
    },
    history: {
      title: 'Class history',
      subtitle: (n: string, every: PeriodKind, months: string): string =>
        `${n} snapshots at the end of every ${PERIOD[every]}, each the analysis of the trailing ${months} months as of that day. "-": no line in that snapshot's window. Mark: the first snapshot against the last — stable, rising, falling, new (not in the first), gone (not in the last).`,
      headers: (snapshots: readonly string[]): string[] => ['Client', ...snapshots, 'Mark', 'Times A'],
      stayedA: (stayed: string, were: string): string => `${stayed} of the ${were} A clients of the first snapshot are A in the last.`,
    },
    churn: {
      title: 'Churn dynamics',
      subtitle: (asOf: string): string =>
        `As of ${asOf}. A client becomes lost on the first day its silence exceeds its lost threshold (Method sheet); it came back when it bought again after that. Revenue: over the 12 months before the last purchase.`,
      totals: (became: string, back: string, now: string): string => `${became} times a client became lost, ${back} came back, ${now} lost now.`,
      headers: (kind: PeriodKind): string[] => [
        PERIOD[kind][0]!.toUpperCase() + PERIOD[kind].slice(1),
        'Start',
        'End',
        'Became lost',
        'Their revenue, 12 months',
        'Came back',
        'Of them still lost',
        `Lost at ${PERIOD[kind]} end`,
      ],
      part: (period: string): string => `${period} (part)`,
      chartTitle: (kind: PeriodKind): string => `Clients lost and won back per ${PERIOD[kind]}`,
      leftTitle: (kind: PeriodKind): string => `Clients per ${PERIOD[kind]}`,
      rightTitle: 'Lost clients',
      chartName: 'Churn chart',
      direction: 'Direction',
      bySection: (direction: string): string => `By ${direction}`,
      byNote: (direction: string): string => `A client counts under the ${direction} value it bought the most under (net).`,
      byHeaders: (direction: string): string[] => [direction, 'Clients', 'Active', 'At risk', 'At stake', 'Lost now', 'Became lost', 'Came back'],
      perSection: (kind: PeriodKind, direction: string): string => `Per ${PERIOD[kind]} and ${direction}`,
      perNote: (kind: PeriodKind, direction: string): string => `Only the ${PERIOD[kind]}s in which a client of the ${direction} became lost or came back; use the filter to pick one.`,
      perHeaders: (kind: PeriodKind, direction: string): string[] => [
        PERIOD[kind][0]!.toUpperCase() + PERIOD[kind].slice(1),
        direction,
        'Start',
        'Became lost',
        'Their revenue, 12 months',
        'Came back',
        'Of them still lost',
        '',
      ],
    },

    migration: {
      corner: 'before ↓   now →',
      slippedSection: (n: number): string => `Key clients that slipped: A → B, C or gone; X → Y or Z (${h.integer(n)})`,
      slippedNone: 'None: no client that is key now or was A before lost its A or its X.',
      slippedHeaders: ['Client', 'ABC before', 'ABC now', 'XYZ before', 'XYZ now', 'Total before', 'Total now', 'Change', 'Key now'],
      goneSection: (n: number): string => `Clients gone: a line in the earlier window, none in this one (${h.integer(n)})`,
      goneNone: 'None.',
      goneHeaders: ['Client', 'ABC before', 'XYZ before', 'Total before'],
      title: 'Class migration',
      noCompare: 'No earlier window to compare with: run with --compare previous (or --compare FROM..TO).',
      subtitle: (compared: string, now: string, by: AbcMetric, period: PeriodKind): string =>
        `From the ${compared} to this window ${now}, with the same settings (ABC by ${METRIC[by]}, ${PERIOD[period]}ly XYZ). New: no line in the earlier window; gone: none in this one.`,
      grids: {
        abcClients: 'ABC: clients',
        abcRevenue: 'ABC: net revenue in this window',
        abcPrevious: 'ABC: net revenue in the earlier window',
        xyzClients: 'XYZ: clients ("-": too few periods or no net purchases)',
      },
      totals: (before: number, beforeRevenue: string, now: number, nowRevenue: string): string =>
        `Earlier window: ${before} clients, net revenue ${beforeRevenue}; this window: ${now} clients, net revenue ${nowRevenue}.`,
    },

    dossiers: {
      title: 'Key client dossiers',
      subtitle: (n: number, from: string, to: string, rule: string): string =>
        `${n} key client${s(n)} (${rule}), in ranking order; window ${from} … ${to}. Products and direction values are net amounts over the whole ledger.`,
      noComparison: 'no comparison',
      beforeLedger: 'before the ledger',
      new: 'new',
      noLine: 'no line in the window',
      classNow: 'Class now',
      classBefore: 'Class before',
      earlierWindow: 'Earlier window',
      revenue: 'Net revenue',
      revenueShare: 'Share of revenue',
      total: (by: AbcMetric): string => `Total ${METRIC[by]}`,
      share: 'Share',
      profit: 'Profit',
      profitShare: 'Share of profit',
      rank: 'Rank',
      cumShare: 'Cumulative share',
      cv: 'CV',
      purchases: 'Purchases in the window',
      firstPurchase: 'First purchase',
      lastPurchase: 'Last purchase',
      interval: 'Usual interval, days',
      recency: 'Days since last purchase',
      status: 'Status',
      pAlive: 'P(alive)',
      direction: 'Direction',
      allValues: 'All values',
      products: 'Top products',
      strategy: 'Strategy',
      period: 'Period',
      metricRow: (by: AbcMetric): string => (by === 'revenue' ? 'Net revenue' : METRIC[by]),
      purchasesRow: 'Purchases',
      sparkline: 'Sparkline',
    },

    method: {
      title: 'Method',
      subtitle: 'How the figures in this workbook were made: every setting used, so a reviewer can check them and repeat the run.',
      headers: ['Setting', 'Value', 'Option', 'What it means'],
      sections: {
        run: 'Run',
        window: 'Window',
        abc: 'ABC: how much a client buys',
        xyz: 'XYZ: how steadily a client buys',
        lost: 'Lost clients',
        key: 'Key clients',
        reading: 'Reading the sheets',
        columns: 'Columns of the Clients sheet',
      },
      version: ['kam version', 'The program that made this workbook.'],
      made: ['Made', 'When the workbook was written (UTC).'],
      ledger: 'Ledger',
      readAs: (how: string): string => `Read as ${how}.`,
      language: ['Language', 'The language of this workbook and of the terminal; the figures are the same in every language.'],
      command: 'Command',
      commandLedger: 'LEDGER',
      commandNote: 'Repeats this analysis on the same ledger: every setting is spelled out, defaults included.',
      asOf: ['As of', 'The day the analysis looks from. By default the last date in the ledger; rows after it are ignored.'],
      period: 'Period',
      periodMeaning: (kind: PeriodKind): string => `The window and the XYZ series are counted in ${PERIOD[kind]}s${kind === 'week' ? ' (weeks start on Monday)' : ''}.`,
      window: 'Window',
      windowMeaning: (kind: PeriodKind, n: number, start: string, end: string): string =>
        `${n} whole ${PERIOD[kind]}${s(n)}, ${start} … ${end}. ABC and XYZ use the rows inside the window; recency uses every row up to the as-of date.`,
      partial: 'Partial periods',
      partialValue: (kept: boolean): string => (kept ? 'kept' : 'left out'),
      partialMeaning: (kept: boolean): string =>
        kept ? 'A first or last period the ledger covers only in part is kept in the window.' : 'A first or last period the ledger covers only in part is left out of the window, so every period is comparable.',
      metric: 'Metric',
      metricMeaning: (by: AbcMetric): string => `Clients are ranked by their ${METRIC[by]} over the window, largest first (net of returns); ties share a class.`,
      cutoffs: 'Cut-offs',
      abcMeaning: (a: string, b: string): string =>
        `A: the top clients that together make up ${a}% of the total; B: the next ones up to ${b}%; C: the rest, and every client whose total is zero or negative.`,
      boundary: 'Boundary',
      boundaryMeaning: (boundary: AbcBoundary, a: string): string =>
        boundary === 'include'
          ? `The client that crosses a cut-off belongs to the higher class: A is the smallest set of top clients that reaches ${a}%.`
          : 'A client is in the higher class only when the cumulative share including it stays within the cut-off (the usual spreadsheet convention).',
      xyzMeaning: (kind: PeriodKind, by: AbcMetric, x: string, y: string): string =>
        `CV is the standard deviation of the client's ${PERIOD[kind]}ly ${METRIC[by]} divided by its mean. X when CV ≤ ${x}%, Y when ≤ ${y}%, otherwise Z.`,
      seriesStart: 'Series start',
      seriesStartMeaning: (start: XyzStart, kind: PeriodKind): string =>
        start === 'first'
          ? `Each client's series runs from its first ${PERIOD[kind]} in the window to the window's end, with zeros for ${PERIOD[kind]}s without a purchase.`
          : `Every client's series runs over the whole window, with zeros for ${PERIOD[kind]}s without a purchase.`,
      sdLabel: 'Standard deviation',
      sdMeaning: (sd: SdKind): string => (sd === 'population' ? 'Population standard deviation (divides by n).' : 'Sample standard deviation (divides by n − 1).'),
      minPeriods: 'Minimum periods',
      minPeriodsMeaning: (kind: PeriodKind): string => `A client with fewer ${PERIOD[kind]}s in its series, or no net purchases, gets no XYZ class ("-") and no CV.`,
      lostAfter: 'Lost after',
      lostAfterMeaning: (days: string, half: string, minDays: string): string =>
        `Whatever its rhythm, a client is lost after ${days} days without a purchase, and at risk after ${half}. Clients with fewer than ${minDays} purchase days are judged by this rule alone.`,
      lostFactor: 'Lost factor',
      lostFactorMeaning: (k: string, floor: string, minDays: string): string =>
        `A client with at least ${minDays} purchase days is lost when its silence exceeds ${k} × its usual interval (the median gap between purchase days), and never before ${floor} days.`,
      riskFactor: 'Risk factor',
      riskFactorMeaning: (k: string, floor: string): string => `…and at risk when its silence exceeds ${k} × its usual interval, never before ${floor} days.`,
      horizon: 'Horizon (weeks)',
      horizonMeaning: (weeks: string): string =>
        `Expected purchase days (BG/NBD) and expected revenue (× the Gamma-Gamma spend per purchase day) are over the ${weeks} weeks after the as-of date: the expected_purchases and expected_revenue columns, the Expected lines, the Model sheet.`,
      discount: 'Discount rate',
      discountMeaning: (rate: string | null): string =>
        rate === null ? 'The expected revenue is not discounted.' : `The expected revenue is discounted at ${rate} a year, week by week: each week's expected purchases at the week's own factor.`,
      keyClients: ['Key clients', 'The top clients that together make up this share of the ABC metric (ranked and bounded like class A), and every client tagged breadwinner or image-maker.'],
      breadwinner: 'Breadwinner share',
      breadwinnerMeaning: (profit: boolean): string => `Breadwinner: at least this share of the window's total ${profit ? 'profit' : 'revenue (the ledger has no profit column)'}.`,
      newWithin: 'New within, months',
      newWithinMeaning: (by: AbcMetric): string =>
        `Prospect: first purchase at most this many months before the as-of date, and a pace (${METRIC[by]} since the first purchase per month, counting at least one month) that over the whole window reaches the smallest total of the window's B clients.`,
      compared: ['Compared with', 'The earlier window of the Migration sheet and of the ABC/XYZ-before columns, analysed with the same settings.'],
      band: ['Reference band', 'The share of sales key clients typically make up; the Summary says where this ledger stands.'],
      notes: {
        colours: [
          'Colours',
          'Green, amber and red follow the classes: A, X and active green; B, Y and at risk amber; C, Z and lost red. Matrix cells: AX, AY, BX green; AZ, BY, CX amber; BZ, CY, CZ red; no XYZ class grey.',
        ],
        clients: [
          'Clients',
          'One row per client in ranking order; the columns are those of `kam analyze --format csv`, in the same order and with the same values, followed by the ABC metric per period. Filters are on the header row.',
        ],
        pareto: (bars: number): string[] => [
          'Pareto',
          `A native chart drawn from the table beside it. Up to ${bars} clients get a column each; with more, each column is a rank group (the average per client of the group, groups never straddling a class boundary).`,
        ],
        series: [
          'Series',
          'A colour scale over all the period cells: white at zero, full green from the 95th percentile of all cells up. A dot is a period without purchases; red figures are net returns.',
        ],
        money: (revenue: string): string[] => ['Money', `Amounts are as in the ledger (no currency conversion); net revenue in the window: ${revenue}.`],
      },
      columnHeaders: ['Header', 'CSV column', '', 'What it means'],
      perPeriod: (kind: PeriodKind): string => `Then one column per ${PERIOD[kind]}`,
      perPeriodMeaning: (by: AbcMetric, kind: PeriodKind): string => `The client's ${METRIC[by]} in each ${PERIOD[kind]} of the window.`,
    },
  },
};

export type Messages = typeof en;
