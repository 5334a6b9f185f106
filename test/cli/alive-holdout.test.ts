// `kam alive` end to end, SPEC §6: the spend block, the holdout check against the published CDNOW
// table (Fader, Hardie & Lee 2005), the Model workbook with its native chart, and the plain
// sentence when the purchase model does not fit (the bundled sample stops at a boundary).
// Runs bin/kam.js, so the project must be built (npm test builds it first).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCdnowLines, NO_CDNOW } from '../helpers/cdnow.js';
import { kam, SAMPLE_CSV } from '../helpers/kam.js';

let dir: string;
let ledger: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-holdout-'));
  const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
  if (NO_CDNOW) return;
  const lines = readCdnowLines().map((l) => `${l.client},${iso(l.day)},${l.cds},${l.dollars}`);
  ledger = join(dir, 'cdnow.csv');
  writeFileSync(ledger, `client,date,quantity,amount\n${lines.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface HoldoutOut {
  as_of: string;
  params: Record<string, number>;
  spend: { p: number; q: number; gamma: number; log_likelihood: number; clients: number };
  holdout: {
    calibration_end: string;
    end: string;
    weeks: number;
    by_frequency: { frequency: string; clients: number; actual: number; predicted: number }[];
    total: { actual: number; predicted: number };
    weekly: { week: number; actual_cumulative: number; predicted_cumulative: number }[];
    error: { mae: number; correlation: number };
  };
}

describe.skipIf(NO_CDNOW)('kam alive --holdout 1997-09-30 on the CDNOW sample (holdout to 1998-06-30)', () => {
  let out: HoldoutOut;
  let raw: string;

  beforeAll(() => {
    const r = kam(['alive', ledger, '--holdout', '1997-09-30', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    raw = r.stdout;
    out = JSON.parse(r.stdout) as HoldoutOut;
  });

  it('fits both models on the calibration period: spend p, q, γ within 1% of 6.25, 3.74, 15.44 on 946 clients', () => {
    expect(out.as_of).toBe('1997-09-30');
    expect(Object.keys(out.spend)).toEqual(['p', 'q', 'gamma', 'log_likelihood', 'clients']);
    expect(out.spend.clients).toBe(946);
    expect(Math.abs(out.spend.p / 6.25 - 1)).toBeLessThan(0.01);
    expect(Math.abs(out.spend.q / 3.74 - 1)).toBeLessThan(0.01);
    expect(Math.abs(out.spend.gamma / 15.44 - 1)).toBeLessThan(0.01);
    expect(Math.abs(out.params.r! / 0.243 - 1)).toBeLessThan(0.01);
  });

  it('gives the published holdout table: clients exact, actual to 0.001, expected within 2%; 1,882 actual', () => {
    const h = out.holdout;
    expect(Object.keys(h)).toEqual(['calibration_end', 'end', 'weeks', 'by_frequency', 'total', 'weekly', 'error']);
    expect([h.calibration_end, h.end, h.weeks]).toEqual(['1997-09-30', '1998-06-30', 39]);
    const published = {
      clients: [1411, 439, 214, 100, 62, 38, 29, 64],
      actual: [0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359],
      expected: [0.225, 0.523, 1.044, 1.52, 2.164, 2.654, 3.504, 6.157],
    };
    expect(h.by_frequency.map((g) => g.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(h.by_frequency.map((g) => g.clients)).toEqual(published.clients);
    h.by_frequency.forEach((g, i) => {
      expect(Math.abs(g.actual - published.actual[i]!)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(Math.abs(g.predicted / published.expected[i]! - 1)).toBeLessThanOrEqual(0.02);
      expect(Object.keys(g)).toEqual(['frequency', 'clients', 'actual', 'predicted']);
    });
    expect(Object.keys(h.total)).toEqual(['actual', 'predicted']);
    expect(h.total.actual).toBe(1882);
    expect(h.weekly).toHaveLength(39);
    expect(Object.keys(h.weekly[0]!)).toEqual(['week', 'actual_cumulative', 'predicted_cumulative']);
    expect(h.weekly[38]!.actual_cumulative).toBe(1882);
    expect(h.weekly[38]!.predicted_cumulative).toBeCloseTo(h.total.predicted, 3);
    expect(Object.keys(h.error)).toEqual(['mae', 'correlation']);
    expect(h.error.correlation).toBeGreaterThan(0.5);
  });

  it('gives the same bytes on a second run', () => {
    expect(kam(['alive', ledger, '--holdout', '1997-09-30', '--format', 'json']).stdout).toBe(raw);
  });

  it('shows the table, the totals, the error and a chart in the terminal', () => {
    const r = kam(['alive', ledger, '--holdout', '1997-09-30', '--format', 'table', '--no-color']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Holdout check: fitted on the purchase days up to 1997-09-30, judged on the 39 weeks after it, to 1998-06-30');
    expect(r.stdout).toMatch(/│ 7\+ +│ +64 │ +6\.359 │ +6\.1\d\d │/);
    expect(r.stdout).toContain('1,882 repeat purchase days in the holdout');
    expect(r.stdout).toMatch(/mean absolute error 0\.\d{3}, correlation of actual and expected 0\.\d{3}/);
    expect(r.stdout).toMatch(/1,882 ┤.*●/);
    expect(r.stdout).toContain('Spend           Gamma-Gamma p = 6.2496, q = 3.7442, γ = 15.444');
  });

  it('writes the Model sheet with the holdout table and a native line chart (-o)', async () => {
    const file = join(dir, 'model.xlsx');
    const r = kam(['alive', ledger, '--holdout', '1997-09-30', '--format', 'csv', '-o', file]);
    expect(r.status, r.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain('name="Model"');
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:lineChart>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain("'Model'!$B$");
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart1.xml');
  });

  it('refuses a holdout date on or after the as-of date (usage, exit 2)', () => {
    const r = kam(['alive', ledger, '--holdout', '1998-06-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kam: --holdout 1998-06-30 leaves no holdout: the date must come before the as-of date 1998-06-30\n');
    expect(kam(['alive', ledger, '--holdout', 'soon']).status).toBe(2);
  });
});

describe('kam alive on a ledger the purchase model does not fit (the bundled sample)', () => {
  it('says so in one plain sentence, and shows no probability nor expectation in the terminal', () => {
    const r = kam(['alive', SAMPLE_CSV, '--format', 'table', '--no-color']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The purchase model does not fit this ledger: its fit ran off to a boundary (r = 2.4774, α = 16.822, a = 43149, b = 6.9648e+6)');
    expect(r.stdout).toContain('judges clients by their silence against their usual interval instead');
    expect(r.stdout).not.toContain('P(alive)');
    expect(r.stdout).not.toMatch(/\d%/);
    expect(r.stdout).toContain('Clients by purchase days');
  });

  it('leaves p_alive and expected_purchases empty in CSV and JSON, and says why on standard error', () => {
    const csv = kam(['alive', SAMPLE_CSV, '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stderr).toMatch(/^kam: note: the purchase model does not fit this ledger/);
    const rows = csv.stdout.trim().split('\n').slice(1);
    expect(rows.length).toBe(40);
    for (const row of rows) expect(row.endsWith(',,')).toBe(true);
    const json = JSON.parse(kam(['alive', SAMPLE_CSV, '--format', 'json']).stdout) as { converged: boolean; customers: { p_alive: number | null }[] };
    expect(json.converged).toBe(false);
    expect(json.customers.every((c) => c.p_alive === null)).toBe(true);
  });
});
