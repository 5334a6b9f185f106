// Reporters by name (knip-style): the CLI picks one with --format.
import type { ChalkInstance } from 'chalk';
import type { Report } from '../core/report.js';
import type { Messages } from '../i18n/en.js';
import { renderCsv } from './csv.js';
import { renderJson, renderNdjson } from './json.js';
import type { RunContext } from './run-context.js';
import { renderTerminal } from './terminal.js';

export interface ReporterOptions {
  chalk: ChalkInstance;
  top: number;
  /** The run's language (tables only: CSV and JSON stay English for scripts). */
  t: Messages;
  /** --safe-csv (CSV only): see csv.ts. */
  safeCsv?: boolean;
  /** The terminal's width (terminalWidth); undefined: no limit. */
  width?: number | undefined;
}

export type Reporter = (report: Report, context: RunContext, options: ReporterOptions) => Iterable<string>;

export const REPORTERS = {
  table: (report, context, options) => renderTerminal(report, context, options),
  csv: (report, _context, options) => renderCsv(report, options.safeCsv === true),
  json: (report) => renderJson(report),
  ndjson: (report) => renderNdjson(report),
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
