// `kam alive` end to end on the CDNOW sample (Fader, Hardie & Lee 2005): the published BG/NBD
// estimates, and P(alive) per client against a closed form computed here, independently.
// Runs bin/kam.js, so the project must be built (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath, skipWithout } from '../helpers/datasets.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const KAM = join(ROOT, 'bin/kam.js');
const CDNOW = datasetPath('CDNOW_sample.txt');
const SUMMARY = datasetPath('cdnow_customers_summary.csv');
const NO_CDNOW = skipWithout('CDNOW_sample.txt', 'cdnow_customers_summary.csv', 'CDNOW_master.txt');

function kam(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [KAM, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface AliveJson {
  as_of: string;
  horizon_weeks: number;
  clients: number;
  params: { r: number; alpha: number; a: number; b: number };
  log_likelihood: number;
  converged: boolean;
  customers: { client: string; frequency: number; recency_weeks: number; age_weeks: number; p_alive: number; expected_purchases: number }[];
}

let dir: string;
let ledger: string;
/** The raw CDNOW lines: master id, sample id, yyyymmdd, CDs, dollars. */
let raw: { id: string; sampleId: number; date: string; cds: number; dollars: number }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-alive-'));
  if (NO_CDNOW) return;
  raw = readFileSync(CDNOW, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [id, sampleId, date, cds, dollars] = l.trim().split(/\s+/);
      return { id: id!, sampleId: Number(sampleId), date: date!, cds: Number(cds), dollars: Number(dollars) };
    });
  // The ledger kam reads: client = master id, ISO date, quantity = CDs, amount = dollars.
  const csv = ['client,date,quantity,amount', ...raw.map((r) => `${r.id},${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)},${r.cds},${r.dollars}`)];
  ledger = join(dir, 'cdnow.csv');
  writeFileSync(ledger, `${csv.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Day number of yyyymmdd, through Date (not kam's calendar). */
const dayOf = (yyyymmdd: string): number => Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;

describe.skipIf(NO_CDNOW)('kam alive on the CDNOW sample, calibration up to 1997-09-30', () => {
  let out: AliveJson;
  let stdout: string;

  beforeAll(() => {
    const r = kam(['alive', ledger, '--as-of', '1997-09-30', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    stdout = r.stdout;
    out = JSON.parse(r.stdout) as AliveJson;
  });

  it('gives the published estimates r = 0.243, α = 4.414, a = 0.793, b = 2.426 (within 1%) and log-likelihood −9582.4 (within 0.5)', () => {
    expect(out.clients).toBe(2357);
    expect(out.customers).toHaveLength(2357);
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [k, v] of Object.entries(published)) {
      expect(Math.abs(out.params[k as keyof typeof published] / v - 1), k).toBeLessThan(0.01);
    }
    expect(Math.abs(out.log_likelihood - -9582.4)).toBeLessThan(0.5);
    expect(out.converged).toBe(true);
  });

  it('summarises every customer as the published calibration summary does (frequency, recency, T in weeks)', () => {
    const summary = new Map(
      readFileSync(SUMMARY, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').map(Number) as [number, number, number, number])
        .map(([id, x, tx, T]) => [id, { x, tx, T }]),
    );
    // The summary is keyed by the sample id (second column); the ledger's client is the master id.
    const sampleIdOf = new Map(raw.map((r) => [r.id, r.sampleId]));
    for (const c of out.customers) {
      const s = summary.get(sampleIdOf.get(c.client)!)!;
      expect(s, c.client).toBeDefined();
      expect(c.frequency, c.client).toBe(s.x);
      expect(Math.abs(c.recency_weeks - s.tx), c.client).toBeLessThan(0.006);
      expect(Math.abs(c.age_weeks - s.T), c.client).toBeLessThan(0.006);
    }
  });

  it('P(alive) of every customer matches FHL eq. 13 computed here from the raw file and the printed parameters', () => {
    const asOf = dayOf('19970930');
    const days = new Map<string, Set<number>>();
    for (const r of raw) {
      const d = dayOf(r.date);
      if (d > asOf || !(r.dollars > 0 || (r.dollars === 0 && r.cds > 0))) continue;
      let set = days.get(r.id);
      if (set === undefined) days.set(r.id, (set = new Set()));
      set.add(d);
    }
    const { r, alpha, a, b } = out.params;
    let checked = 0;
    let belowHalf = 0;
    for (const c of out.customers) {
      const list = [...days.get(c.client)!].sort((p, q) => p - q);
      const x = list.length - 1;
      const tx = (list[list.length - 1]! - list[0]!) / 7;
      const T = (asOf - list[0]!) / 7;
      // P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
      const expected = x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
      expect(Math.abs(c.p_alive - expected), c.client).toBeLessThan(1e-8);
      checked++;
      if (c.p_alive < 0.5) belowHalf++;
    }
    expect(checked).toBe(2357);
    // Not a degenerate all-ones answer: the model does call some repeat buyers gone.
    expect(belowHalf).toBeGreaterThan(100);
  });

  it('lists customers by expected purchase days, most first, each at least 0', () => {
    for (let i = 1; i < out.customers.length; i++) {
      expect(out.customers[i - 1]!.expected_purchases).toBeGreaterThanOrEqual(out.customers[i]!.expected_purchases);
    }
    expect(out.customers.every((c) => c.expected_purchases >= 0)).toBe(true);
    expect(out.horizon_weeks).toBe(52);
    expect(out.as_of).toBe('1997-09-30');
  });

  it('is deterministic: a second run gives the same bytes', () => {
    expect(kam(['alive', ledger, '--as-of', '1997-09-30', '--format', 'json']).stdout).toBe(stdout);
  });

  it('--horizon changes the expected purchases, not P(alive); --format csv carries the same figures', () => {
    const r = kam(['alive', ledger, '--as-of', '1997-09-30', '--format', 'csv', '--horizon', '39']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('client,frequency,recency_weeks,age_weeks,p_alive,expected_purchases');
    expect(lines).toHaveLength(2358);
    const byClient = new Map(out.customers.map((c) => [c.client, c]));
    let shorter = 0;
    for (const line of lines.slice(1)) {
      const [client, , , , pAlive, expected] = line.split(',');
      const c = byClient.get(client!)!;
      expect(Number(pAlive)).toBeCloseTo(c.p_alive, 9);
      if (Number(expected) < c.expected_purchases) shorter++;
    }
    expect(shorter).toBe(2357);
  });
});

describe.skipIf(NO_CDNOW)('kam alive on the full CDNOW cohort (23,570 clients)', () => {
  it('fits in seconds and gives the same bytes twice', () => {
    const master = join(dir, 'cdnow-master.csv');
    const lines = readFileSync(datasetPath('CDNOW_master.txt'), 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
    writeFileSync(
      master,
      `client,date,quantity,amount\n${lines
        .map((l) => {
          const [id, date, cds, dollars] = l.trim().split(/\s+/);
          return `${id},${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)},${cds},${dollars}`;
        })
        .join('\n')}\n`,
    );
    const started = performance.now();
    const first = kam(['alive', master, '--format', 'json']);
    const seconds = (performance.now() - started) / 1000;
    expect(first.status).toBe(0);
    const out = JSON.parse(first.stdout) as AliveJson;
    expect(out.clients).toBe(23_570);
    expect(out.converged).toBe(true);
    expect(seconds).toBeLessThan(15); // about 1 s on a laptop, start-up and reading included
    expect(kam(['alive', master, '--format', 'json']).stdout).toBe(first.stdout);
  });
});

describe('kam alive: refusals', () => {
  it('exits 1 with a one-line reason when there are too few clients to fit', () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'client,date,amount\nA,2024-01-01,10\nA,2024-02-01,10\nB,2024-01-05,5\n');
    const r = kam(['alive', small, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/at least 20 clients/);
  });

  it('exits 2 on a bad --horizon', () => {
    const r = kam(['alive', ledger, '--horizon', 'soon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--horizon/);
  });
});
