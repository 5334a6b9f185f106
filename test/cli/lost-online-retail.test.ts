// SPEC §6 on real data: the UCI Online Retail ledger (../shared/datasets/online-retail.csv.gz).
// A slice of its customers (CustomerID ending in 3, every line of theirs) is written out as a
// ledger; kam's status, recency and usual interval per client must agree with the independent
// implementation below, which reads the same lines with its own parser and applies the SPEC's
// words directly. Runs bin/kam.js (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath, skipWithout } from '../helpers/datasets.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const KAM = join(ROOT, 'bin/kam.js');
const RETAIL = datasetPath('online-retail.csv.gz');
const NO_RETAIL = skipWithout('online-retail.csv.gz');
const AS_OF = '2011-12-09';

function kam(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [KAM, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RFC 4180 fields of one line (the file has quoted descriptions with commas, no embedded newlines). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (line[q + 1] === '"') {
          value += `${line.slice(i, q)}"`;
          i = q + 2;
        } else {
          value += line.slice(i, q);
          i = q + 2; // past the quote and the comma
          break;
        }
      }
      out.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

interface Expected {
  status: 'active' | 'at-risk' | 'lost' | null;
  recency: number | null;
  interval: number | null;
  last: string | null;
}

/** SPEC §6 in its own words, with its own day arithmetic (Date) and its own median. */
function independent(lines: string[][], asOf: string, rules = { lostAfter: 180, lostFactor: 3, riskFactor: 1.5 }): Map<string, Expected> {
  const asOfDay = Date.parse(`${asOf}T00:00:00Z`) / 86_400_000;
  const days = new Map<string, Set<number>>();
  for (const f of lines) {
    const [, , , qty, date, price, customer] = f;
    const day = Date.parse(`${date!.slice(0, 10)}T00:00:00Z`) / 86_400_000;
    if (day > asOfDay) continue; // rows after the as-of day do not exist for the analysis
    if (!days.has(customer!)) days.set(customer!, new Set());
    const quantity = Number(qty);
    const amount = quantity * Number(price);
    // A purchase line: a positive amount, or a zero amount with a positive quantity.
    if (amount > 0 || (amount === 0 && quantity > 0)) days.get(customer!)!.add(day);
  }
  const result = new Map<string, Expected>();
  for (const [customer, set] of days) {
    const list = [...set].sort((a, b) => a - b);
    if (list.length === 0) {
      result.set(customer, { status: null, recency: null, interval: null, last: null });
      continue;
    }
    const last = list[list.length - 1]!;
    const recency = asOfDay - last;
    const gaps = list.slice(1).map((d, i) => d - list[i]!).sort((a, b) => a - b);
    const interval = gaps.length === 0 ? null : gaps.length % 2 === 1 ? gaps[(gaps.length - 1) / 2]! : (gaps[gaps.length / 2 - 1]! + gaps[gaps.length / 2]!) / 2;
    let lostAt = rules.lostAfter;
    let riskAt = rules.lostAfter / 2;
    if (list.length >= 3 && interval !== null) {
      lostAt = Math.min(lostAt, Math.max(30, rules.lostFactor * interval));
      riskAt = Math.min(riskAt, Math.max(15, rules.riskFactor * interval));
    }
    const status = recency > lostAt ? 'lost' : recency > riskAt ? 'at-risk' : 'active';
    result.set(customer, { status, recency, interval, last: new Date(last * 86_400_000).toISOString().slice(0, 10) });
  }
  return result;
}

let dir: string;
let slice: string;
let header: string;
let sliceLines: string[][];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-retail-'));
  if (NO_RETAIL) return;
  const text = gunzipSync(readFileSync(RETAIL)).toString('utf8');
  const all = text.split(/\r?\n/);
  header = all[0]!;
  expect(fields(header)).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
  const kept: string[] = [];
  sliceLines = [];
  let malformed = 0;
  for (let i = 1; i < all.length; i++) {
    const line = all[i]!;
    if (line === '') continue;
    const f = fields(line);
    if (f.length !== 8) malformed++;
    const id = f[6]!;
    if (id === '' || !/3(\.0)?$/.test(id)) continue;
    kept.push(line);
    sliceLines.push(f);
  }
  expect(malformed).toBe(0);
  slice = join(dir, 'retail-slice.csv');
  writeFileSync(slice, `${header}\n${kept.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  client: string;
  last_purchase: string | null;
  recency_days: number | null;
  usual_interval_days: number | null;
  status: string | null;
  p_alive: number | null;
}

function compare(rows: Row[], expected: Map<string, Expected>): { clients: number; statuses: Record<string, number> } {
  const statuses: Record<string, number> = {};
  expect(new Set(rows.map((r) => r.client))).toEqual(new Set(expected.keys()));
  for (const r of rows) {
    const e = expected.get(r.client)!;
    expect([r.client, r.status, r.recency_days, r.usual_interval_days, r.last_purchase]).toEqual([r.client, e.status, e.recency, e.interval, e.last]);
    statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
  }
  return { clients: rows.length, statuses };
}

describe.skipIf(NO_RETAIL)('Online Retail, customers whose id ends in 3', () => {
  it('status, recency and usual interval agree client by client with the independent implementation', () => {
    const r = kam(['analyze', slice, '--as-of', AS_OF, '--include-partial', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout) as { clients: Row[] }).clients;
    const { clients, statuses } = compare(rows, independent(sliceLines, AS_OF));
    expect(clients).toBeGreaterThan(400);
    // Every status occurs, so no rule is tested only vacuously.
    expect(statuses.active).toBeGreaterThan(50);
    expect(statuses['at-risk']).toBeGreaterThan(20);
    expect(statuses.lost).toBeGreaterThan(50);
    expect(rows.every((x) => x.status === null || (typeof x.p_alive === 'number' && x.p_alive >= 0 && x.p_alive <= 1))).toBe(true);
  });

  it('…and under other rules and an earlier as-of date', () => {
    const rules = { lostAfter: 120, lostFactor: 2, riskFactor: 1.2 };
    const r = kam(['analyze', slice, '--as-of', '2011-09-30', '--include-partial', '--format', 'json', '--lost-after', '120', '--lost-factor', '2', '--risk-factor', '1.2']);
    expect(r.status).toBe(0);
    compare((JSON.parse(r.stdout) as { clients: Row[] }).clients, independent(sliceLines, '2011-09-30', rules));
  });

  it('kam lost lists exactly the lost and at-risk clients, and the churn adds up to the lost clients', () => {
    const expected = independent(sliceLines, AS_OF);
    const r = kam(['lost', slice, '--as-of', AS_OF, '--format', 'json', '--direction', 'Country']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    const lapsed = [...expected].filter(([, e]) => e.status === 'lost' || e.status === 'at-risk').map(([c]) => c);
    expect(j.win_back.map((e: { client: string }) => e.client).sort()).toEqual(lapsed.sort());
    const lost = [...expected.values()].filter((e) => e.status === 'lost').length;
    expect(j.lost).toBe(lost);
    expect(j.churn.reduce((s: number, p: { still_lost: number }) => s + p.still_lost, 0)).toBe(lost);
    expect(j.churn.reduce((s: number, p: { became_lost: number; came_back: number }) => s + p.became_lost - p.came_back, 0)).toBe(lost);
    expect(j.churn_by_direction.reduce((s: number, d: { lost: number }) => s + d.lost, 0)).toBe(lost);
    expect(j.churn_by_direction.some((d: { direction: string }) => d.direction === 'United Kingdom')).toBe(true);
  });
});
