// Problems are data: a code plus the facts needed to explain it. The core and the readers
// return or throw them; src/report/messages.ts turns them into words with the run's catalogue
// (src/i18n/en.ts, ru.ts, kk.ts: a new code needs its message in each, or it does not compile).

export type ProblemCode =
  // usage (exit 2)
  | 'bad-option'
  // data and file problems (exit 1)
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-empty'
  | 'file-binary'
  | 'file-truncated'
  | 'sheet-not-found'
  | 'sheet-skipped'
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
  | 'output-unwritable'
  | 'output-is-input'
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
  | 'lost-key-clients'
  // segments, attributes file, --compare, kam client (SPEC §7, §8)
  | 'client-not-found'
  | 'attributes-no-client-column'
  | 'attributes-unmatched'
  | 'attributes-bad-value'
  | 'attributes-computed-tag'
  | 'compare-outside-ledger';

export type Severity = 'error' | 'warning' | 'note';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  file?: string | undefined;
  line?: number | undefined;
  column?: string | undefined;
  value?: string | undefined;
  /** Further facts for the message: counts, suggestions, lists of headers. */
  details?: Record<string, string | number | readonly string[]> | undefined;
}

/** Thrown by readers and the core for problems that end the run. */
export class KamError extends Error {
  readonly problem: Problem;
  constructor(problem: Omit<Problem, 'severity'> & { severity?: Severity }) {
    super(problem.code);
    this.name = 'KamError';
    this.problem = { severity: 'error', ...problem };
  }
}

export function isUsageProblem(problem: Problem): boolean {
  return problem.code === 'bad-option';
}
