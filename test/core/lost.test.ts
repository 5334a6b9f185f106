// SPEC §6, status: every rule pinned on hand-made ledgers, on both sides of its boundary, through
// the whole core path (ledger lines → analyzeLedger → first/last purchase, recency, usual
// interval, status).
import { describe, expect, it } from 'vitest';
import { analyzeLedger, type ClientAnalysis } from '../../src/core/analyze.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { assessRecency, thresholdsOf } from '../../src/core/lost.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings.js';

const D0 = Date.UTC(2024, 0, 1) / 86_400_000; // 2024-01-01 as a day number

interface Line {
  day: number; // offset from D0
  amount: number;
  quantity?: number;
}

function ledgerOf(clients: Record<string, Line[]>): Ledger {
  const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
  for (const [client, lines] of Object.entries(clients)) {
    for (const l of lines) addLine(ledger, { client, day: D0 + l.day, amount: l.amount, quantity: l.quantity });
  }
  return finishLedger(ledger);
}

/** Purchases every `gap` days, `n` of them, from day 0. */
const every = (gap: number, n: number, amount = 100): Line[] => Array.from({ length: n }, (_, i) => ({ day: i * gap, amount }));

function analyze(clients: Record<string, Line[]>, asOfOffset: number, settings: Partial<AnalysisSettings> = {}): Map<string, ClientAnalysis> {
  const a = analyzeLedger(ledgerOf(clients), { ...DEFAULT_SETTINGS, includePartial: true, asOf: D0 + asOfOffset, ...settings });
  return new Map(a.clients.map((c) => [c.client, c]));
}

/** The status of one client whose last purchase day is `last` (offset), seen `recency` days later. */
function statusAt(lines: Line[], recency: number, settings: Partial<AnalysisSettings> = {}): ClientAnalysis {
  const last = Math.max(...lines.filter((l) => l.amount > 0).map((l) => l.day));
  return analyze({ c: lines }, last + recency, settings).get('c')!;
}

describe('the columns', () => {
  it('first and last purchase, recency, and the usual interval as the median gap between purchase days', () => {
    // Gaps 10, 30, 20, 40 → median 25 (an even count averages the middle two).
    const c = statusAt([{ day: 0, amount: 5 }, { day: 10, amount: 5 }, { day: 40, amount: 5 }, { day: 60, amount: 5 }, { day: 100, amount: 5 }], 7);
    expect(c.firstPurchase).toBe(D0);
    expect(c.lastPurchase).toBe(D0 + 100);
    expect(c.recencyDays).toBe(7);
    expect(c.usualIntervalDays).toBe(25);
  });

  it('several lines on one day make one purchase day', () => {
    const c = statusAt([{ day: 0, amount: 5 }, { day: 0, amount: 7 }, { day: 20, amount: 5 }, { day: 20, amount: 1 }, { day: 50, amount: 5 }], 0);
    expect(c.usualIntervalDays).toBe(25); // gaps 20 and 30, not 0, 20, 0, 30
  });
});

describe('rhythm rules (at least 3 purchase days)', () => {
  it('lost when recency exceeds lost-factor × the usual interval; at risk past risk-factor ×', () => {
    const rhythm = every(20, 6); // usual interval 20: lost past 60, at risk past 30
    expect(statusAt(rhythm, 30).status).toBe('active');
    expect(statusAt(rhythm, 31).status).toBe('at-risk');
    expect(statusAt(rhythm, 60).status).toBe('at-risk');
    expect(statusAt(rhythm, 61).status).toBe('lost');
  });

  it('the lost threshold is never below 30 days', () => {
    const rhythm = every(5, 8); // 3 × 5 = 15 < 30
    expect(statusAt(rhythm, 30).status).toBe('at-risk');
    expect(statusAt(rhythm, 31).status).toBe('lost');
  });

  it('the at-risk threshold is never below 15 days', () => {
    const rhythm = every(5, 8); // 1.5 × 5 = 7.5 < 15
    expect(statusAt(rhythm, 8).status).toBe('active');
    expect(statusAt(rhythm, 15).status).toBe('active');
    expect(statusAt(rhythm, 16).status).toBe('at-risk');
  });

  it('fractional thresholds: recency must exceed them (29.5-day rhythm: lost past 88.5, i.e. from 89)', () => {
    const rhythm = [0, 29, 59, 88, 118].map((day) => ({ day, amount: 10 })); // gaps 29, 30, 29, 30 → 29.5
    expect(statusAt(rhythm, 0).usualIntervalDays).toBe(29.5);
    expect(statusAt(rhythm, 88).status).toBe('at-risk');
    expect(statusAt(rhythm, 89).status).toBe('lost');
    expect(statusAt(rhythm, 44).status).toBe('active'); // 1.5 × 29.5 = 44.25
    expect(statusAt(rhythm, 45).status).toBe('at-risk');
  });

  it('--lost-factor and --risk-factor move the thresholds', () => {
    const rhythm = every(20, 6);
    expect(statusAt(rhythm, 61, { lostFactor: 4 }).status).toBe('at-risk');
    expect(statusAt(rhythm, 81, { lostFactor: 4 }).status).toBe('lost');
    expect(statusAt(rhythm, 31, { riskFactor: 2 }).status).toBe('active');
    expect(statusAt(rhythm, 41, { riskFactor: 2 }).status).toBe('at-risk');
  });
});

