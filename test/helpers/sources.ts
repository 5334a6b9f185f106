// The same sale lines through every source kam reads (SPEC §12): each source turns a CSV ledger
// of sale lines into what kam is then given (a file path and options). The equivalence suite
// requires the same bytes from every one.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { readLedger } from '../../src/io/read-ledger.js';
import { renderDayLedgerCsv } from '../../src/report/day-ledger-csv.js';
import { kamAsync } from './kam.js';

export interface LedgerCase {
  name: string;
  /** A CSV ledger of sale lines. */
  csv: string;
  /** --map options the sale lines need, as role=column pairs (direction apart). */
  map: Record<string, string>;
  /** Column names of the ledger, by role, for the SQL sources. */
  roles: Record<string, string>;
  /** Direction columns the commands use. */
  directions: string[];
  /** A client for `kam client`. */
  client: string;
  /** Whether the ledger has a profit column (--by profit). */
  profit: boolean;
}

export interface Source {
  name: string;
  /**
   * What kam reads for a ledger, aggregated for one direction (or none): input arguments (a path,
   * or more), to which the command's own options are added.
   */
  prepare: (ledger: LedgerCase, direction: string | undefined, dir: string) => Promise<string[]>;
  /** True when the source cannot be tried here (no server outside CI). */
  skip?: () => boolean;
}

export function mapArgs(map: Record<string, string>): string[] {
  return Object.entries(map).flatMap(([role, column]) => ['--map', `${role}=${column}`]);
}

/** A day ledger written by kam's own writer from the sale lines (with products, for dossiers). */
export async function writeDayLedger(ledger: LedgerCase, direction: string | undefined, out: string, extra: { table?: string } = {}): Promise<void> {
  const map: Record<string, string> = { ...ledger.map };
  if (direction !== undefined) map.direction = direction;
  const read = await readLedger(
    [ledger.csv],
    { map, sheets: undefined, encoding: undefined, delimiter: undefined, decimal: undefined, dateFormat: undefined, strict: false, trackProducts: true, ...extra },
    Readable.from([]),
  );
  await pipeline(Readable.from(renderDayLedgerCsv(read.ledger)), createWriteStream(out));
}

export const CSV_SOURCE: Source = {
  name: 'csv',
  prepare: async (ledger) => [ledger.csv, ...mapArgs(ledger.map)],
};

/** A day ledger written by `kam aggregate` (CSV or Parquet). */
function aggregateSource(extension: 'csv' | 'parquet'): Source {
  return {
    name: `kam aggregate -o day.${extension}`,
    prepare: async (ledger, direction, dir) => {
      const out = join(dir, `${ledger.name}-${direction ?? 'none'}.day.${extension}`);
      const run = await kamAsync(['aggregate', ledger.csv, ...mapArgs(ledger.map), ...(direction === undefined ? [] : ['--direction', direction]), '-o', out]);
      if (run.status !== 0) throw new Error(`kam aggregate: ${run.stderr}`);
      return [out];
    },
  };
}

export const DAY_LEDGER_SOURCES: Source[] = [aggregateSource('csv'), aggregateSource('parquet')];
