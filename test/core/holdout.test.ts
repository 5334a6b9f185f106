// SPEC §6, holdout check: on the CDNOW sample (calibration to 1997-09-30, holdout to 1998-06-30)
// the published table (Fader, Hardie & Lee 2005, fig. 5 data), the per-client expectations against
// an independent implementation, the weekly tracking, the error measures; on hand-made ledgers what
// counts as a holdout purchase.
import { describe, expect, it } from 'vitest';
import { aliveClients } from '../../src/core/alive.js';
import { holdoutCheck } from '../../src/core/holdout.js';
import { cdnowDay, cdnowLedger, NO_CDNOW, readCdnowLines } from '../helpers/cdnow.js';
import { referenceExpectedPurchases } from '../helpers/clv-reference.js';
import { day, ledgerOf } from '../helpers/ledger.js';

const CALIBRATION_END = cdnowDay('19970930');
const END = cdnowDay('19980630');

const PUBLISHED = {
  clients: [1411, 439, 214, 100, 62, 38, 29, 64],
  actual: [0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359],
  expected: [0.225, 0.523, 1.044, 1.52, 2.164, 2.654, 3.504, 6.157],
};

describe.skipIf(NO_CDNOW)('holdout check on the CDNOW sample', () => {
  const check = NO_CDNOW ? (undefined as unknown as ReturnType<typeof holdoutCheck>) : holdoutCheck(cdnowLedger(), CALIBRATION_END, END);

  it('gives the published table: clients exactly, actual to 0.001, expected within 2%', () => {
    expect(check.weeks).toBe(39);
    expect(check.byFrequency.map((g) => g.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(check.byFrequency.map((g) => g.clients)).toEqual(PUBLISHED.clients);
    check.byFrequency.forEach((g, i) => {
      expect(Math.abs(g.actual! - PUBLISHED.actual[i]!)).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(Math.abs(g.predicted! / PUBLISHED.expected[i]! - 1)).toBeLessThanOrEqual(0.02);
    });
  });

  it('counts 1,882 actual repeat purchase days in the holdout, and the totals are the sums of the table', () => {
    expect(check.total.actual).toBe(1882);
    expect(check.total.clients).toBe(2357);
    const fromTable = check.byFrequency.reduce((s, g) => s + g.clients * g.predicted!, 0);
    expect(check.total.predicted!).toBeCloseTo(fromTable, 6);
    expect(check.newClients).toBe(0);
  });

  it('counts the actual holdout days from the raw file, independently of the ledger', () => {
    const days = new Map<string, Set<number>>();
    for (const l of readCdnowLines()) {
      let set = days.get(l.client);
      if (!set) days.set(l.client, (set = new Set()));
      set.add(l.day);
    }
    for (const c of check.clients) {
      const all = [...days.get(c.client)!];
      expect(c.actual).toBe(all.filter((d) => d > CALIBRATION_END && d <= END).length);
      expect(c.frequency).toBe(all.filter((d) => d <= CALIBRATION_END).length - 1);
    }
  });

  it('fits the spend model on the calibration period: p ≈ 6.25, q ≈ 3.74, γ ≈ 15.44 (946 clients)', () => {
    const fit = check.spend.fit!;
    expect(fit.customers).toBe(946);
    expect(Math.abs(fit.params.p / 6.25 - 1)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.q / 3.74 - 1)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.gamma / 15.44 - 1)).toBeLessThan(0.01);
  });

  it('expects for every client what integrating over its latent rate and dropout gives', () => {
    const byClient = new Map(aliveClients(check.alive).map((c) => [c.client, c.customer]));
    const seen = new Map<string, number>();
    for (const c of check.clients) {
      const customer = byClient.get(c.client)!;
      const key = `${customer.frequency}|${customer.recency}|${customer.age}`;
      let ref = seen.get(key);
      if (ref === undefined) seen.set(key, (ref = referenceExpectedPurchases(check.alive.fit!.params, customer, check.weeks)));
      expect(Math.abs(c.predicted! - ref)).toBeLessThanOrEqual(1e-6 * Math.max(1, ref));
    }
  });

  it('tracks the cumulative actual and expected week by week, ending at the totals', () => {
    expect(check.weekly).toHaveLength(39);
    expect(check.weekly.map((w) => w.week)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    for (let i = 1; i < check.weekly.length; i++) {
      expect(check.weekly[i]!.actualCumulative).toBeGreaterThanOrEqual(check.weekly[i - 1]!.actualCumulative);
      expect(check.weekly[i]!.predictedCumulative!).toBeGreaterThan(check.weekly[i - 1]!.predictedCumulative!);
    }
    const last = check.weekly[38]!;
    expect(last.actualCumulative).toBe(1882);
    expect(last.predictedCumulative!).toBeCloseTo(check.total.predicted!, 6);
    // Week 1 is the purchase days of 1997-10-01 … 1997-10-07.
    const firstWeek = readCdnowLines().filter((l) => l.day > CALIBRATION_END && l.day <= CALIBRATION_END + 7);
    expect(check.weekly[0]!.actualCumulative).toBe(new Set(firstWeek.map((l) => `${l.client}|${l.day}`)).size);
  });

  it('gives the per-client mean absolute error and correlation of actual and expected', () => {
    const n = check.clients.length;
    const mae = check.clients.reduce((s, c) => s + Math.abs(c.actual - c.predicted!), 0) / n;
    expect(check.error.mae!).toBeCloseTo(mae, 12);
    const ma = check.clients.reduce((s, c) => s + c.actual, 0) / n;
    const mp = check.clients.reduce((s, c) => s + c.predicted!, 0) / n;
    let sap = 0;
    let saa = 0;
    let spp = 0;
    for (const c of check.clients) {
      sap += (c.actual - ma) * (c.predicted! - mp);
      saa += (c.actual - ma) ** 2;
      spp += (c.predicted! - mp) ** 2;
    }
    expect(check.error.correlation!).toBeCloseTo(sap / Math.sqrt(saa * spp), 12);
    expect(check.error.correlation!).toBeGreaterThan(0.5);
  });

  it('is deterministic', () => {
    const again = holdoutCheck(cdnowLedger(), CALIBRATION_END, END);
    expect(JSON.stringify({ ...again, alive: again.alive.fit, spend: again.spend.fit })).toBe(JSON.stringify({ ...check, alive: check.alive.fit, spend: check.spend.fit }));
  });
});

describe('holdout check on a hand-made ledger', () => {
  /** 30 clients buying every (5 + i) days from 2024-01-01 (every day a purchase), plus the odd ones below. */
  function lines() {
    const out: { client: string; date: string; amount: number; quantity?: number }[] = [];
    for (let i = 0; i < 30; i++) {
      const gap = 5 + i;
      for (let k = 0; k * gap < 200; k++) out.push({ client: `c${String(i).padStart(2, '0')}`, date: new Date(Date.UTC(2024, 0, 1 + k * gap)).toISOString().slice(0, 10), amount: 10 + i });
    }
    return out;
  }

  it('counts purchase days in (calibration end, end]: not return-only days, not later days; clients new in the holdout are left out and counted', () => {
    const ledger = ledgerOf([
      ...lines(),
      { client: 'x', date: '2024-02-01', amount: 50 },
      { client: 'x', date: '2024-04-01', amount: 50 }, // the calibration end day itself: calibration
      { client: 'x', date: '2024-04-02', amount: 50 }, // holdout
      { client: 'x', date: '2024-04-03', amount: 30 }, // holdout
      { client: 'x', date: '2024-04-03', amount: 20 }, // same day: one purchase day
      { client: 'x', date: '2024-05-01', amount: -50 }, // a return alone: not a purchase day
      { client: 'x', date: '2024-08-01', amount: 50 }, // after the end
      { client: 'newcomer', date: '2024-05-01', amount: 90 },
    ]);
    const check = holdoutCheck(ledger, day('2024-04-01'), day('2024-07-01'));
    const x = check.clients.find((c) => c.client === 'x')!;
    expect(x).toMatchObject({ frequency: 1, actual: 2 });
    expect(check.clients.find((c) => c.client === 'newcomer')).toBeUndefined();
    expect(check.newClients).toBe(1);
    expect(check.weeks).toBeCloseTo(91 / 7, 12);
    expect(check.weekly).toHaveLength(13);
    // A holdout of 13 weeks and 3 days has a 14th, short, week ending at the end.
    const longer = holdoutCheck(ledger, day('2024-04-01'), day('2024-07-04'));
    expect(longer.weekly).toHaveLength(14);
    expect(longer.weekly[13]!.predictedCumulative!).toBeCloseTo(longer.total.predicted!, 9);
  });

  it('refuses a holdout that ends on or before the calibration end', () => {
    const ledger = ledgerOf(lines());
    expect(() => holdoutCheck(ledger, day('2024-04-01'), day('2024-04-01'))).toThrow(RangeError);
    expect(() => holdoutCheck(ledger, day('2024-04-01'), day('2024-03-01'))).toThrow(RangeError);
  });

  it('gives the actual side of the table and no expectation when the calibration period cannot be fitted', () => {
    const ledger = ledgerOf([
      { client: 'a', date: '2024-01-01', amount: 10 },
      { client: 'a', date: '2024-02-01', amount: 10 },
      { client: 'a', date: '2024-05-01', amount: 10 },
      { client: 'b', date: '2024-01-05', amount: 10 },
    ]);
    const check = holdoutCheck(ledger, day('2024-03-01'), day('2024-06-01'));
    expect(check.alive.fit).toBeNull();
    expect(check.byFrequency.find((g) => g.frequency === '1')).toEqual({ frequency: '1', clients: 1, actual: 1, predicted: null });
    expect(check.byFrequency.find((g) => g.frequency === '3')).toEqual({ frequency: '3', clients: 0, actual: null, predicted: null });
    expect(check.total).toEqual({ clients: 2, actual: 1, predicted: null });
    expect(check.error).toEqual({ mae: null, correlation: null });
    expect(check.weekly.every((w) => w.predictedCumulative === null)).toBe(true);
  });
});
