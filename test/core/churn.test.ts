// SPEC §6, churn dynamics: lapses (the day a client becomes lost, and whether it came back),
// the revenue over the 12 months before the last purchase, directions, and churn per period.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHURN_GRID_MAX, churnByDirection, churnByPeriod, churnGrid, type DirectionChurn } from '../../src/core/churn.js';
import { assessRecency, assessLost, directionOf, lapsesOf, twelveMonthsStart, type ClientLapses } from '../../src/core/lost.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';

const RULES = { lostAfter: 180, lostFactor: 3, riskFactor: 1.5 };
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const noRevenue = (): number => 0;

interface Line {
  client: string;
  day: string;
  amount: number;
  direction?: string;
}

function ledgerOf(lines: Line[]): Ledger {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: true });
  for (const l of lines) addLine(ledger, { client: l.client, day: day(l.day), amount: l.amount, direction: l.direction });
  return finishLedger(ledger);
}

describe('lapses', () => {
  it('a client becomes lost the first day its silence exceeds the threshold: last purchase + threshold + 1', () => {
    const days = [0, 10, 20, 30]; // rhythm 10 → threshold 30
    expect(lapsesOf(days, 60, RULES, noRevenue)).toEqual([]); // silent exactly 30 days: not lost
    expect(lapsesOf(days, 61, RULES, noRevenue)).toEqual([{ lastPurchase: 30, threshold: 30, lostDay: 61, cameBack: null, revenue12m: 0 }]);
  });

  it('a fractional threshold is crossed on the next whole day', () => {
    const days = [0, 29, 59, 88, 118]; // 29.5 → 88.5
    const [lapse] = lapsesOf(days, 300, RULES, noRevenue);
    expect(lapse).toMatchObject({ lastPurchase: 118, threshold: 88.5, lostDay: 118 + 89 });
  });

  it('the open lapse exists exactly when the status now is lost', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 400 }), (raw, after) => {
        const days = [...raw].sort((a, b) => a - b);
        const asOf = days[days.length - 1]! + after;
        const lapses = lapsesOf(days, asOf, RULES, noRevenue);
        const open = lapses.filter((l) => l.cameBack === null);
        expect(open.length).toBe(assessRecency(days, asOf, RULES).status === 'lost' ? 1 : 0);
        for (const l of lapses) expect(l.lostDay).toBeLessThanOrEqual(l.cameBack ?? asOf);
      }),
    );
  });

  it('a client that came back: the threshold comes from the rhythm before the silence, not from its whole history', () => {
    // Every 10 days, a 35-day silence, then every 10 days again. Before the silence the rhythm is
    // 10 (threshold 30), so 35 days is a lapse. The whole history's median (10) would agree here,
    // so make the later rhythm slow: every 100 days would lift a whole-history threshold to 67.5.
    const days = [0, 10, 20, 30, 40, 75];
    const lapses = lapsesOf(days, 80, RULES, noRevenue);
    expect(lapses).toEqual([{ lastPurchase: 40, threshold: 30, lostDay: 71, cameBack: 75, revenue12m: 0 }]);
    // A silence that the rhythm before it allows is no lapse, even if a later rhythm is faster.
    // Gaps 60, 60 (threshold 180) then a 100-day silence, then weekly buying.
    const later = [0, 60, 120, 220, 227, 234, 241, 248];
    expect(lapsesOf(later, 250, RULES, noRevenue)).toEqual([]);
  });

  it('fewer than 3 purchase days before the silence: only the absolute rule makes a lapse', () => {
    // Two purchases 10 days apart, then 100 days of silence, then a return to buying: no lapse
    // (a rhythm of 10 would have called it lost at day 41).
    expect(lapsesOf([0, 10, 110, 120], 125, RULES, noRevenue)).toEqual([]);
    // …but 181 days is one.
    expect(lapsesOf([0, 10, 191], 200, RULES, noRevenue)).toEqual([{ lastPurchase: 10, threshold: 180, lostDay: 191, cameBack: 191, revenue12m: 0 }]);
  });

  it('lost, back, lost again: two lapses', () => {
    const days = [0, 10, 20, 30, 100, 110, 120];
    const lapses = lapsesOf(days, 300, RULES, noRevenue);
    expect(lapses.map((l) => [l.lastPurchase, l.cameBack])).toEqual([
      [30, 100],
      [120, null],
    ]);
  });
});

