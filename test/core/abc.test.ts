// SPEC §3: ABC. Each case is worked out by hand in its comment.
import { describe, it, expect } from 'vitest';
import { classifyAbc, type AbcInput, type AbcOptions } from '../../src/core/abc.js';
import { compareNames, roundForTies } from '../../src/core/order.js';
import { abcOf, analyze, clientOf, type TestLine } from '../helpers/ledger.js';

const INCLUDE: AbcOptions = { cutoffs: [0.8, 0.95], boundary: 'include' };
const EXCLUDE: AbcOptions = { cutoffs: [0.8, 0.95], boundary: 'exclude' };

function inputs(totals: Record<string, number>): AbcInput[] {
  return Object.entries(totals).map(([client, total]) => ({ client, total }));
}

function classes(totals: Record<string, number>, options: AbcOptions): Record<string, string> {
  return Object.fromEntries(classifyAbc(inputs(totals), options).map((r) => [r.client, r.abcClass]));
}

function order(totals: Record<string, number>, options: AbcOptions = INCLUDE): string[] {
  return classifyAbc(inputs(totals), options).map((r) => r.client);
}

describe('ABC: the client that crosses the cut-off', () => {
  // 50, 25, 15, 10 of 100. Share before: 0, 50, 75, 90. Share including: 50, 75, 90, 100.
  const totals = { a: 50, b: 25, c: 15, d: 10 };

  it('include (default): c has 75% before it, crosses 80%, and is A; d has 90% before: B', () => {
    expect(classes(totals, INCLUDE)).toEqual({ a: 'A', b: 'A', c: 'A', d: 'B' });
  });

  it('exclude: c reaches 90% including itself, so it is B; d reaches 100%: C', () => {
    expect(classes(totals, EXCLUDE)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C' });
  });

  it('reports share, cumulative share (including the client) and rank', () => {
    const r = classifyAbc(inputs(totals), INCLUDE);
    expect(r.map((x) => x.client)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    expect(r.map((x) => x.share)).toEqual([0.5, 0.25, 0.15, 0.1]);
    expect(r.map((x) => x.cumShare! * 100)).toEqual([50, 75, 90, 100]);
    expect(r.every((x) => !x.nonPositive)).toBe(true);
  });

  it('other cut-offs: --abc 70,90', () => {
    const opts = (boundary: 'include' | 'exclude'): AbcOptions => ({ cutoffs: [0.7, 0.9], boundary });
    // before: 0, 50, 75, 90 → include: A, A (50 < 70), B (75 < 90), C (90 not < 90)
    expect(classes(totals, opts('include'))).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C' });
    // including: 50, 75, 90, 100 → exclude: A, B (75 > 70), B (90 ≤ 90), C
    expect(classes(totals, opts('exclude'))).toEqual({ a: 'A', b: 'B', c: 'B', d: 'C' });
  });
});

describe('ABC: cumulative share exactly on the cut-off', () => {
  it('include: exactly 80% before a client is not below 80%, so the client is B', () => {
    // 50, 30, 20: before c = 80% exactly.
    expect(classes({ a: 50, b: 30, c: 20 }, INCLUDE)).toEqual({ a: 'A', b: 'A', c: 'B' });
  });

  it('include: exactly 80% before, even when the division lands one bit below 0.8', () => {
    // 0.7 + 0.1 = 0.7999999999999999 in floating point; in decimal it is 80% of 1.00.
    const r = classifyAbc(inputs({ a: 0.7, b: 0.1, c: 0.09, d: 0.07, e: 0.04 }), INCLUDE);
    // before: 0, 70, 80 (→ B, not A), 89, 96
    expect(r.map((x) => x.abcClass)).toEqual(['A', 'A', 'B', 'B', 'C']);
  });

  it('exclude: exactly 80% including the client is at most 80%, so the client is A', () => {
    expect(classes({ a: 50, b: 30, c: 20 }, EXCLUDE)).toEqual({ a: 'A', b: 'A', c: 'C' });
    // exactly 95% including is B
    expect(classes({ a: 50, b: 30, c: 15, d: 5 }, EXCLUDE)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C' });
  });

  it('exclude: exactly 80% including, even when the division lands one bit above 0.8', () => {
    // (1.28 + 1.12) / 3 = 0.8000000000000002 in floating point; in decimal it is 80%.
    const r = classifyAbc(inputs({ a: 1.28, b: 1.12, c: 0.47, d: 0.13 }), EXCLUDE);
    expect(r[1]!.cumShare).toBeGreaterThan(0.8); // the noise this case is about
    // including: 42.7%, 80% (→ A, not B), 95.7%, 100%
    expect(r.map((x) => x.abcClass)).toEqual(['A', 'A', 'C', 'C']);
  });

  it('include: exactly 95% before a client makes it C', () => {
    // before: 0, 50, 80, 95 → A, A, B, C
    expect(classes({ a: 50, b: 30, c: 15, d: 5 }, INCLUDE)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C' });
  });
});

describe('ABC: the largest client', () => {
  it('holding more than 80% is A under include (the line is crossed by it)', () => {
    // before: 0, 90, 96 → A, B, C
    expect(classes({ big: 90, b: 6, c: 4 }, INCLUDE)).toEqual({ big: 'A', b: 'B', c: 'C' });
  });

  it('is A under include whatever the cut-off', () => {
    expect(classes({ big: 90, b: 6, c: 4 }, { cutoffs: [0.01, 0.02], boundary: 'include' })).toEqual({ big: 'A', b: 'C', c: 'C' });
  });

  it('holding more than 80% is not A under exclude (90% including it exceeds 80%)', () => {
    // SPEC §3 literally: A only when the share including it is at most 80%.
    expect(classes({ big: 90, b: 6, c: 4 }, EXCLUDE)).toEqual({ big: 'B', b: 'C', c: 'C' });
  });

  it('a single client is A', () => {
    expect(classes({ only: 5 }, INCLUDE)).toEqual({ only: 'A' });
  });
});

describe('ABC: ties', () => {
  it('tied totals are ordered by name, in code-unit order', () => {
    expect(order({ b: 10, a: 10, c: 10, B: 10, Б: 10, big: 60 })).toEqual(['big', 'B', 'a', 'b', 'c', 'Б']);
    expect(compareNames('B', 'a')).toBeLessThan(0);
    expect(compareNames('a', 'a')).toBe(0);
  });

  it('ties across the A cut-off all take the class of the first of them (include)', () => {
    // 40, 30, then three 10s: before them 70, 80, 90. The first tied one is A (70 < 80), so all are.
    const c = classes({ a: 40, b: 30, t1: 10, t2: 10, t3: 10 }, INCLUDE);
    expect(c).toEqual({ a: 'A', b: 'A', t1: 'A', t2: 'A', t3: 'A' });
  });

  it('ties across the B cut-off all take the class of the first of them (include and exclude)', () => {
    // 40, 35, 10, then three 5s: before them 85, 90, 95; including 90, 95, 100.
    const totals = { a: 40, b: 35, c: 10, t1: 5, t2: 5, t3: 5 };
    // include: c has 75 before → A; first tied 85 before → B; without the tie rule t3 (95 before) would be C
    expect(classes(totals, INCLUDE)).toEqual({ a: 'A', b: 'A', c: 'A', t1: 'B', t2: 'B', t3: 'B' });
    // exclude: c reaches 85 → B
    // exclude: first tied 90 including → B; without the tie rule t3 (100) would be C
    expect(classes(totals, EXCLUDE)).toEqual({ a: 'A', b: 'A', c: 'B', t1: 'B', t2: 'B', t3: 'B' });
  });

  it('tied clients keep their own ranks, shares and cumulative shares', () => {
    const r = classifyAbc(inputs({ a: 40, b: 30, t1: 10, t2: 10, t3: 10 }), INCLUDE);
    expect(r.map((x) => [x.client, x.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['t1', 3],
      ['t2', 4],
      ['t3', 5],
    ]);
    expect(r.slice(2).map((x) => x.share)).toEqual([0.1, 0.1, 0.1]);
    expect(r.slice(2).map((x) => Math.round(x.cumShare! * 100))).toEqual([80, 90, 100]);
  });

  it('totals equal only after rounding to 6 decimals still tie: name order, shared class', () => {
    // b is 4e-7 larger than a and c: the same total at 6 decimals. So the order is a, b, c (by
    // name) and all three take a's class: A (70% before it). Unrounded, b would come first and
    // a, c would have 80% before them: B.
    const totals = { big: 70, a: 10, b: 10.0000004, c: 10 };
    expect(order(totals)).toEqual(['big', 'a', 'b', 'c']);
    expect(classes(totals, INCLUDE)).toEqual({ big: 'A', a: 'A', b: 'A', c: 'A' });
    expect(roundForTies(10.0000004)).toBe(roundForTies(10));
  });

  it('totals that differ at the 6th decimal do not tie', () => {
    // z = 10.00001 ranks before a = 10; a has 80.00001/100.00001 > 80% before it: B.
    const totals = { big: 70, a: 10, z: 10.00001 };
    expect(order(totals)).toEqual(['big', 'z', 'a']);
    expect(classes(totals, INCLUDE)).toEqual({ big: 'A', z: 'A', a: 'B' });
  });
});

describe('ABC: zero and negative totals', () => {
  it('are C, flagged, with no share, cumulative share or rank, listed after the ranked clients', () => {
    const r = classifyAbc(inputs({ neg: -50, a: 60, zero: 0, b: 40 }), INCLUDE);
    expect(r.map((x) => x.client)).toEqual(['a', 'b', 'zero', 'neg']);
    const byName = Object.fromEntries(r.map((x) => [x.client, x]));
    for (const name of ['neg', 'zero']) {
      expect(byName[name]).toMatchObject({ abcClass: 'C', nonPositive: true, share: null, cumShare: null, rank: null });
    }
    expect(byName.zero!.total).toBe(0);
    expect(byName.neg!.total).toBe(-50);
  });

  it('do not count in the sum the positive clients share', () => {
    // shares of 60 and 40 out of 100, not out of 100 - 50
    const r = classifyAbc(inputs({ neg: -50, a: 60, b: 40 }), INCLUDE);
    expect(r[0]!.share).toBe(0.6);
    expect(r[1]!.share).toBe(0.4);
    expect(r[1]!.cumShare).toBe(1);
    expect(r.map((x) => x.abcClass)).toEqual(['A', 'A', 'C']);
    // exclude: b reaches 100% → C; had -50 counted, the sum would be 50 and a alone 120%
    expect(classifyAbc(inputs({ neg: -50, a: 60, b: 40 }), EXCLUDE).map((x) => x.abcClass)).toEqual(['A', 'C', 'C']);
  });

  it('a total that is zero but for float noise is zero', () => {
    const noise = 0.1 + 0.2 - 0.3; // 5.55e-17
    expect(noise).toBeGreaterThan(0);
    const r = classifyAbc(inputs({ a: 10, n: noise }), INCLUDE);
    expect(r.find((x) => x.client === 'n')).toMatchObject({ abcClass: 'C', nonPositive: true, rank: null });
  });

  it('unranked clients whose totals are equal at 6 decimals are listed by name, whatever the float noise', () => {
    // 9.83 + 1.79 + 3.62 − 15.24 = 1.8e-15 in this order, −1.8e-15 in another: both are 0.
    // Sorting the unranked clients by raw totals lets the order of the input rows reorder the
    // output (SPEC §10: the same ledger gives the same bytes).
    const noise = 9.83 + 1.79 + 3.62 - 15.24;
    expect(noise).not.toBe(0);
    expect(order({ big: 10, b: noise, a: 0 })).toEqual(['big', 'a', 'b']);
    expect(order({ big: 10, b: -noise, a: 0 })).toEqual(['big', 'a', 'b']);
  });

  it('when no client is positive, everyone is C', () => {
    expect(classes({ a: 0, b: -1 }, INCLUDE)).toEqual({ a: 'C', b: 'C' });
  });
});

describe('ABC through analyzeLedger (a January window)', () => {
  const jan = { from: '2024-01-01', to: '2024-01-31' } as const;
  const line = (client: string, amount: number, date = '2024-01-10', extra: Partial<TestLine> = {}): TestLine => ({ client, date, amount, ...extra });

  it('sums the metric over the window, nets returns, ranks, and picks the boundary client', () => {
    const lines = [
      line('a', 30, '2024-01-03'),
      line('a', 25, '2024-01-20'),
      line('a', -5, '2024-01-25'), // a return: a nets 50
      line('b', 25),
      line('c', 15),
      line('d', 10),
      line('d', 999, '2024-02-10'), // outside the window
    ];
    const inc = analyze(lines, jan);
    expect(abcOf(inc)).toEqual({ a: 'A', b: 'A', c: 'A', d: 'B' });
    expect(clientOf(inc, 'a')).toMatchObject({ total: 50, revenue: 50, share: 0.5, rank: 1 });
    expect(clientOf(inc, 'd')).toMatchObject({ total: 10, rank: 4 });
    expect(inc.clients.map((c) => c.client)).toEqual(['a', 'b', 'c', 'd']);
    const exc = analyze(lines, { ...jan, abcBoundary: 'exclude' });
    expect(abcOf(exc)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C' });
  });

  it('a client with a zero total (a sale and its return) and one with a negative total: C, flagged', () => {
    const a = analyze(
      [line('a', 100), line('zero', 40), line('zero', -40, '2024-01-12'), line('neg', 10), line('neg', -30, '2024-01-12')],
      jan,
    );
    for (const name of ['zero', 'neg']) {
      const c = clientOf(a, name);
      expect(c).toMatchObject({ abc: 'C', share: null, cumShare: null, rank: null });
      expect(c.flags).toContain('non-positive-total');
    }
    expect(clientOf(a, 'neg').total).toBe(-20);
    expect(clientOf(a, 'a')).toMatchObject({ abc: 'A', share: 1, rank: 1 });
    expect(clientOf(a, 'a').flags).not.toContain('non-positive-total');
  });

  it('float noise in summed lines never splits a tie: 0.1 + 0.2 ties with 0.3', () => {
    // z's total is 0.30000000000000004, a's is 0.3: tied, so a (by name) ranks first, and both
    // share a's class. big holds 0.9 of 1.5: a has 60% before it → A; z would have 80% → B.
    const a = analyze([line('big', 0.9), line('z', 0.1), line('z', 0.2, '2024-01-11'), line('a', 0.3)], jan);
    expect(a.clients.map((c) => c.client)).toEqual(['big', 'a', 'z']);
    expect(abcOf(a)).toEqual({ big: 'A', a: 'A', z: 'A' });
  });

  it('--by profit and --by quantity rank by that metric', () => {
    const lines = [line('a', 100, '2024-01-10', { profit: 1, quantity: 1 }), line('b', 10, '2024-01-10', { profit: 50, quantity: 500 })];
    expect(analyze(lines, { ...jan, by: 'revenue' }).clients.map((c) => c.client)).toEqual(['a', 'b']);
    expect(analyze(lines, { ...jan, by: 'profit' }).clients.map((c) => c.client)).toEqual(['b', 'a']);
    const q = analyze(lines, { ...jan, by: 'quantity' });
    expect(q.clients.map((c) => [c.client, c.total])).toEqual([
      ['b', 500],
      ['a', 1],
    ]);
  });
});

describe('ABC results point back to their inputs', () => {
  it('index is the input position of each result, whatever the ranking did', () => {
    const given = inputs({ c: 10, a: -5, b: 50, d: 0, e: 50 });
    const results = classifyAbc(given, INCLUDE);
    expect(results.map((r) => r.client)).toEqual(['b', 'e', 'c', 'd', 'a']);
    for (const r of results) expect(given[r.index]!.client).toBe(r.client);
  });
});
