// Words for problems. Every message is one line; the code is what scripts and tests rely on.
// The words themselves are in the catalogues, one per language (src/i18n/en.ts, ru.ts, kk.ts:
// `problems` for problem codes, `usage` for bad options and config values): add a message there,
// in every language — a code without one does not compile.
import { visible } from './visible.js';
import type { Problem } from '../core/problems.js';
import { en, type Messages, type UsageParams } from '../i18n/en.js';
import { word } from '../i18n/helpers.js';

/** The most characters of a value a message shows. */
const MAX_SHOWN = 200;

export function renderProblem(given: Problem, t: Messages = en): string {
  let problem: Problem = given.file === undefined ? given : { ...given, file: t.place(given.file) };
  // A cell shown in a message is cut short: a line of megabytes is one line of text, not a screenful.
  if (problem.value !== undefined && problem.value.length > MAX_SHOWN) problem = { ...problem, value: `${problem.value.slice(0, MAX_SHOWN - 1)}…` };
  if (problem.code === 'bad-option') {
    const key = problem.details?.usage;
    if (typeof key === 'string' && key in t.usage) {
      const params = problem.details as UsageParams;
      const text = t.usage[key as keyof Messages['usage']](params);
      const from = problem.details?.configFile;
      return typeof from === 'string' ? `${text}${t.usage.fromConfig({ file: from, key: String(problem.details?.configKey ?? '') })}` : text;
    }
  }
  // A value from a file (a name, a cell) may hold control characters or escape codes.
  return visible(word(t.problems, problem));
}

/** "kam: warning: …" — one line on standard error. */
export function problemLine(problem: Problem, t: Messages, withSeverity = true): string {
  return `kam: ${withSeverity ? `${t.severity[problem.severity]}: ` : ''}${renderProblem(problem, t)}\n`;
}