describe('revenue over the 12 months before the last purchase', () => {
  it('runs from the day after the same calendar day a year earlier to the last purchase day', () => {
    expect(twelveMonthsStart(day('2026-01-20'))).toBe(day('2025-01-21'));
    expect(twelveMonthsStart(day('2024-02-29'))).toBe(day('2023-03-01'));
    expect(twelveMonthsStart(day('2025-03-01'))).toBe(day('2024-03-02'));
  });

  it('nets returns inside the span and leaves out what falls outside it', () => {
    const ledger = ledgerOf([
      { client: 'c', day: '2025-01-20', amount: 1000 }, // exactly a year before: out
      { client: 'c', day: '2025-01-21', amount: 100 }, // in
      { client: 'c', day: '2025-06-01', amount: 200 },
      { client: 'c', day: '2025-07-01', amount: -50 }, // a return inside: netted
      { client: 'c', day: '2026-01-20', amount: 300 }, // the last purchase: in
      { client: 'c', day: '2026-02-01', amount: -40 }, // a return after the last purchase: out
    ]);
    const c = assessLost(ledger, day('2026-12-31'), RULES).client('c')!;
    expect(c.recency.lastPurchase).toBe(day('2026-01-20'));
    expect(c.revenue12m).toBe(550);
    // Two lapses (2025-06-01 → 2026-01-20 is past 180 days too): the open one carries the same figure.
    expect(c.lapses.map((l) => l.cameBack)).toEqual([day('2026-01-20'), null]);
    expect(c.lapses[1]!.revenue12m).toBe(550);
    expect(c.lapses[0]!.revenue12m).toBe(1000 + 100 + 200); // up to 2025-06-01: the 2025-01-20 purchase is in
  });

  it('a lapse that ended carries the revenue up to its own last purchase', () => {
    const lines: Line[] = ['2024-01-01', '2024-01-11', '2024-01-21', '2024-01-31'].map((d) => ({ client: 'c', day: d, amount: 10 }));
    lines.push({ client: 'c', day: '2024-06-01', amount: 500 });
    const c = assessLost(ledgerOf(lines), day('2024-06-10'), RULES).client('c')!;
    expect(c.lapses).toEqual([{ lastPurchase: day('2024-01-31'), threshold: 30, lostDay: day('2024-03-02'), cameBack: day('2024-06-01'), revenue12m: 40 }]);
    expect(c.revenue12m).toBe(540);
  });
});

describe('direction', () => {
  it('is the value under which the client bought the most (net), ties to the first name', () => {
    const ledger = ledgerOf([
      { client: 'c', day: '2024-01-01', amount: 100, direction: 'North' },
      { client: 'c', day: '2024-01-02', amount: 80, direction: 'South' },
      { client: 'c', day: '2024-01-03', amount: 30, direction: 'South' },
      { client: 'c', day: '2024-01-04', amount: -20, direction: 'South' }, // net South 90 < 100
      { client: 't', day: '2024-01-01', amount: 50, direction: 'West' },
      { client: 't', day: '2024-01-02', amount: 50, direction: 'East' },
      { client: 'u', day: '2024-01-01', amount: 50, direction: 'East' },
      { client: 'u', day: '2024-01-02', amount: 30, direction: 'West' },
      { client: 'u', day: '2024-01-03', amount: 20.0000001, direction: 'West' }, // equal to 6 decimals: a tie
      { client: 'n', day: '2024-01-01', amount: 50 },
    ]);
    expect(directionOf(ledger.clients.get('c')!)).toBe('North');
    expect(directionOf(ledger.clients.get('t')!)).toBe('East');
    expect(directionOf(ledger.clients.get('u')!)).toBe('East');
    expect(directionOf(ledger.clients.get('n')!)).toBeNull();
  });
});

