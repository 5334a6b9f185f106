// Turns option strings into typed settings, refusing bad values with a usage problem (exit 2).
import { usage } from '../i18n/usage.js';
import { PERIOD_KINDS, type PeriodKind } from '../core/periods.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings.js';
import { COLUMN_ROLES, parseMapOption, type ColumnRole } from '../io/columns.js';
import { parseDateFormatOption, parseDayArgument } from '../io/dates.js';
import { parseEncodingOption, type Delimiter } from '../io/dialect.js';
import type { LedgerReadOptions } from '../io/read-ledger.js';
import { parseDecimalOption } from '../io/numbers.js';
import { REPORTER_NAMES, type ReporterName } from '../report/reporters.js';

export { usage };

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage('oneOf', { flag, allowed, value });
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw usage('positiveNumber', { flag, value });
  return n;
}

function positiveInteger(flag: string, value: string): number {
  const n = positiveNumber(flag, value);
  if (!Number.isInteger(n)) throw usage('wholeNumber', { flag, value });
  return n;
}

/** "80,95" → [0.8, 0.95]: two increasing percentages. */
function cutoffs(flag: string, value: string, max: number): readonly [number, number] {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || a <= 0 || b <= a || b > max) {
    throw usage('cutoffs', { flag, example: flag === '--abc' ? '80,95' : '10,25', value });
  }
  return [a / 100, b / 100];
}

function day(flag: string, value: string, today: number): number {
  const d = parseDayArgument(value, today);
  if (d === undefined) throw usage('date', { flag, value });
  return d;
}

/** Raw options as commander hands them over (strings; booleans for switches). */
export interface RawAnalysisOptions {
  asOf?: string;
  from?: string;
  to?: string;
  includePartial?: boolean;
  period?: string;
  by?: string;
  abc?: string;
  abcBoundary?: string;
  xyz?: string;
  xyzStart?: string;
  sd?: string;
  minPeriods?: string;
  lostAfter?: string;
  lostFactor?: string;
  riskFactor?: string;
  breadwinnerShare?: string;
  newWithin?: string;
}

export function analysisSettings(raw: RawAnalysisOptions, today: number): AnalysisSettings {
  const s: AnalysisSettings = { ...DEFAULT_SETTINGS };
  if (raw.asOf !== undefined) s.asOf = day('--as-of', raw.asOf, today);
  if (raw.from !== undefined) s.from = day('--from', raw.from, today);
  if (raw.to !== undefined) s.to = day('--to', raw.to, today);
  if (s.from !== undefined && s.to !== undefined && s.to < s.from) throw usage('toBeforeFrom', { flag: '--to' });
  if (raw.includePartial === true) s.includePartial = true;
  if (raw.period !== undefined) s.period = oneOf<PeriodKind>('--period', raw.period, PERIOD_KINDS);
  if (raw.by !== undefined) s.by = oneOf('--by', raw.by, ['revenue', 'profit', 'quantity'] as const);
  if (raw.abc !== undefined) s.abcCutoffs = cutoffs('--abc', raw.abc, 100);
  if (raw.abcBoundary !== undefined) s.abcBoundary = oneOf('--abc-boundary', raw.abcBoundary, ['include', 'exclude'] as const);
  if (raw.xyz !== undefined) s.xyzCutoffs = cutoffs('--xyz', raw.xyz, Number.POSITIVE_INFINITY);
  if (raw.xyzStart !== undefined) s.xyzStart = oneOf('--xyz-start', raw.xyzStart, ['first', 'window'] as const);
  if (raw.sd !== undefined) s.sd = oneOf('--sd', raw.sd, ['population', 'sample'] as const);
  if (raw.minPeriods !== undefined) s.minPeriods = positiveInteger('--min-periods', raw.minPeriods);
  if (raw.lostAfter !== undefined) s.lostAfter = positiveNumber('--lost-after', raw.lostAfter);
  if (raw.lostFactor !== undefined) s.lostFactor = positiveNumber('--lost-factor', raw.lostFactor);
  if (raw.riskFactor !== undefined) s.riskFactor = positiveNumber('--risk-factor', raw.riskFactor);
  if (raw.breadwinnerShare !== undefined) {
    s.breadwinnerShare = positiveNumber('--breadwinner-share', raw.breadwinnerShare) / 100;
    if (s.breadwinnerShare > 1) throw usage('percentMax', { flag: '--breadwinner-share', value: raw.breadwinnerShare });
  }
  if (raw.newWithin !== undefined) s.newWithinMonths = positiveInteger('--new-within', raw.newWithin);
  return s;
}

export interface RawReadOptions {
  map?: string[];
  sheet?: string[];
  encoding?: string;
  delimiter?: string;
  decimal?: string;
  dateFormat?: string;
  strict?: boolean;
  direction?: string;
}

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', '\t': '\t', tab: '\t', '\\t': '\t', '|': '|', pipe: '|' };

export function readOptions(raw: RawReadOptions): LedgerReadOptions {
  const map: Partial<Record<ColumnRole, string>> = {};
  for (const entry of raw.map ?? []) {
    const parsed = parseMapOption(entry);
    if (parsed === undefined) throw usage('map', { flag: '--map', allowed: COLUMN_ROLES, value: entry });
    map[parsed[0]] = parsed[1];
  }
  if (raw.direction !== undefined) map.direction = raw.direction;
  const encoding = raw.encoding === undefined ? undefined : parseEncodingOption(raw.encoding);
  if (raw.encoding !== undefined && encoding === undefined) throw usage('encoding', { flag: '--encoding', value: raw.encoding });
  const delimiter = raw.delimiter === undefined ? undefined : DELIMITERS[raw.delimiter.toLowerCase()];
  if (raw.delimiter !== undefined && delimiter === undefined) throw usage('delimiter', { flag: '--delimiter', value: raw.delimiter });
  const decimal = raw.decimal === undefined ? undefined : parseDecimalOption(raw.decimal);
  if (raw.decimal !== undefined && decimal === undefined) throw usage('decimal', { flag: '--decimal', value: raw.decimal });
  const dateFormat = raw.dateFormat === undefined ? undefined : parseDateFormatOption(raw.dateFormat);
  if (raw.dateFormat !== undefined && dateFormat === undefined) {
    throw usage('dateFormat', { flag: '--date-format', value: raw.dateFormat });
  }
  return { map, sheets: raw.sheet, encoding, delimiter, decimal, dateFormat, strict: raw.strict === true };
}

export function reporterName(value: string | undefined, stdoutIsTty: boolean): ReporterName {
  if (value === undefined) return stdoutIsTty ? 'table' : 'csv';
  return oneOf('--format', value, REPORTER_NAMES);
}
