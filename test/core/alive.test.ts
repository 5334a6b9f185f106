// SPEC §6, P(alive): the glue from ledger to BG/NBD customers, the fit over all clients, and the
// p_alive column of the analysis (null with a note when the fit cannot run).
import { describe, expect, it } from 'vitest';
import { aliveClients, aliveTable, assessAlive, MIN_CLIENTS_FOR_BGNBD, pAliveOf, purchaseModelSound } from '../../src/core/alive.js';
import { purchaseDaysFrom, purchaseDaysOf } from '../../src/core/purchase-days.js';
import { cdnowDay, cdnowLedger, NO_CDNOW } from '../helpers/cdnow.js';
import { analyzeLedger } from '../../src/core/analyze.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { aliveModel } from '../../src/core/alive-model.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { mulberry32 } from '../helpers/seeded.js';

const D0 = Date.UTC(2024, 0, 1) / 86_400_000;

/**
 * A deterministic population that drops out at one common rate: client i buys every (7 + i % 23)
 * days from day i % 40, and stops after (1 + i % 11) purchase days. Its likelihood keeps rising
 * towards a, b → ∞, so the fit stops short of a maximum.
 */
function commonDropout(n: number): Ledger {
  const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
  for (let i = 0; i < n; i++) {
    const gap = 7 + (i % 23);
    const count = 1 + (i % 11);
    for (let k = 0; k < count; k++) addLine(ledger, { client: `c${String(i).padStart(3, '0')}`, day: D0 + (i % 40) + k * gap, amount: 10, quantity: 1 });
  }
  return finishLedger(ledger);
}

/**
 * A deterministic population as BG/NBD supposes one (seeded): each client buys at its own rate
 * (exponential gaps, 0.02–0.22 a day), first on a day in [0, 100), and after each purchase drops
 * out with its own probability (0.05–0.65); nothing after day `until`. The dropout differs from
 * client to client, so the fit converges.
 */
function mixedDropout(n: number, seed: number, until = 365): Ledger {
  const random = mulberry32(seed);
  const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
  for (let i = 0; i < n; i++) {
    const rate = 0.02 + 0.2 * random() * random();
    const dropout = 0.05 + 0.6 * random() * random();
    let day = Math.floor(random() * 100);
    const client = `c${String(i).padStart(3, '0')}`;
    addLine(ledger, { client, day: D0 + day, amount: 10, quantity: 1 });
    while (random() >= dropout) {
      day += Math.max(1, Math.round(-Math.log(1 - random()) / rate));
      if (day > until) break;
      addLine(ledger, { client, day: D0 + day, amount: 10, quantity: 1 });
    }
  }
  return finishLedger(ledger);
}

describe('purchaseDaysOf', () => {
  it('takes distinct purchase days up to the as-of day: no return-only days, nothing later', () => {
    const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
    const add = (client: string, offset: number, amount: number, quantity?: number) => addLine(ledger, { client, day: D0 + offset, amount, quantity });
    add('a', 0, 10);
    add('a', 0, 5); // same day
    add('a', 7, -3); // a return alone
    add('a', 14, 0, 2); // zero amount, positive quantity: a purchase
    add('a', 21, 0); // zero amount, no quantity: not one
    add('a', 40, 10); // after the as-of day
    add('b', 3, -10); // only a return: no customer at all
    const purchases = purchaseDaysOf(finishLedger(ledger), D0 + 30);
    expect(purchases.size).toBe(1);
    expect(purchases.client(0)).toBe('a');
    expect(purchases.customer(0)).toEqual({ frequency: 1, recency: 2, age: 30 / 7 });
    expect(purchases.numberOf('b')).toBe(-1);
  });
});

