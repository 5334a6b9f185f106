// --fail-on: conditions under which a run exits 3 after writing all of its output (SPEC §10).
import type { Report } from '../core/report.js';
import { problemLine } from '../report/messages.js';
import type { Messages } from '../i18n/en.js';
import type { CommandIo } from './context.js';

export const FAIL_ON_CONDITIONS = ['lost-key'] as const;
export type FailOn = (typeof FAIL_ON_CONDITIONS)[number];

/** Exit status for --fail-on: 3 (with one line on stderr) when a condition holds, else 0. */
export function failOnStatus(report: Pick<Report, 'lostKeys'>, failOn: readonly FailOn[], io: CommandIo, t: Messages): number {
  if (!failOn.includes('lost-key')) return 0;
  const lost = report.lostKeys;
  if (lost.length === 0) return 0;
  io.stderr.write(problemLine({ code: 'lost-key-clients', severity: 'warning', details: { count: lost.length, clients: [...lost] } }, t, false));
  return 3;
}
