// SPEC §11, portfolios: a client's direction (largest net amount, ties to the value that sorts
// first), ABC within the portfolio (SPEC §3's rules, ties included), key clients, statuses over
// every client of the portfolio, revenue at stake and the churn of the window's last period.
import { describe, expect, it } from 'vitest';
import { portfolios } from '../../src/core/portfolio.js';
import { assembleReport } from '../../src/core/report.js';
import { monthly, settingsOf } from '../helpers/ledger.js';
import { movementLedger, type MovementLine } from '../helpers/movement-ledger.js';

const under = (direction: string, lines: { client: string; date: string; amount: number }[]): MovementLine[] => lines.map((l) => ({ ...l, direction }));

const LINES: MovementLine[] = [
  // Ann: a steady big client, one that stopped in May, a small one, and one lost in 2023.
  ...under('ann', monthly('a1', '2024-01', [1000, 1000, 1000, 1000, 1000, 1000])),
  ...under('ann', monthly('a2', '2024-01', [100, 100, 100, 100, 100])),
  ...under('ann', monthly('a3', '2024-03', [10])),
  ...under('ann', monthly('gone', '2023-01', [100, 100, 100])),
  // Bob: two clients tied at 50, and a small one.
  ...under('bob', monthly('b1', '2024-02', [50])),
  ...under('bob', monthly('b2', '2024-03', [50])),
  ...under('bob', monthly('b3', '2024-04', [5])),
  // t bought as much under bob as under ann: ann sorts first.
  { client: 't', date: '2024-01-15', amount: 30, direction: 'bob' },
  { client: 't', date: '2024-02-15', amount: 30, direction: 'ann' },
  // n never bought under a direction value.
  { client: 'n', date: '2024-06-15', amount: 20 },
];

describe('portfolios on a hand-made ledger', () => {
  const ledger = movementLedger(LINES);
  const { analysis } = assembleReport({ ledger, settings: settingsOf({ from: '2024-01-01', to: '2024-06-30', asOf: '2024-06-30' }) });
  const p = portfolios(ledger, analysis);
  const row = (d: string | null) => p.rows.find((r) => r.direction === d)!;

  it('puts each client in the portfolio it bought the most under, ties to the value that sorts first', () => {
    expect(Object.fromEntries([...p.byClient].map(([c, v]) => [c, v.direction]))).toEqual({ a1: 'ann', a2: 'ann', t: 'ann', b1: 'bob', b2: 'bob', n: null, a3: 'ann', b3: 'bob' });
    expect(p.rows.map((r) => r.direction)).toEqual(['ann', 'bob', null]);
  });

  it('ranks clients within their portfolio: ties share a class, the client crossing the line is in the higher one', () => {
    // Ann: 6000, 500, 60, 10 → A (first), B (before it 91%), C (98.9%), C.
    expect(['a1', 'a2', 't', 'a3'].map((c) => p.byClient.get(c)!.abcWithin)).toEqual(['A', 'B', 'C', 'C']);
    // Bob: 50, 50, 5 → both 50s are A (tied), 5 is C (95.2% before it).
    expect(['b1', 'b2', 'b3'].map((c) => p.byClient.get(c)!.abcWithin)).toEqual(['A', 'A', 'C']);
    // The whole book ranks b1 and b2 C: within Bob's book they are his best.
    expect(analysis.clients.find((c) => c.client === 'b1')!.abc).toBe('C');
    expect([row('ann').a, row('ann').b, row('ann').c]).toEqual([1, 1, 2]);
    expect([row('bob').a, row('bob').b, row('bob').c]).toEqual([2, 0, 1]);
  });

  it('counts clients, revenue and share of the window, and the key clients of the whole book', () => {
    expect([row('ann').clients, row('ann').revenue, row('ann').keyClients]).toEqual([4, 6570, 1]);
    expect([row('bob').clients, row('bob').revenue, row('bob').keyClients]).toEqual([3, 105, 0]);
    expect([row(null).clients, row(null).revenue]).toEqual([1, 20]);
    expect(p.revenue).toBe(6695);
    expect(row('ann').share).toBeCloseTo(6570 / 6695, 12);
  });

  it('judges every client of the portfolio, in the window or not, and sums the revenue at stake', () => {
    // a1 active; a2 (monthly, silent 46 days > 1.5 × 30.5) at risk; t and a3 (under 3 purchase
    // days, silent > 90 days) at risk; "gone" (no line in the window) lost.
    expect(row('ann').statuses).toMatchObject({ clients: 5, active: 1, atRisk: 3, lost: 1, revenueAtStake: 500 + 60 + 10 + 300 });
    // b1 (136 days) and b2 (107) at risk, b3 (76) active.
    expect(row('bob').statuses).toMatchObject({ clients: 3, active: 1, atRisk: 2, lost: 0, revenueAtStake: 100 });
  });

  it("takes the churn of the window's last period from the bridge", () => {
    // June against May: Ann lost a2's 100; Bob had nobody in either; n is new in June.
    expect(p.rows.map((r) => r.churnedLastPeriod)).toEqual([-100, 0, 0]);
  });
});
