// SPEC §2–4 through analyzeLedger: the window's rows, purchases, the degenerate-XYZ note.
import { describe, it, expect } from 'vitest';
import { analyzeLedger, purchaseSeriesOf } from '../../src/core/analyze.js';
import { KamError } from '../../src/core/problems.js';
import { describeXyzSpread, DEGENERATE_SHARE } from '../../src/core/xyz-spread.js';
import { analyze, bookends, clientOf, cvOf, ledgerOf, monthly, seriesOf, settingsOf, type TestLine } from '../helpers/ledger.js';

/** Client c's purchases per period, as the analysis counted them (purchaseSeriesOf over the same ledger and window). */
function purchaseSeriesOfC(lines: readonly TestLine[], overrides: Parameters<typeof settingsOf>[0]): number[] {
  const ledger = ledgerOf(lines);
  return purchaseSeriesOf(ledger.clients.get('c')!, analyzeLedger(ledger, settingsOf(overrides)).window, ledger.columns);
}

const line = (client: string, date: string, amount: number, extra: Partial<TestLine> = {}): TestLine => ({ client, date, amount, ...extra });

describe('the window decides which rows ABC and XYZ use', () => {
  it('a partial last month is left out (and noted); --include-partial keeps it', () => {
    const lines = [...monthly('c', '2024-01', [100, 100, 100]), line('c', '2024-01-01', 1), line('c', '2024-04-15', 1000)];
    const a = analyze(lines);
    const c = clientOf(a, 'c');
    expect(a.window.labels).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(seriesOf(lines, 'c')).toEqual([101, 100, 100]);
    expect(c.total).toBe(301);
    expect(a.notes.find((n) => n.code === 'partial-period-dropped')).toMatchObject({ value: '2024-04', details: { edge: 'trailing' } });

    const kept = analyze(lines, { includePartial: true });
    expect(kept.window.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(seriesOf(lines, 'c', { includePartial: true })).toEqual([101, 100, 100, 1000]);
    expect(clientOf(kept, 'c').total).toBe(1301);
    expect(kept.notes.some((n) => n.code === 'partial-period-dropped')).toBe(false);
    expect(kept.notes.find((n) => n.code === 'partial-period-kept')).toMatchObject({ value: '2024-04' });
  });

  it('a partial first month is left out, and the XYZ series starts in the first whole month', () => {
    // 2024-01-10 … 2024-04-30: January is partial.
    const lines = [line('c', '2024-01-10', 5000), ...monthly('c', '2024-02', [100, 100, 100]), line('c', '2024-04-30', 0.5)];
    const a = analyze(lines);
    const c = clientOf(a, 'c');
    expect(a.window.labels).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(seriesOf(lines, 'c')).toEqual([100, 100, 100.5]);
    expect(c.total).toBe(300.5);
    expect(c.seriesStart).toBe(0);
    expect(c.xyz).toBe('X');
    expect(a.notes.find((n) => n.code === 'partial-period-dropped')).toMatchObject({ value: '2024-01', details: { edge: 'leading' } });
  });

  it('--from/--to take whole months: rows on the 1st and the last day are in, the days around are out', () => {
    const lines = [
      line('c', '2024-01-31', 1000),
      line('c', '2024-02-01', 1),
      line('c', '2024-02-29', 2),
      line('c', '2024-03-31', 4),
      line('c', '2024-04-01', 1000),
    ];
    const a = analyze(lines, { from: '2024-02-15', to: '2024-03-10' });
    expect(a.window.labels).toEqual(['2024-02', '2024-03']);
    expect(seriesOf(lines, 'c', { from: '2024-02-15', to: '2024-03-10' })).toEqual([3, 4]);
    expect(clientOf(a, 'c').total).toBe(7);
  });

  it('weeks start on Monday: a Sunday and the next Monday fall in different periods', () => {
    // 2024-01-01 is a Monday; the window is 2024-01-01 … 2024-01-21 (three weeks).
    const lines = [
      line('c', '2024-01-01', 1), // Mon, week 1
      line('c', '2024-01-07', 2), // Sun, week 1
      line('c', '2024-01-08', 4), // Mon, week 2
      line('c', '2024-01-21', 8), // Sun, week 3
    ];
    const a = analyze(lines, { period: 'week' });
    expect(a.window.labels).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
    expect(seriesOf(lines, 'c', { period: 'week' })).toEqual([3, 4, 8]);
  });

  it('quarters: the series is summed per calendar quarter; a partial last quarter is left out', () => {
    const lines = [...monthly('c', '2024-01', [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]), line('c', '2024-01-01', 1), line('c', '2024-11-20', 1)];
    const a = analyze(lines, { period: 'quarter' });
    expect(a.window.labels).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(seriesOf(lines, 'c', { period: 'quarter' })).toEqual([61, 150, 240]);
    expect(a.notes.find((n) => n.code === 'partial-period-dropped')).toMatchObject({ value: '2024-Q4' });
  });

  it('--as-of: rows after it are not used, and are noted', () => {
    const lines = [...monthly('c', '2024-01', [100, 100, 100, 100]), line('c', '2024-01-01', 1)];
    const a = analyze(lines, { asOf: '2024-03-31' });
    expect(a.window.labels).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(clientOf(a, 'c').total).toBe(301);
    expect(a.notes.some((n) => n.code === 'rows-after-as-of')).toBe(true);
  });

  it('--to past the as-of day does not add periods that lie after it (they would be fake silence)', () => {
    // Steady monthly buyer, Jan … Jun 2024, as of Jun 30 (the last row). --to 2024-08-31 as written
    // takes July and August too, where no row can be (rows after the as-of day are ignored): the
    // series becomes [100 ×6, 0, 0] and the steadiest client turns Z. Either refuse such a --to or
    // stop the window at the as-of day's period.
    const lines = [line('c', '2024-01-01', 100), ...monthly('c', '2024-02', [100, 100, 100, 100]), line('c', '2024-06-30', 100)];
    let a;
    try {
      a = analyze(lines, { from: '2024-01-01', to: '2024-08-31' });
    } catch (e) {
      expect(e).toBeInstanceOf(KamError);
      return;
    }
    expect(a.window.labels[a.window.labels.length - 1]).toBe('2024-06');
    expect(clientOf(a, 'c').xyz).toBe('X');
  });

  it('a client with no line in the window is not listed (but counts in the ledger)', () => {
    const lines = [...bookends('2024-01-01', '2024-06-30'), line('old', '2023-05-10', 500), ...monthly('c', '2024-01', [1, 1, 1, 1, 1, 1])];
    const a = analyze(lines, { from: '2024-01-01' });
    expect(a.clients.map((c) => c.client).sort()).toEqual(['c', 'zz-bookend']);
    expect(a.totals.clients).toBe(2);
    expect(a.totals.clientsInLedger).toBe(3);
  });

  it('the order of the rows does not change the result (same ledger, same output)', () => {
    // b nets to zero; summed in the two orders below its total is +1.8e-15 or −1.8e-15.
    const sales = [line('big', '2024-01-01', 100), line('big', '2024-01-31', 1), line('a', '2024-01-20', 0)];
    const one = [line('b', '2024-01-02', 9.83), line('b', '2024-01-03', 1.79), line('b', '2024-01-04', 3.62), line('b', '2024-01-05', -15.24)];
    const other = [one[0]!, one[2]!, one[1]!, one[3]!];
    const names = (lines: TestLine[]): string[] => analyze(lines).clients.map((c) => c.client);
    expect(names([...sales, ...other])).toEqual(names([...sales, ...one]));
  });

  it('an empty window is an error (empty-window)', () => {
    expect(() => analyze([line('c', '2024-01-05', 1), line('c', '2024-01-20', 1)])).toThrow(KamError);
  });

  it('a ledger without rows is an error', () => {
    expect(() => analyzeLedger(ledgerOf([]), settingsOf())).toThrow(KamError);
  });
});

describe('the XYZ series start (kam’s reading of "first purchase in the window")', () => {
  const whole = bookends('2024-01-01', '2024-06-30');

  it('starts at the client’s first line in the window, not at its first purchase before the window', () => {
    // bought in 2023 and from 2024-03 on; the window is 2024-01 … 2024-06: the series starts in March
    const lines = [...whole, line('c', '2023-11-15', 100), ...monthly('c', '2024-03', [100, 100, 100, 100])];
    const c = clientOf(analyze(lines, { from: '2024-01-01' }), 'c');
    expect(c.seriesStart).toBe(2);
    expect(c.cv).toBe(0);
  });

  it('a return before the first purchase does not start the series: a day of returns alone is no purchase (SPEC §4, §6)', () => {
    // a return in January, purchases from March: the series runs March … June.
    const lines = [...whole, line('c', '2024-01-20', -10), ...monthly('c', '2024-03', [100, 100, 100, 100])];
    const c = clientOf(analyze(lines), 'c');
    expect(c.seriesStart).toBe(2);
    expect(seriesOf(lines, 'c')).toEqual([-10, 0, 100, 100, 100, 100]);
    expect(c.xyz).toBe('X');
  });

  it('a client with returns only in the window starts at its first line and has no class', () => {
    const lines = [...whole, line('c', '2024-02-20', -10), line('c', '2024-04-02', -5)];
    const c = clientOf(analyze(lines), 'c');
    expect(c.seriesStart).toBe(1);
    expect(c.xyz).toBeNull();
    expect(c.flags).toContain('no-net-purchases');
  });
});

describe('purchases: distinct documents, or distinct purchase days without a document column', () => {
  // Jan: D1 (two lines, one day), D2, R1 (a return alone); Feb: D3 (a sale and a return line),
  // D4 (a zero-amount line with a positive quantity); Mar: D5 and D6 on the same day.
  const base: TestLine[] = [
    line('c', '2024-01-10', 60, { document: 'D1', quantity: 1 }),
    line('c', '2024-01-10', 40, { document: 'D1', quantity: 1 }),
    line('c', '2024-01-20', 50, { document: 'D2', quantity: 1 }),
    line('c', '2024-01-25', -30, { document: 'R1', quantity: -1 }),
    line('c', '2024-02-05', 80, { document: 'D3', quantity: 2 }),
    line('c', '2024-02-05', -10, { document: 'D3', quantity: -1 }),
    line('c', '2024-02-06', 0, { document: 'D4', quantity: 5 }),
    line('c', '2024-03-12', 10, { document: 'D5', quantity: 1 }),
    line('c', '2024-03-12', 10, { document: 'D6', quantity: 1 }),
  ];
  const window = { from: '2024-01-01', to: '2024-03-31' } as const;

  it('with documents: D1…D6 count, R1 (returns only) does not', () => {
    const c = clientOf(analyze(base, window), 'c');
    expect(c.purchases).toBe(6);
    expect(purchaseSeriesOfC(base, window)).toEqual([2, 2, 2]);
    expect(c.activePeriods).toBe(3);
    expect(c.purchasesCv).toBe(0);
  });

  it('without a document column: distinct purchase days; a day of returns alone is not one', () => {
    const lines = base.map(({ document: _d, ...rest }) => rest);
    const c = clientOf(analyze(lines, window), 'c');
    // Jan 10, Jan 20 | Feb 5, Feb 6 | Mar 12
    expect(c.purchases).toBe(5);
    expect(purchaseSeriesOfC(lines, window)).toEqual([2, 2, 1]);
    expect(c.purchasesCv).toBeCloseTo(cvOf([2, 2, 1]), 12);
  });

  it('a purchase line without a document number (in a ledger that has the column) is still a purchase', () => {
    // Real exports leave the number empty on some lines. February's sale has none: February is a
    // period with a purchase, and the sale is a purchase (counted at least as its day).
    const lines = [
      line('c', '2024-01-05', 10, { document: 'D1' }),
      line('c', '2024-02-10', 10, { document: '' }),
      line('c', '2024-03-10', 10, { document: 'D2' }),
    ];
    const c = clientOf(analyze(lines, window), 'c');
    expect(c.activePeriods).toBe(3);
    expect(c.purchases).toBe(3);
    expect(purchaseSeriesOfC(lines, window)).toEqual([1, 1, 1]);
  });

  it('a period with only a return is not an active period', () => {
    const lines = [line('c', '2024-01-10', 100), line('c', '2024-02-10', -20), line('c', '2024-03-10', 100)];
    const c = clientOf(analyze(lines, window), 'c');
    expect(c.activePeriods).toBe(2);
    expect(c.purchases).toBe(2);
    expect(purchaseSeriesOfC(lines, window)).toEqual([1, 0, 1]);
  });

  it('purchases count only inside the window', () => {
    const lines = [line('c', '2023-12-31', 100, { document: 'X0' }), ...base, line('c', '2024-04-01', 100, { document: 'X9' })];
    expect(clientOf(analyze(lines, window), 'c').purchases).toBe(6);
  });

  it('the CV of purchase counts is taken over the XYZ series', () => {
    // counts from the first purchase: [2, 1, 3] (window start adds a leading 0)
    const lines = [
      ...bookends('2024-01-01', '2024-04-30'),
      line('c', '2024-02-02', 1),
      line('c', '2024-02-03', 1),
      line('c', '2024-03-02', 1),
      line('c', '2024-04-02', 1),
      line('c', '2024-04-03', 1),
      line('c', '2024-04-04', 1),
    ];
    expect(clientOf(analyze(lines), 'c').purchasesCv).toBeCloseTo(cvOf([2, 1, 3]), 12);
    expect(clientOf(analyze(lines, { xyzStart: 'window' }), 'c').purchasesCv).toBeCloseTo(cvOf([0, 2, 1, 3]), 12);
  });
});

describe('the degenerate-XYZ note', () => {
  // Twelve months; each client's series has a different shape, all with CV well above 25%.
  function zClients(n: number, months = 12): TestLine[] {
    const out: TestLine[] = [];
    for (let i = 0; i < n; i++) {
      // buys every k-th month (k = 2…5), a little more each time: CV from about 1 to 2
      const k = 2 + (i % 4);
      const amounts = Array.from({ length: months }, (_, m) => (m % k === 0 ? 100 + 37 * i + 3 * m : 0));
      out.push(...monthly(`z${String(i).padStart(2, '0')}`, '2024-01', amounts));
    }
    return out;
  }
  const xClient = (name: string, months = 12): TestLine[] => monthly(name, '2024-01', Array(months).fill(50));
  const year = bookends('2024-01-01', '2024-12-31', 'zz-bookend', 1); // two lines: a Z client

  it('when nearly every client is in one class, the summary says so and names cut-offs that separate them', () => {
    const a = analyze([...year, ...zClients(12)]);
    const classed = a.clients.filter((c) => c.xyz !== null);
    expect(classed.every((c) => c.xyz === 'Z')).toBe(true);
    expect(classed.length).toBeGreaterThanOrEqual(10);
    const note = a.notes.find((n) => n.code === 'xyz-degenerate');
    expect(note).toBeDefined();
    expect(note!.value).toBe('Z');
    expect(a.xyzSpread.degenerate).toEqual(note);
    const suggested = String(note!.details!.suggestedCutoffs);
    expect(suggested).toMatch(/^\d+,\d+$/);
    const [x, y] = suggested.split(',').map(Number) as [number, number];
    expect(y).toBeGreaterThan(x);
    // the suggestion works: with those cut-offs no class holds 90% of the classed clients
    const again = analyze([...year, ...zClients(12)], { xyzCutoffs: [x / 100, y / 100] });
    expect(again.notes.some((n) => n.code === 'xyz-degenerate')).toBe(false);
    const counts = (['X', 'Y', 'Z'] as const).map((k) => again.clients.filter((c) => c.xyz === k).length);
    expect(Math.max(...counts) / counts.reduce((s, n) => s + n, 0)).toBeLessThan(DEGENERATE_SHARE);
    // on 12 monthly periods, quarters are suggested too
    expect(note!.details!.suggestedPeriod).toBe('quarter');
  });

  it('never names cut-offs that would not separate the clients (every CV the same)', () => {
    // twelve steady clients, CV 0 each: all X. No cut-offs can split equal CVs, so a suggestion of
    // cut-offs (kam says "try --xyz 1,2") leaves every client X: the SPEC asks for cut-offs "that
    // would separate them".
    const steady = Array.from({ length: 12 }, (_, i) => xClient(`x${String(i).padStart(2, '0')}`)).flat();
    const a = analyze([...year, ...steady]);
    const note = a.notes.find((n) => n.code === 'xyz-degenerate');
    expect(note?.value).toBe('X');
    const suggested = note?.details?.suggestedCutoffs;
    if (suggested !== undefined) {
      const [x, y] = String(suggested).split(',').map(Number) as [number, number];
      const again = analyze([...year, ...steady], { xyzCutoffs: [x / 100, y / 100] });
      expect(again.notes.some((n) => n.code === 'xyz-degenerate'), `suggested --xyz ${String(suggested)}`).toBe(false);
    }
  });

  it('weeks suggest months', () => {
    const spread = describeXyzSpread(
      Array.from({ length: 12 }, (_, i) => ({ xyz: 'Z' as const, cv: 1 + i / 10 })),
      { period: 'week', xyzCutoffs: [0.1, 0.25] },
      30,
    );
    expect(spread.degenerate?.details?.suggestedPeriod).toBe('month');
  });

  it('is silent when the classes are mixed', () => {
    const lines = [...year, ...zClients(6), ...['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].flatMap((n) => xClient(n))];
    const a = analyze(lines);
    expect(a.xyzSpread.X).toBe(6);
    expect(a.notes.some((n) => n.code === 'xyz-degenerate')).toBe(false);
    expect(a.xyzSpread.degenerate).toBeNull();
  });

  it('counts the classes and the unclassed', () => {
    const lines = [...year, ...zClients(3), ...xClient('x1'), ...monthly('new', '2024-11', [5, 5])];
    const s = analyze(lines).xyzSpread;
    expect([s.X, s.Y, s.Z, s.none]).toEqual([1, 0, 4, 1]);
  });
});