describe('the absolute rule', () => {
  it('whatever the rhythm, lost past 180 days (a slow rhythm would allow 300)', () => {
    const slow = every(100, 4); // 3 × 100 = 300
    expect(statusAt(slow, 180).status).toBe('at-risk');
    expect(statusAt(slow, 181).status).toBe('lost');
  });

  it('and at risk past half of it (a slow rhythm would allow 150)', () => {
    const slow = every(100, 4);
    expect(statusAt(slow, 90).status).toBe('active');
    expect(statusAt(slow, 91).status).toBe('at-risk');
  });

  it('--lost-after moves both the lost and the at-risk line', () => {
    const slow = every(100, 4);
    expect(statusAt(slow, 121, { lostAfter: 120 }).status).toBe('lost');
    expect(statusAt(slow, 120, { lostAfter: 120 }).status).toBe('at-risk');
    expect(statusAt(slow, 60, { lostAfter: 120 }).status).toBe('active');
    expect(statusAt(slow, 61, { lostAfter: 120 }).status).toBe('at-risk');
    expect(statusAt(slow, 181, { lostAfter: 365 }).status).toBe('at-risk'); // rhythm: 300
  });

  it('a client with fewer than 3 purchase days is judged by the absolute rule alone', () => {
    const two = every(10, 2); // a rhythm of 10 would make it lost at 31
    expect(statusAt(two, 31).status).toBe('active');
    expect(statusAt(two, 90).status).toBe('active');
    expect(statusAt(two, 91).status).toBe('at-risk');
    expect(statusAt(two, 181).status).toBe('lost');
    const one = every(10, 1);
    expect(statusAt(one, 90).status).toBe('active');
    expect(statusAt(one, 91).status).toBe('at-risk');
    expect(statusAt(one, 180).status).toBe('at-risk');
    expect(statusAt(one, 181).status).toBe('lost');
    expect(statusAt(one, 0).usualIntervalDays).toBeNull();
    // The third purchase day switches the rhythm on.
    expect(statusAt(every(10, 3), 31).status).toBe('lost');
  });
});

describe('purchase days', () => {
  it('a day of returns alone is not a purchase day: it neither refreshes recency nor counts for the rhythm', () => {
    const lines: Line[] = [...every(20, 4), { day: 100, amount: -30 }];
    const c = analyze({ c: lines }, 100).get('c')!;
    expect(c.lastPurchase).toBe(D0 + 60);
    expect(c.recencyDays).toBe(40);
    expect(c.usualIntervalDays).toBe(20);
    expect(c.status).toBe('at-risk'); // would be active if day 100 counted
  });

  it('a day with a purchase and a larger return is still a purchase day (a positive line)', () => {
    const lines: Line[] = [...every(20, 4), { day: 100, amount: 10 }, { day: 100, amount: -50 }];
    expect(analyze({ c: lines }, 100).get('c')!.lastPurchase).toBe(D0 + 100);
  });

  it('a zero amount with a positive quantity is a purchase (a free delivery); with no quantity it is not', () => {
    const free = analyze({ c: [...every(20, 4), { day: 100, amount: 0, quantity: 3 }] }, 100).get('c')!;
    expect(free.lastPurchase).toBe(D0 + 100);
    const nothing = analyze({ c: [...every(20, 4), { day: 100, amount: 0, quantity: 0 }] }, 100).get('c')!;
    expect(nothing.lastPurchase).toBe(D0 + 60);
  });

  it('purchases after the as-of day do not exist for the status', () => {
    const c = analyze({ c: [...every(20, 4), { day: 200, amount: 10 }] }, 100).get('c')!;
    expect(c.lastPurchase).toBe(D0 + 60);
    expect(c.recencyDays).toBe(40);
  });

  it('a client whose days up to the as-of date are all returns has no status', () => {
    const a = analyze({ c: [{ day: 0, amount: -10 }], d: every(10, 3) }, 40);
    expect(a.get('c')!.status).toBeNull();
    expect(a.get('c')!.recencyDays).toBeNull();
  });
});

describe('thresholdsOf and assessRecency agree with the rules directly', () => {
  const rules = { lostAfter: 180, lostFactor: 3, riskFactor: 1.5 };
  it.each([
    [5, 5, 30, 15],
    [20, 5, 60, 30],
    [29.5, 5, 88.5, 44.25],
    [50, 5, 150, 75],
    [70, 5, 180, 90],
    [10, 2, 180, 90],
  ])('interval %d with %d purchase days → lost %d, at risk %d', (interval, days, lost, risk) => {
    expect(thresholdsOf(interval, days, rules)).toEqual({ lost, risk });
  });

  it('status is lost only when recency exceeds the lost threshold', () => {
    const days = [0, 20, 40, 60];
    expect(assessRecency(days, 120, rules).status).toBe('at-risk');
    expect(assessRecency(days, 121, rules).status).toBe('lost');
    expect(assessRecency(days, 121, rules).lostThreshold).toBe(60);
  });
});
