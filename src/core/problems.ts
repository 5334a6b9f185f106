// Problems are data: a code plus the facts needed to explain it. The core and the readers
// return or throw them; src/report/messages.ts turns them into words with the run's catalogue
// (src/i18n/en.ts, ru.ts, kk.ts: a new code needs its message in each, or it does not compile).

export type ProblemCode =
  // usage (exit 2)
  | 'bad-option'
  | 'input-twice'
  | 'duplicate-header'
  | 'column-two-roles'
  // data and file problems (exit 1)
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-empty'
  | 'file-binary'
  | 'file-truncated'
  | 'sheet-not-found'
  | 'sheet-skipped'
  | 'sheet-read'
  | 'no-header'
  | 'no-rows'
  | 'missing-column'
  | 'unknown-mapped-column'
  | 'ambiguous-dates'
  | 'ambiguous-numbers'
  | 'unknown-date-format'
  | 'bad-row'
  | 'no-profit-column'
  | 'no-quantity-column'
  | 'empty-window'
  | 'history-too-short'
  | 'output-unwritable'
  | 'output-is-input'
  | 'output-failed'
  | 'stray-quote'
  | 'line-too-long'
  | 'bad-encoding'
  | 'mixed-numbers'
  | 'mixed-currency'
  // warnings and notes shown with the summary
  | 'rows-skipped'
  | 'partial-period-dropped'
  | 'partial-period-kept'
  | 'window-capped'
  | 'xyz-degenerate'
  | 'no-positive-clients'
  | 'rows-after-as-of'
  // lost clients (SPEC §6, §10)
  | 'bgnbd-not-fitted'
  | 'bgnbd-not-sound'
  | 'lost-key-clients'
  // segments, attributes file, --compare, kam client (SPEC §7, §8)
  | 'client-not-found'
  | 'attributes-no-client-column'
  | 'attributes-unmatched'
  | 'attributes-bad-value'
  | 'attributes-computed-tag'
  | 'compare-outside-ledger'
  // other sources: day ledgers, DuckDB, PostgreSQL (SPEC §12)
  | 'day-ledger-missing'
  | 'day-ledger-no-direction'
  | 'duckdb-missing'
  | 'source-failed'
  // the ledger outgrows the memory the process may use (issue 18)
  | 'out-of-memory';

export type Severity = 'error' | 'warning' | 'note';

/**
 * Why a file cannot be read or written, as a code each catalogue words itself (never an English
 * phrase to translate). `system` is a failure kam has no words for: the operating system's or a
 * library's own code or text, shown as it is.
 */
export type FileReason =
  // reading
  | { code: 'folder-not-file' }
  | { code: 'permission-denied' }
  | { code: 'path-not-folder' }
  | { code: 'symlink-loop' }
  | { code: 'name-too-long' }
  | { code: 'io-error' }
  | { code: 'too-many-open-files' }
  | { code: 'xls-workbook' }
  | { code: 'ods-file' }
  | { code: 'zip-not-xlsx' }
  | { code: 'xlsb-workbook' }
  /** A zip whose entries are encrypted (a password set in a zip tool, not in Excel). */
  | { code: 'zip-encrypted' }
  /** A zip entry compressed with a method other than deflate or stored. */
  | { code: 'zip-method' }
  /** A quoted field still open at the end of the file; `line` is where the field starts. */
  | { code: 'csv-quote-not-closed'; line: number }
  /** Another CSV syntax error (csv-parse's `csvCode`) at `line` (and field `column`, from 1, where known). */
  | { code: 'csv-syntax'; csvCode: string; line: number; column?: number | undefined }
  // writing
  | { code: 'is-folder' }
  | { code: 'not-regular-file' }
  | { code: 'read-only-file' }
  | { code: 'read-only-file-system' }
  | { code: 'no-space' }
  | { code: 'quota-exceeded' }
  | { code: 'file-in-use' }
  | { code: 'no-folder'; folder: string }
  /** A part of `folder`'s path is not a folder. */
  | { code: 'folder-path-not-folder'; folder: string }
  | { code: 'not-a-folder'; folder: string }
  | { code: 'system'; text: string };

/**
 * Why a sheet of a workbook was left out: the problem that reading it as a ledger met, with the
 * facts its words need.
 */
export type SheetSkipReason =
  | { code: 'no-header' }
  | { code: 'no-rows' }
  | { code: 'missing-column'; roles: readonly string[] }
  | { code: 'unknown-mapped-column'; column: string; role: string };

/**
 * Why a row was refused: no client, an unreadable date or number, a date or number out of range,
 * fields that do not line up with the header, a day ledger's value not of its kind.
 */
export type BadRowKind = 'client' | 'date' | 'number' | 'far-date' | 'huge-number' | 'fields' | 'value';

