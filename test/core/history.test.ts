// SPEC §11, class history: which days the snapshots are taken on, that each is the analysis of its
// trailing window, the class paths and the stability marks, perennial and one-off A clients.
import { describe, expect, it } from 'vitest';
import { analyzeLedger } from '../../src/core/analyze.js';
import { classHistory, markOf, pathsOf, snapshotDays, snapshotSettings, type Snapshot } from '../../src/core/history.js';
import { day, iso, monthly, settingsOf } from '../helpers/ledger.js';
import { movementLedger } from '../helpers/movement-ledger.js';

describe('markOf: the first snapshot against the last', () => {
  it.each([
    [['A', 'A', 'A'], 'stable'],
    [['A', 'C', 'A'], 'stable'], // ends where it started
    [['C', 'B', 'A'], 'rising'],
    [['B', null, 'A'], 'rising'],
    [['A', 'A', 'B'], 'falling'],
    [[null, 'C', 'A'], 'new'],
    [[null, null, 'C'], 'new'],
    [['A', 'A', null], 'gone'],
    [[null, 'A', null], 'gone'],
    [['B'], 'stable'],
  ] as const)('%j → %s', (classes, mark) => {
    expect(markOf(classes)).toBe(mark);
  });
});

describe('snapshotDays', () => {
  const first = day('2023-01-10');
  const last = day('2024-12-20');
  const days = (s: Parameters<typeof snapshotDays>[2], every: 'month' | 'quarter', windowMonths: number) => snapshotDays(first, last, s, { every, windowMonths }).map(iso);

  it("starts where the trailing window lies within the ledger's whole months and ends at the last period end up to the as-of day", () => {
    // First whole month: 2023-02. A 3-month window first fits on 2023-04-30; the as-of day
    // 2024-12-20 leaves 2024-11-30 as the last month end.
    const monthly3 = days({ asOf: undefined, from: undefined, to: undefined }, 'month', 3);
    expect(monthly3[0]).toBe('2023-04-30');
    expect(monthly3.at(-1)).toBe('2024-11-30');
    expect(monthly3.length).toBe(20);
    // Quarters with a 6-month window: 2023-Q3 (Feb … Jul does not end a quarter; Apr … Sep does).
    expect(days({ asOf: undefined, from: undefined, to: undefined }, 'quarter', 6)).toEqual(['2023-09-30', '2023-12-31', '2024-03-31', '2024-06-30', '2024-09-30']);
  });

  it('takes --from, --to and --as-of as the range of snapshot days', () => {
    expect(days({ asOf: undefined, from: day('2023-01-15'), to: day('2023-03-31') }, 'month', 12)).toEqual(['2023-01-31', '2023-02-28', '2023-03-31']);
    expect(days({ asOf: day('2024-06-30'), from: undefined, to: undefined }, 'quarter', 12).at(-1)).toBe('2024-06-30');
    expect(days({ asOf: day('2024-06-29'), from: undefined, to: undefined }, 'quarter', 12)).toEqual(['2024-03-31']);
  });

  it('is empty when the ledger is shorter than the window', () => {
    expect(days({ asOf: undefined, from: undefined, to: undefined }, 'month', 36)).toEqual([]);
  });
});

describe('pathsOf', () => {
  const snap = (d: string, classes: Record<string, 'A' | 'B' | 'C'>): Snapshot => ({
    day: day(d),
    window: undefined as never,
    clients: Object.entries(classes).map(([client, abc]) => ({ client, abc, xyz: null, total: 0, status: 'active' })),
  });
  const snapshots = [snap('2024-01-31', { p: 'A', q: 'A', r: 'B', s: 'A', g: 'C' }), snap('2024-02-29', { p: 'A', q: 'B', r: 'A', s: 'B' }), snap('2024-03-31', { r: 'B', p: 'A', s: 'A', n: 'A', q: 'C' })];
  const h = pathsOf(snapshots);

  it('lists every client with its class in each snapshot, null where it is absent, and its mark', () => {
    expect(h.clients.map((c) => `${c.client} ${c.classes.map((x) => x ?? '-').join(' ')} ${c.mark}`)).toEqual([
      'g C - - gone',
      'n - - A new',
      'p A A A stable',
      'q A B C falling',
      'r B A B stable',
      's A B A stable',
    ]);
    expect(h.marks).toEqual({ stable: 3, rising: 0, falling: 1, new: 1, gone: 1 });
  });

  it('counts the A clients that stayed A, and names the perennial and the one-off ones', () => {
    expect(h.stayedA).toEqual({ wereA: 3, stayed: 2 }); // p, q, s were A; p and s are A at the end
    expect(h.perennialA).toEqual(['p']);
    // One-off: n (March), r (February), q (January): latest first.
    expect(h.oneOffA).toEqual(['n', 'r', 'q']);
  });
});

describe('classHistory on a hand-made ledger', () => {
  // Twelve months of 2024: "big" steady, "rise" growing into A, "fade" fading out in the autumn,
  // "small" on the first and the last day.
  const ledger = movementLedger([
    ...monthly('big', '2024-01', [900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900]),
    ...monthly('rise', '2024-01', [10, 10, 10, 50, 100, 400, 800, 1600, 1600, 1600, 1600, 1600]),
    ...monthly('fade', '2024-01', [800, 800, 800, 800, 800, 800, 400, 100, 0, 0, 0, 0]),
    { client: 'small', date: '2024-01-01', amount: 5 },
    { client: 'small', date: '2024-12-31', amount: 5 },
  ]);
  const settings = settingsOf();
  const history = classHistory(ledger, settings, { every: 'quarter', windowMonths: 3 });

  it('takes a snapshot at every quarter end, each the analysis of its trailing window as of that day', () => {
    expect(history.snapshots.map((s) => iso(s.day))).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    for (const s of history.snapshots) {
      const direct = analyzeLedger(ledger, { ...settings, asOf: s.day, from: day(`${iso(s.day).slice(0, 4)}-${String(Number(iso(s.day).slice(5, 7)) - 2).padStart(2, '0')}-01`), to: s.day });
      expect(s.clients).toEqual(direct.clients.map((c) => ({ client: c.client, abc: c.abc, xyz: c.xyz, total: c.total, status: c.status })));
      expect(s.window.labels.length).toBe(3);
    }
    expect(snapshotSettings(settings, day('2024-03-31'), 3)).toMatchObject({ from: day('2024-01-01'), to: day('2024-03-31'), asOf: day('2024-03-31') });
  });

  it('follows each client through the snapshots', () => {
    const path = (c: string) => history.clients.find((p) => p.client === c)!;
    // Q3: rise 4000 overtakes big 2700, which is still A (55.6% before it).
    expect(path('big').classes).toEqual(['A', 'A', 'A', 'A']);
    expect(path('big').mark).toBe('stable');
    expect(path('rise').classes).toEqual(['C', 'B', 'A', 'A']);
    expect(path('rise').mark).toBe('rising');
    expect(path('fade').classes).toEqual(['A', 'A', 'B', null]);
    expect(path('fade').mark).toBe('gone');
    // small bought on the first and the last day only: in Q1 and Q4, C both times.
    expect(path('small').classes).toEqual(['C', null, null, 'C']);
    expect(path('small').mark).toBe('stable');
    expect(history.perennialA).toEqual(['big']);
    expect(history.oneOffA).toEqual([]);
    expect(history.stayedA).toEqual({ wereA: 2, stayed: 1 });
  });
});
