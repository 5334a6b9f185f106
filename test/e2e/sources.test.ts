// SPEC §12: whatever the source, the same sale lines give the same bytes of output. The same
// ledgers (the fixture, a slice of Online Retail, a generated messy one) go through every
// source, and every command's machine-readable output must equal the CSV's byte for byte.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath, skipWithout } from '../helpers/datasets.js';
import { SAMPLE_CSV, kamAsync } from '../helpers/kam.js';
import { messyCsv, messyLines } from '../helpers/messy-ledger.js';
import { CSV_SOURCE, DAY_LEDGER_SOURCES, type LedgerCase, type Source } from '../helpers/sources.js';
import { SQL_SOURCES, closeSqlSources } from '../helpers/sql-sources.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-sources-'));
afterAll(async () => {
  await closeSqlSources();
  rmSync(dir, { recursive: true, force: true });
});

function onlineRetailSlice(lines: number): string {
  const path = join(dir, 'online-retail-slice.csv');
  const text = gunzipSync(readFileSync(datasetPath('online-retail.csv.gz'))).toString('utf8');
  let end = 0;
  for (let i = 0; i < lines && end >= 0; i++) end = text.indexOf('\n', end + 1);
  writeFileSync(path, text.slice(0, end + 1));
  return path;
}

function messyFile(): string {
  const path = join(dir, 'messy.csv');
  writeFileSync(path, messyCsv(messyLines()));
  return path;
}

const CASES: (() => LedgerCase)[] = [
  () => ({
    name: 'fixture',
    csv: SAMPLE_CSV,
    map: {},
    roles: { client: 'Client', date: 'Date', amount: 'Amount', quantity: 'Quantity', profit: 'Profit', document: 'Invoice', product: 'Product' },
    directions: ['Region', 'Manager'],
    client: 'Magnum Cash&Carry',
    profit: true,
  }),
  () => ({
    name: 'online-retail',
    csv: onlineRetailSlice(100_000),
    map: {},
    roles: { client: 'CustomerID', date: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice', document: 'InvoiceNo', product: 'StockCode' },
    directions: ['Country'],
    client: '17850',
    profit: false,
  }),
  () => ({
    name: 'messy',
    csv: messyFile(),
    map: {},
    roles: { client: 'Client', date: 'Date', amount: 'Amount, тг', quantity: 'Quantity', profit: 'Profit', document: 'Invoice', product: 'Product' },
    directions: ['Region'],
    client: 'ТОО Client0 Trade',
    profit: true,
  }),
];

/** Commands on a ledger aggregated without a direction, and with one. */
function commands(ledger: LedgerCase, direction: string | undefined): string[][] {
  if (direction !== undefined) {
    return [
      ['lost', '--format', 'csv', '--direction', direction],
      ['lost', '--format', 'csv', '--table', 'churn', '--direction', direction],
      ['client', ledger.client, '--format', 'json', '--direction', direction],
    ];
  }
  return [
    ['analyze', '--format', 'csv'],
    ['analyze', '--format', 'json'],
    ['analyze', '--format', 'csv', '--period', 'quarter', '--include-partial', '--xyz-start', 'window', '--sd', 'sample', ...(ledger.profit ? ['--by', 'profit'] : [])],
    ['lost', '--format', 'csv'],
    ['lost', '--format', 'json'],
    ['alive', '--format', 'csv'],
    ['client', ledger.client, '--format', 'json'],
  ];
}

const SOURCES: Source[] = [...DAY_LEDGER_SOURCES, ...SQL_SOURCES];

// Online Retail where the datasets are (always under CI).
const RUN = skipWithout('online-retail.csv.gz') ? CASES.filter((_, i) => i !== 1) : CASES;

describe.each(RUN.map((make) => [make.name, make] as const))('the same bytes from every source', (_name, make) => {
  let ledger: LedgerCase;
  const expected = new Map<string, string>();
  beforeAll(async () => {
    ledger = make();
    for (const direction of [undefined, ...ledger.directions]) {
      const input = await CSV_SOURCE.prepare(ledger, direction, dir);
      for (const args of commands(ledger, direction)) {
        const run = await kamAsync([args[0]!, ...input, ...args.slice(1)]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout.length).toBeGreaterThan(100);
        // The messy ledger's amount header names its currency ("Amount, тг"): every source must keep it.
        if (args[0] === 'analyze' && args.includes('json')) expect(JSON.parse(run.stdout).currency).toBe(ledger.name === 'messy' ? 'KZT' : null);
        expected.set(`${direction}|${args.join(' ')}`, run.stdout);
      }
    }
  });

  for (const source of SOURCES) it.skipIf(source.skip?.() === true)(source.name, async () => {
    for (const direction of [undefined, ...ledger.directions]) {
      const input = await source.prepare(ledger, direction, dir);
      const runs = await Promise.all(commands(ledger, direction).map((args) => kamAsync([args[0]!, ...input, ...args.slice(1)]).then((run) => ({ args, run }))));
      for (const { args, run } of runs) {
        const key = `${direction}|${args.join(' ')}`;
        expect(run.status, `${key}: ${run.stderr}`).toBe(0);
        expect(run.stdout, key).toBe(expected.get(key));
      }
    }
  });
});
