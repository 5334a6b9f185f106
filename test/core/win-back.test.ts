// SPEC §6 win-back list and §10 lost key clients, on a hand-made ledger.
import { describe, expect, it } from 'vitest';
import { analyzeLedger } from '../../src/core/analyze.js';
import { addLine, emptyLedger, finishLedger } from '../../src/core/ledger.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { lostKeyClients, lostReport, winBackAction, winBackList } from '../../src/core/win-back.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const AS_OF = day('2024-12-31');

/** Monthly purchases of `amount` from January to `lastMonth` (1–12), on the 1st. */
function monthly(client: string, lastMonth: number, amount: number, ledger = base()): ReturnType<typeof base> {
  for (let m = 1; m <= lastMonth; m++) addLine(ledger, { client, day: day(`2024-${String(m).padStart(2, '0')}-01`), amount });
  return ledger;
}
function base() {
  return emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
}

function sample() {
  const ledger = base();
  monthly('Big steady', 12, 10_000, ledger); // A, active (Dec 1: 30 days, rhythm 30.5 → at risk past 45.75)
  monthly('Big lost', 6, 9_000, ledger); // A, lost (Jun 1 → 213 days)
  monthly('Mid at risk', 10, 2_000, ledger); // B/C, at risk (Oct 1 → 91 days: past 45.75, not past 91.5)
  monthly('Mid lost', 5, 2_000, ledger); // lost
  monthly('Small lost', 4, 2_000, ledger); // lost, same 12-month revenue class as Mid? less revenue
  monthly('Tiny lost', 3, 100, ledger);
  return ledger;
}

// Revenue 120,000 + 54,000 + 20,000 + 10,000 + 8,000 + 300: Big steady alone is 56.5%, so with
// --key-share 70 the key clients are Big steady and Big lost (the class A clients).
const KEY_70 = { ...DEFAULT_SETTINGS, asOf: AS_OF, keyShare: 0.7 };

describe('the win-back list', () => {
  const analysis = analyzeLedger(finishLedger(sample()), KEY_70);
  const list = winBackList(analysis);

  it('holds the lost and at-risk clients only, most valuable first: class, then revenue over the 12 months before the last purchase', () => {
    const classOf = new Map(analysis.clients.map((c) => [c.client, c.abc]));
    expect(list.map((e) => e.client)).toEqual(['Big lost', 'Mid at risk', 'Mid lost', 'Small lost', 'Tiny lost']);
    expect(list.map((e) => e.abc)).toEqual(list.map((e) => classOf.get(e.client)));
    for (let i = 1; i < list.length; i++) {
      const [p, q] = [list[i - 1]!, list[i]!];
      expect(p.abc! <= q.abc!).toBe(true);
      if (p.abc === q.abc) expect(p.revenue12m).toBeGreaterThanOrEqual(q.revenue12m);
    }
    expect(list.find((e) => e.client === 'Mid at risk')!.status).toBe('at-risk');
    expect(list.find((e) => e.client === 'Big lost')).toMatchObject({
      status: 'lost',
      abc: 'A',
      key: true,
      lastPurchase: day('2024-06-01'),
      recencyDays: 213,
      revenue12m: 54_000,
    });
  });

  it('sorts class before revenue: a C client with more revenue at stake stays below a B client', () => {
    const ledger = sample();
    // Lost long ago with a big past: little revenue in the window (class C), most revenue at stake.
    for (const d of ['2023-01-01', '2023-02-01', '2023-03-01', '2023-04-01']) addLine(ledger, { client: 'Old whale', day: day(d), amount: 1_000_000 });
    addLine(ledger, { client: 'Old whale', day: day('2024-01-01'), amount: 1 });
    const a = analyzeLedger(finishLedger(ledger), { ...DEFAULT_SETTINGS, asOf: AS_OF, from: day('2024-01-01') });
    const l = winBackList(a);
    const whale = l.findIndex((e) => e.client === 'Old whale');
    expect(l[whale]!.abc).toBe('C');
    expect(l[whale]!.revenue12m).toBe(3_000_001);
    // Below every A and B entry though their revenue at stake is smaller, first among the C ones.
    expect(l.slice(0, whale).every((e) => e.abc === 'A' || e.abc === 'B')).toBe(true);
    expect(l.slice(0, whale).some((e) => e.revenue12m < 3_000_001)).toBe(true);
    expect(l.slice(whale + 1).every((e) => e.abc === 'C')).toBe(true);
  });

  it('a lapsed client with no line in the window has no class, comes last and gets the C action', () => {
    const ledger = sample();
    for (const d of ['2023-01-01', '2023-02-01', '2023-03-01']) addLine(ledger, { client: 'Gone', day: day(d), amount: 5_000_000 });
    const l = winBackList(analyzeLedger(finishLedger(ledger), { ...DEFAULT_SETTINGS, asOf: AS_OF, from: day('2024-01-01') }));
    expect(l[l.length - 1]).toMatchObject({ client: 'Gone', abc: null, key: false, status: 'lost', action: 'C-lost' });
  });

  it('gives every entry the action its class and status call for', () => {
    for (const e of list) expect(e.action).toBe(winBackAction(e.abc, e.status));
    expect(new Set(list.map((e) => e.action)).size).toBeGreaterThan(1);
  });

  it('carries recency, usual interval and P(alive) as the per-client table has them', () => {
    const byClient = new Map(analysis.clients.map((c) => [c.client, c]));
    for (const e of list) {
      const c = byClient.get(e.client)!;
      expect(e.recencyDays).toBe(c.recencyDays);
      expect(e.usualIntervalDays).toBe(c.usualIntervalDays);
      expect(e.pAlive).toBe(c.pAlive);
    }
  });
});

describe('lost key clients', () => {
  it('are not the class A clients: Big lost is A but past the top 50%', () => {
    const analysis = analyzeLedger(finishLedger(sample()), { ...DEFAULT_SETTINGS, asOf: AS_OF });
    expect(analysis.clients.filter((c) => c.abc === 'A').map((c) => c.client)).toEqual(['Big steady', 'Big lost']);
    expect(lostKeyClients(analysis)).toEqual([]);
    expect(winBackList(analysis).find((e) => e.client === 'Big lost')!.key).toBe(false);
  });

  it('are the key clients (the top --key-share) whose status is lost', () => {
    const analysis = analyzeLedger(finishLedger(sample()), KEY_70);
    expect(analysis.clients.filter((c) => c.abc === 'A').map((c) => c.client)).toEqual(['Big steady', 'Big lost']);
    expect(lostKeyClients(analysis)).toEqual(['Big lost']);
    expect(lostReport(analysis).lostKeys).toEqual(['Big lost']);
  });

  it('none when the A clients are active', () => {
    const ledger = monthly('Big steady', 12, 10_000);
    monthly('Small lost', 3, 10, ledger);
    expect(lostKeyClients(analyzeLedger(finishLedger(ledger), { ...DEFAULT_SETTINGS, asOf: AS_OF }))).toEqual([]);
  });
});