/** The facts each code's message needs (`undefined`: none beyond file, line, column and value). */
export interface ProblemDetails {
  /** Usage errors: which message of the catalogues' `usage` and its facts (src/i18n/usage.ts). */
  'bad-option': Readonly<Record<string, string | readonly string[]>> | undefined;
  /** `value`: the other name the same file was given as, when it was another. */
  'input-twice': undefined;
  'duplicate-header': undefined;
  'column-two-roles': { roles: readonly string[] };
  'file-not-found': undefined;
  'file-unreadable': { reason: FileReason } | undefined;
  'file-empty': undefined;
  'file-binary': undefined;
  /** `part`: the workbook's part (zip entry) found damaged, when one was. */
  'file-truncated': { format: 'xlsx' | 'gzip'; part?: string | undefined };
  'sheet-not-found': { sheets: readonly string[] };
  'sheet-read': undefined;
  'sheet-skipped': { reason: SheetSkipReason };
  'no-header': { firstRow: readonly string[] };
  /** `skipped`: rows there were, none readable; `first`: why the first refused was (its line, column and value are the problem's). */
  'no-rows': { skipped: number; first?: BadRowKind | undefined } | undefined;
  'missing-column': { headers: readonly string[]; roles: readonly string[] };
  'unknown-mapped-column': { headers: readonly string[] };
  'ambiguous-dates': { candidates: readonly string[] };
  'ambiguous-numbers': { point: string };
  'unknown-date-format': undefined;
  /**
   * `fields`: the row's fields (`value`) do not line up with the header's `header` fields;
   * `value`: a day ledger's value that is not one of its kind's (SPEC §12).
   */
  'bad-row': { kind: Exclude<BadRowKind, 'fields'> } | { kind: 'fields'; header: number };
  'no-profit-column': undefined;
  'no-quantity-column': undefined;
  'empty-window': { from: string; to: string; period: string };
  'history-too-short': { from: string; to: string; every: 'month' | 'quarter'; months: number };
  'output-unwritable': { reason: FileReason };
  'output-is-input': undefined;
  'output-failed': { reason: FileReason };
  /** `lines`: the lines the quoted field opened at `line` takes in. */
  'stray-quote': { lines: number };
  /** `limit`: the longest record read, in millions of characters. */
  'line-too-long': { limit: number };
  /** `value`: the byte, as 0xNN. */
  'bad-encoding': { encoding: 'UTF-8' | 'Windows-1251' };
  /** `value`: a number only '.' reads as the decimal mark; `other`: one only ',' reads. */
  'mixed-numbers': { other: string };
  /**
   * `value` (at file, line, column) is in `other`, the ledger's amounts so far in `first`, seen at
   * `firstFile`/`firstLine` (the header's line for a header such as "Сумма, тг"), or given with
   * --currency (`firstLine` and `firstFile` null, `byOption`): amounts in two currencies are not summed.
   */
  'mixed-currency': { first: string; other: string; firstFile: string | null; firstLine: number | null; byOption: boolean };
  'rows-skipped': { total: number; noClient: number; badDate: number; badNumber: number; badFields?: number | undefined };
  'partial-period-dropped': { edge: 'leading' | 'trailing'; from: string; to: string };
  'partial-period-kept': { edge: 'leading' | 'trailing'; from: string; to: string };
  'window-capped': { asOf: string };
  'xyz-degenerate': { count: number; classed: number; suggestedCutoffs?: string; suggestedPeriod?: string };
  'no-positive-clients': undefined;
  'rows-after-as-of': { days: number };
  'bgnbd-not-fitted': { clients: number; repeat: number; needed: number };
  /** The fit stopped at a boundary: its parameters, as the message shows them. */
  'bgnbd-not-sound': { params: string };
  'lost-key-clients': { count: number; clients: readonly string[] };
  'client-not-found': { suggestions: readonly string[] };
  'attributes-no-client-column': { headers: readonly string[] };
  'attributes-unmatched': { count: number; names: readonly string[] };
  'attributes-bad-value': { count: number };
  'attributes-computed-tag': { tags: readonly string[] };
  'compare-outside-ledger': { from: string; to: string; ledgerFrom: string };
  'day-ledger-missing': { columns: readonly string[]; headers: readonly string[] };
  'day-ledger-no-direction': undefined;
  /** The package to install, as `value`. */
  'duckdb-missing': undefined;
  /** A database that said no; the server's own text as `value`. */
  'source-failed': { reason: 'no-source' | 'auth' | 'no-database' | 'no-table' | 'unreachable' | 'query' | 'no-space' | 'other'; table?: string };
  /**
   * Clients read when memory ran short; the limit in MB: V8's heap (which --max-old-space-size
   * sets), or with `engine` DuckDB's (which --memory sets).
   */
  'out-of-memory': { clients: number; limitMb: number; engine?: 'duckdb' | 'workbook' | undefined };
}

interface ProblemFacts {
  severity: Severity;
  file?: string | undefined;
  line?: number | undefined;
  column?: string | undefined;
  value?: string | undefined;
}

/** One problem of code K, with the details its message reads. */
export type ProblemOf<K extends ProblemCode> = ProblemFacts &
  { code: K } & (undefined extends ProblemDetails[K] ? { details?: ProblemDetails[K] } : { details: ProblemDetails[K] });

/** A problem: a code with the facts its message needs, typed per code (publint's `Message`). */
export type Problem = { [K in ProblemCode]: ProblemOf<K> }[ProblemCode];

/** A problem without its severity (KamError makes it an error unless told otherwise). */
export type ProblemInput = { [K in ProblemCode]: Omit<ProblemOf<K>, 'severity'> & { severity?: Severity } }[ProblemCode];

/** Thrown by readers and the core for problems that end the run. */
export class KamError extends Error {
  readonly problem: Problem;
  constructor(problem: ProblemInput) {
    super(problem.code);
    this.name = 'KamError';
    this.problem = { severity: 'error', ...problem } as Problem;
  }
}

export function isUsageProblem(problem: Problem): boolean {
  // A database source named without --table or --query is a usage error too.
  return (
    problem.code === 'bad-option' ||
    problem.code === 'input-twice' ||
    problem.code === 'duplicate-header' ||
    problem.code === 'column-two-roles' ||
    (problem.code === 'source-failed' && problem.details.reason === 'no-source')
  );
}
