// Reporters by name (knip-style): the CLI picks one with --format.
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../core/analyze.js';
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
}

export type Reporter = (analysis: Analysis, context: RunContext, options: ReporterOptions) => Iterable<string>;

export const REPORTERS = {
  table: (a, context, options) => renderTerminal(a, context, options),
  csv: (a) => renderCsv(a),
  json: (a) => renderJson(a),
  ndjson: (a) => renderNdjson(a),
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