describe('assessAlive', () => {
  it('leaves P(alive) null with a note when there are too few clients', () => {
    const clients = Array.from({ length: MIN_CLIENTS_FOR_BGNBD - 1 }, (_, i) => ({ client: `c${String(i).padStart(2, '0')}`, days: [D0, D0 + 10 + i] }));
    const alive = assessAlive(purchaseDaysFrom(clients, D0 + 100));
    expect(alive.fit).toBeNull();
    expect(aliveClients(alive).every((c) => c.pAlive === null)).toBe(true);
    expect(alive.problem).toMatchObject({ code: 'bgnbd-not-fitted', value: 'too-few-clients', severity: 'note' });
  });

  it('fits from MIN_CLIENTS_FOR_BGNBD clients on', () => {
    const asOf = D0 + 365;
    const alive = assessAlive(purchaseDaysOf(mixedDropout(MIN_CLIENTS_FOR_BGNBD, 2), asOf));
    expect(alive.purchases.size).toBe(MIN_CLIENTS_FOR_BGNBD);
    expect(alive.fit!.converged).toBe(true);
    expect(alive.problem).toBeNull();
    expect(aliveClients(alive).every((c) => c.pAlive !== null && c.pAlive >= 0 && c.pAlive <= 1)).toBe(true);
  });

  it('leaves every P(alive) null with a note when the fit stops short of a maximum (a limit, not an estimate)', () => {
    const asOf = D0 + 200;
    const alive = assessAlive(purchaseDaysOf(commonDropout(60), asOf));
    // The fit is kept (kam alive reports it as not converged), but no probability comes from it.
    expect(alive.fit!.converged).toBe(false);
    expect(purchaseModelSound(alive)).toBe(false);
    expect(alive.purchases.size).toBe(60);
    expect(aliveClients(alive).every((c) => c.pAlive === null)).toBe(true);
    expect(alive.problem).toEqual({ code: 'bgnbd-not-fitted', severity: 'note', value: 'no-convergence', details: { clients: 60, repeat: expect.any(Number), needed: MIN_CLIENTS_FOR_BGNBD } });
  });

  it('leaves P(alive) null with a note when no client bought on more than one day', () => {
    const clients = Array.from({ length: 30 }, (_, i) => ({ client: `c${String(i).padStart(2, '0')}`, days: [D0 + i] }));
    const alive = assessAlive(purchaseDaysFrom(clients, D0 + 100));
    expect(alive.fit).toBeNull();
    expect(alive.problem).toMatchObject({ code: 'bgnbd-not-fitted', value: 'no-repeat-purchases' });
  });

  it('gives P(alive) = FHL eq. 13 at the fitted parameters, from recency and age in weeks to the as-of day', () => {
    const ledger = mixedDropout(60, 1);
    const asOf = D0 + 365;
    const alive = assessAlive(purchaseDaysOf(ledger, asOf));
    expect(alive.fit!.converged).toBe(true);
    const { r, alpha, a, b } = alive.fit!.params;
    for (const c of aliveClients(alive)) {
      const days = [...ledger.clients.get(c.client)!.days].map(([day]) => day).filter((d) => d <= asOf).sort((p, q) => p - q);
      const x = days.length - 1;
      const tx = (days[days.length - 1]! - days[0]!) / 7;
      const T = (asOf - days[0]!) / 7;
      expect(c.customer).toEqual({ frequency: x, recency: tx, age: T });
      const expected = x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
      expect(c.pAlive!).toBeCloseTo(expected, 10);
    }
  });
});

describe('the analysis', () => {
  it('fills p_alive from the fit over every client in the ledger', () => {
    const ledger = mixedDropout(100, 7);
    const asOf = D0 + 365;
    const analysis = analyzeLedger(ledger, { ...DEFAULT_SETTINGS, asOf, includePartial: true });
    const alive = assessAlive(purchaseDaysOf(ledger, asOf));
    expect(analysis.lost.alive.fit!.converged).toBe(true);
    expect(analysis.lost.alive.fit!.params).toEqual(alive.fit!.params);
    expect(analysis.clients).toHaveLength(100);
    for (const c of analysis.clients) {
      expect(c.pAlive).not.toBeNull();
      expect(c.pAlive).toBe(pAliveOf(alive, c.client));
    }
    expect(analysis.notes.filter((n) => n.code === 'bgnbd-not-fitted')).toEqual([]);
    // Long-silent repeat buyers are judged less likely alive than steady recent ones.
    const silent = analysis.clients.filter((c) => c.status === 'lost' && c.purchases > 3);
    const steady = analysis.clients.filter((c) => c.status === 'active' && c.purchases > 3);
    expect(silent.length).toBeGreaterThan(0);
    expect(steady.length).toBeGreaterThan(0);
    expect(Math.max(...silent.map((c) => c.pAlive!))).toBeLessThan(Math.min(...steady.map((c) => c.pAlive!)));
  });

  it('leaves p_alive null for every client, with the no-convergence note, when the fit stops at a boundary', () => {
    const analysis = analyzeLedger(commonDropout(60), { ...DEFAULT_SETTINGS, asOf: D0 + 200, includePartial: true });
    expect(analysis.lost.alive.fit!.converged).toBe(false);
    expect(analysis.clients).toHaveLength(60);
    expect(analysis.clients.every((c) => c.pAlive === null)).toBe(true);
    expect(analysis.notes.filter((n) => n.code === 'bgnbd-not-fitted').map((n) => n.value)).toEqual(['no-convergence']);
    // The status rules still judge every client.
    expect(analysis.clients.every((c) => c.status !== null)).toBe(true);
    expect(analysis.clients.some((c) => c.status === 'lost')).toBe(true);
  });

  it('leaves p_alive null and adds a note when the fit cannot run', () => {
    const analysis = analyzeLedger(commonDropout(5), { ...DEFAULT_SETTINGS, asOf: D0 + 200, includePartial: true });
    expect(analysis.clients.every((c) => c.pAlive === null)).toBe(true);
    expect(analysis.notes).toContainEqual(expect.objectContaining({ code: 'bgnbd-not-fitted', value: 'too-few-clients' }));
    // Status and recency do not depend on the fit.
    expect(analysis.clients.every((c) => c.status !== null)).toBe(true);
  });
});

