// Words for problems. Every message is one line; the code is what scripts and tests rely on.
// The words themselves are in the catalogues, one per language (src/i18n/en.ts, ru.ts, kk.ts:
// `problems` for problem codes, `usage` for bad options and config values): add a message there,
// in every language — a code without one does not compile.
import type { Problem } from '../core/problems.js';
import { en, type Messages, type UsageParams } from '../i18n/en.js';
import { word } from '../i18n/helpers.js';

export function renderProblem(given: Problem, t: Messages = en): string {
  const problem = given.file === undefined ? given : { ...given, file: t.place(given.file) };
  if (problem.code === 'bad-option') {
    const key = problem.details?.usage;
    if (typeof key === 'string' && key in t.usage) {
      const params = problem.details as UsageParams;
      const text = t.usage[key as keyof Messages['usage']](params);
      const from = problem.details?.configFile;
      return typeof from === 'string' ? `${text}${t.usage.fromConfig({ file: from, key: String(problem.details?.configKey ?? '') })}` : text;
    }
  }
  return word(t.problems, problem);
}

/** "kam: warning: …" — one line on standard error. */
export function problemLine(problem: Problem, t: Messages, withSeverity = true): string {
  return `kam: ${withSeverity ? `${t.severity[problem.severity]}: ` : ''}${renderProblem(problem, t)}\n`;
}
