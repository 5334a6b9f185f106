// Which notes of a run go to standard error, one table per command. Data on standard output
// stays clean for scripts; what a person should know about it goes to stderr. (The table view
// lists its notes under its own summary, so commands consult this only when the output is data,
// except `kam client`, whose card says nothing of the run's notes.)
import type { Problem, ProblemCode, Severity } from '../core/problems.js';
import type { Messages } from '../i18n/en.js';
import { problemLine } from '../report/messages.js';

interface NoteMatch {
  code: ProblemCode;
  /** Only when the note's value is not this one. */
  valueNot?: string;
  /** Only when --compare was not given on the command line. */
  withoutCompare?: true;
}

export interface StderrNotes {
  /** Notes of these severities go to stderr… */
  severities: readonly Severity[];
  /** …and these whatever their severity… */
  also: readonly NoteMatch[];
  /** …but never these. */
  except: readonly NoteMatch[];
}

/** p_alive left empty (too few clients, no repeat buyer): worth a line, unlike a fit that did not converge. */
const P_ALIVE_MISSING: NoteMatch = { code: 'bgnbd-not-fitted', valueNot: 'no-convergence' };
/** The BG/NBD note is said where P(alive) is shown (analyze's and lost's tables, kam alive), nowhere else. */
const PURCHASE_MODEL: NoteMatch = { code: 'bgnbd-not-fitted' };

export const STDERR_NOTES = {
  analyze: { severities: ['error', 'warning'], also: [{ code: 'partial-period-dropped' }, { code: 'rows-skipped' }, P_ALIVE_MISSING], except: [] },
  lost: { severities: ['error', 'warning'], also: [{ code: 'rows-skipped' }, P_ALIVE_MISSING], except: [] },
  // Only what bears on the card; the card itself says whether the earlier window is covered.
  client: { severities: ['warning'], also: [], except: [{ code: 'xyz-degenerate' }, { code: 'compare-outside-ledger', withoutCompare: true }, PURCHASE_MODEL] },
  alive: { severities: ['error', 'warning', 'note'], also: [], except: [] },
  bridge: { severities: ['error', 'warning'], also: [{ code: 'partial-period-dropped' }, { code: 'rows-skipped' }], except: [] },
  portfolio: { severities: ['error', 'warning'], also: [{ code: 'partial-period-dropped' }, { code: 'rows-skipped' }], except: [PURCHASE_MODEL] },
  history: { severities: ['error', 'warning'], also: [{ code: 'rows-skipped' }], except: [] },
} as const satisfies Record<string, StderrNotes>;

export type NotedCommand = keyof typeof STDERR_NOTES;

function matches(m: NoteMatch, note: Problem, compareGiven: boolean): boolean {
  return note.code === m.code && (m.valueNot === undefined || note.value !== m.valueNot) && (m.withoutCompare === undefined || !compareGiven);
}

/** Whether `note` goes to stderr for `command`. */
export function noteToStderr(command: NotedCommand, note: Problem, run: { compareGiven?: boolean; quiet?: boolean | undefined } = {}): boolean {
  const rules: StderrNotes = STDERR_NOTES[command];
  // --quiet: notes off; warnings and errors stay.
  if (run.quiet === true && note.severity === 'note') return false;
  const compareGiven = run.compareGiven === true;
  if (rules.except.some((m) => matches(m, note, compareGiven))) return false;
  return rules.severities.includes(note.severity) || rules.also.some((m) => matches(m, note, compareGiven));
}

/** Writes to `stderr`, one line each, those of `notes` that go there for `command`. */
export function writeNotesToStderr(
  command: NotedCommand,
  notes: Iterable<Problem>,
  stderr: { write(text: string): unknown },
  t: Messages,
  run: { compareGiven?: boolean; quiet?: boolean | undefined } = {},
): void {
  for (const note of notes) if (noteToStderr(command, note, run)) stderr.write(problemLine(note, t));
}