/** A hand ledger over 2024: known lapses per month. */
function handLedger(): Ledger {
  const lines: Line[] = [];
  const buy = (client: string, dates: string[], direction: string, amount = 100): void => {
    for (const d of dates) lines.push({ client, day: d, amount, direction });
  };
  // a: monthly Jan–Apr (rhythm 31/29/31 → median 31, threshold 93), silent since 2024-04-01: lost on 2024-07-04.
  buy('a', ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'], 'North');
  // b: every 10 days (threshold 30), last 2024-03-01, back 2024-05-01, then every 10 days to the end.
  buy('b', ['2024-02-10', '2024-02-20', '2024-03-01', '2024-05-01', '2024-05-11', '2024-05-21', '2024-05-31', '2024-06-10', '2024-06-20', '2024-06-30', '2024-07-10', '2024-07-20', '2024-07-30', '2024-08-09'], 'South');
  // c: two purchases (absolute rule: 180), last 2024-01-05: lost on 2024-07-04.
  buy('c', ['2024-01-01', '2024-01-05'], 'North', 1000);
  // d: active all along.
  buy('d', ['2024-06-01', '2024-07-01', '2024-08-01'], 'South');
  return ledgerOf(lines);
}

describe('churn per period', () => {
  const asOf = day('2024-08-15');
  const lost = assessLost(handLedger(), asOf, RULES);

  it('counts each client in the month it became lost, with its revenue, and the month it came back', () => {
    const table = churnByPeriod(lost.clients, 'month', day('2024-01-01'), asOf);
    expect(table.periods.map((p) => p.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
    const row = (label: string) => table.periods.find((p) => p.period === label)!;
    // b: last 2024-03-01 + 30 + 1 = 2024-04-01.
    expect(row('2024-04')).toMatchObject({ becameLost: 1, lostRevenue: 300, cameBack: 0, stillLost: 0 });
    expect(row('2024-05')).toMatchObject({ becameLost: 0, cameBack: 1 });
    // a and c both on 2024-07-04.
    expect(row('2024-07')).toMatchObject({ becameLost: 2, lostRevenue: 400 + 2000, cameBack: 0, stillLost: 2 });
    expect(row('2024-08')).toMatchObject({ partial: true, becameLost: 0 });
    expect(row('2024-01').partial).toBe(false);
    expect(table.totals).toEqual({ becameLost: 3, lostRevenue: 2700, cameBack: 1, stillLost: 2 });
    // Lost at the end of the last period: became lost − came back, summed.
    expect(table.periods[table.periods.length - 1]!.lostAtEnd).toBe(2);
  });

  it('the monthly counts add up to the number of lost clients', () => {
    const table = churnByPeriod(lost.clients, 'month', day('2024-01-01'), asOf);
    const lostNow = lost.clients.filter((c) => c.recency.status === 'lost').length;
    expect(lostNow).toBe(2);
    expect(lost.counts.lost).toBe(2);
    expect(table.periods.reduce((s, p) => s + p.stillLost, 0)).toBe(lostNow);
    expect(table.periods.reduce((s, p) => s + p.becameLost - p.cameBack, 0)).toBe(lostNow);
  });

  it('a client lost just after the as-of day is not counted', () => {
    const before = assessLost(handLedger(), day('2024-07-03'), RULES);
    const table = churnByPeriod(before.clients, 'month', day('2024-01-01'), day('2024-07-03'));
    expect(table.totals.stillLost).toBe(0);
    expect(before.counts.lost).toBe(0);
  });

  it('per direction: each client under its direction, and the directions add up to the whole', () => {
    const byDirection = churnByDirection(lost.clients, 'month', day('2024-01-01'), asOf);
    expect(byDirection.map((d) => [d.direction, d.clients, d.counts.lost, d.churn.totals.becameLost, d.churn.totals.cameBack])).toEqual([
      ['North', 2, 2, 2, 0],
      ['South', 2, 0, 1, 1],
    ]);
  });

  it('the status counts and the revenue at stake', () => {
    expect(lost.counts).toMatchObject({ clients: 4, active: 2, atRisk: 0, lost: 2, lostRevenue: 2400, revenueAtStake: 2400 });
  });
});

describe('churn per period on random ledgers', () => {
  const clientArb = fc.record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 25 }),
    direction: fc.constantFrom('N', 'S', 'E', undefined),
  });
  it('Σ still lost = Σ (became lost − came back) = lost clients, overall and per direction; periods cover every event', () => {
    fc.assert(
      fc.property(fc.array(clientArb, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom('month', 'week', 'quarter') as fc.Arbitrary<'month' | 'week' | 'quarter'>, (clients, asOfOffset, kind) => {
        const base = day('2023-01-01');
        const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: true });
        clients.forEach((c, i) => {
          for (const d of c.days) addLine(ledger, { client: `c${i}`, day: base + d, amount: 10, direction: c.direction });
        });
        const asOf = base + asOfOffset;
        const lost = assessLost(finishLedger(ledger), asOf, RULES);
        const table = churnByPeriod(lost.clients, kind, base, asOf);
        const lapses = lost.clients.reduce((s: number, c: ClientLapses) => s + c.lapses.length, 0);
        const back = lost.clients.reduce((s: number, c: ClientLapses) => s + c.lapses.filter((l) => l.cameBack !== null).length, 0);
        expect(table.totals.becameLost).toBe(lapses);
        expect(table.totals.cameBack).toBe(back);
        expect(table.totals.stillLost).toBe(lost.counts.lost);
        expect(table.totals.becameLost - table.totals.cameBack).toBe(lost.counts.lost);
        const perDirection = churnByDirection(lost.clients, kind, base, asOf);
        expect(perDirection.reduce((s, d) => s + d.churn.totals.stillLost, 0)).toBe(lost.counts.lost);
        expect(perDirection.reduce((s, d) => s + d.clients, 0)).toBe(lost.counts.clients);
      }),
      { numRuns: 200 },
    );
  });
});