describe('aliveTable', () => {
  it.skipIf(NO_CDNOW)('orders clients by expected purchase days, more first, and expects fewer over a shorter horizon', () => {
    const ledger = cdnowLedger();
    const asOf = cdnowDay('19970930');
    const year = aliveTable(ledger, asOf, 52);
    const quarter = aliveTable(ledger, asOf, 13);
    expect(year.alive.fit!.converged).toBe(true);
    for (let i = 1; i < year.rows.length; i++) expect(year.rows[i - 1]!.expected!).toBeGreaterThanOrEqual(year.rows[i]!.expected! - 1e-6);
    const q = new Map(quarter.rows.map((r) => [r.client, r.expected!]));
    for (const r of year.rows) expect(q.get(r.client)!).toBeLessThan(r.expected!);
  });

  it('without a sound fit (stopped at a boundary), orders clients by purchase days, not by the unsettled expectations', () => {
    const year = aliveTable(commonDropout(60), D0 + 200, 52);
    expect(purchaseModelSound(year.alive)).toBe(false);
    for (let i = 1; i < year.rows.length; i++) expect(year.rows[i - 1]!.customer.frequency).toBeGreaterThanOrEqual(year.rows[i]!.customer.frequency);
  });
});

describe('aliveModel with the spend model fitted elsewhere (kam alive: a worker thread)', () => {
  /** 200 clients, 1–6 purchase days each, amounts that vary (so Gamma-Gamma has something to fit). */
  function spenders(): Ledger {
    const random = mulberry32(11);
    const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
    for (let i = 0; i < 200; i++) {
      const days = 1 + Math.floor(random() * 6);
      const level = 20 + random() * 200;
      for (let k = 0; k < days; k++) addLine(ledger, { client: `s${i}`, day: D0 + Math.floor(random() * 300), amount: Math.round(level * (0.5 + random()) * 100) / 100, quantity: 1 });
    }
    return finishLedger(ledger);
  }

  it('starts the fitting as the purchase days are known, uses the fit it gives, and is the same without one', () => {
    const ledger = spenders();
    const asOf = ledger.lastDay!;
    const plain = aliveModel(ledger, asOf, 52);
    expect(plain.spend.fit).not.toBeNull();
    const fit = plain.spend.fit!;
    const elsewhere = { ...fit, params: { ...fit.params, gamma: fit.params.gamma * 2 } };
    const started: unknown[] = [];
    const model = aliveModel(ledger, asOf, 52, undefined, { start: (p) => void started.push(p), fitOf: (p) => (p === started[0] ? elsewhere : undefined) });
    // Started while the model was made, before anything read the spend.
    expect(started).toHaveLength(1);
    expect(model.table).toEqual(plain.table);
    expect(model.spend.fit).toBe(elsewhere);
    // A fitting that gives nothing: fitted here, the same numbers.
    const here = aliveModel(ledger, asOf, 52, undefined, { start: () => undefined, fitOf: () => undefined });
    expect(here.spend.fit).toEqual(fit);
    expect(here.spend.expectedSpend).toEqual(plain.spend.expectedSpend);
  });
});