describe('churnGrid (issue 15: top values plus "other", nothing dropped)', () => {
  const direction = (name: string | null, lapses: number[], back: number[], clients = 1): DirectionChurn => ({
    direction: name,
    clients,
    counts: { clients, active: 0, atRisk: 0, lost: 0, revenueAtStake: 0, lostRevenue: 0, atRiskRevenue: 0 } as unknown as DirectionChurn['counts'],
    churn: {
      periods: lapses.map((l, i) => ({ period: `2026-0${i + 1}`, start: i, end: i, partial: false, becameLost: l, lostRevenue: 0, cameBack: back[i]!, stillLost: 0, lostAtEnd: 0 })),
      totals: { becameLost: lapses.reduce((s, x) => s + x, 0), lostRevenue: 0, cameBack: back.reduce((s, x) => s + x, 0), stillLost: 0 },
    },
  });
  it('shows every value when there are at most eight', () => {
    const all = Array.from({ length: CHURN_GRID_MAX }, (_, i) => direction(`v${i}`, [i, 0], [0, 1]));
    const grid = churnGrid(all);
    expect(grid.other).toBeNull();
    expect(grid.directions).toEqual(all);
  });
  it('beyond eight: the seven with the most churn in name order, the rest summed into other', () => {
    const all = [...Array.from({ length: 12 }, (_, i) => direction(`v${String(i).padStart(2, '0')}`, [i % 5, 1], [0, i % 3])), direction(null, [9, 9], [9, 9])];
    const grid = churnGrid(all);
    expect(grid.directions).toHaveLength(CHURN_GRID_MAX - 1);
    expect(grid.other!.values).toBe(all.length - (CHURN_GRID_MAX - 1));
    // The value without a direction has the most churn: shown (last, as in the per-direction order).
    expect(grid.directions[grid.directions.length - 1]!.direction).toBeNull();
    expect(grid.directions.map((d) => d.direction)).toEqual(all.filter((d) => grid.directions.includes(d)).map((d) => d.direction));
    // Every period adds up: shown + other = all.
    for (let i = 0; i < 2; i++) {
      const sum = (key: 'becameLost' | 'cameBack'): number => grid.directions.reduce((s, d) => s + d.churn.periods[i]![key], 0) + grid.other!.periods[i]![key];
      expect(sum('becameLost')).toBe(all.reduce((s, d) => s + d.churn.periods[i]!.becameLost, 0));
      expect(sum('cameBack')).toBe(all.reduce((s, d) => s + d.churn.periods[i]!.cameBack, 0));
    }
    // The least churn went into "other".
    const least = Math.max(...all.filter((d) => !grid.directions.includes(d)).map((d) => d.churn.totals.becameLost + d.churn.totals.cameBack));
    for (const d of grid.directions) expect(d.churn.totals.becameLost + d.churn.totals.cameBack).toBeGreaterThanOrEqual(least);
    // A narrow view leaves out the shown values with the least churn first.
    const churnOf = (i: number): number => grid.directions[i]!.churn.totals.becameLost + grid.directions[i]!.churn.totals.cameBack;
    expect([...grid.leastFirst].sort()).toEqual(grid.directions.map((_, i) => i));
    for (let k = 1; k < grid.leastFirst.length; k++) expect(churnOf(grid.leastFirst[k]!)).toBeGreaterThanOrEqual(churnOf(grid.leastFirst[k - 1]!));
  });
});
