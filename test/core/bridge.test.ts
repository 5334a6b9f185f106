// SPEC §11, the revenue bridge: new vs reactivated, expansion and contraction, churned, the period
// before the window, exact sums, directions; and, on random ledgers, the same rows as an
// independent computation (test/helpers/reference-bridge.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRIDGE_MONEY, revenueBridge, type BridgeRow } from '../../src/core/bridge.js';
import { resolveWindow } from '../../src/core/window.js';
import type { Ledger } from '../../src/core/ledger.js';
import { settingsOf, type SettingsOverrides } from '../helpers/ledger.js';
import { exactFigures, movementLedger, type MovementLine } from '../helpers/movement-ledger.js';
import { micros, previousMonth, referenceBridge, referenceDirections } from '../helpers/reference-bridge.js';

function bridgeOf(ledger: Ledger, overrides: SettingsOverrides, byDirection = false) {
  return revenueBridge(ledger, resolveWindow(ledger.firstDay!, ledger.lastDay!, settingsOf(overrides)), { byDirection });
}

/** The money of a row in millionths, so sums are compared exactly. */
function microsOfRow(row: BridgeRow): Record<string, bigint> {
  return Object.fromEntries(BRIDGE_MONEY.map((k) => [k, micros(row[k])]));
}

function addsUp(row: BridgeRow): boolean {
  const m = microsOfRow(row);
  return m.revenueStart! + m.new! + m.reactivated! + m.expansion! + m.contraction! + m.churned! === m.revenueEnd!;
}

const figures = (row: BridgeRow) => ({
  period: row.period,
  revenueStart: row.revenueStart,
  new: row.new,
  reactivated: row.reactivated,
  expansion: row.expansion,
  contraction: row.contraction,
  churned: row.churned,
  revenueEnd: row.revenueEnd,
  clientsNew: row.clientsNew,
  clientsReactivated: row.clientsReactivated,
  clientsChurned: row.clientsChurned,
});

// A grows, shrinks, then holds; B leaves, comes back, leaves; C is new, then has a return only
// (still present); D was there before the window's first previous period and comes back; E is
// new in April and its May line is after the window; F buys under two directions equally.
const LINES: MovementLine[] = [
  { client: 'D', date: '2023-12-10', amount: 50, direction: 'north' },
  { client: 'A', date: '2024-01-05', amount: 100, direction: 'north' },
  { client: 'B', date: '2024-01-07', amount: 80, direction: 'south' },
  { client: 'F', date: '2024-01-09', amount: 50, direction: 'west' },
  { client: 'F', date: '2024-01-20', amount: 50, direction: 'east' },
  { client: 'A', date: '2024-02-05', amount: 150, direction: 'north' },
  { client: 'A', date: '2024-03-05', amount: 120, direction: 'north' },
  { client: 'B', date: '2024-03-07', amount: 40, direction: 'south' },
  { client: 'C', date: '2024-03-08', amount: 200, direction: 'south' },
  { client: 'A', date: '2024-04-05', amount: 120, direction: 'north' },
  { client: 'C', date: '2024-04-08', amount: -10, direction: 'south' },
  { client: 'D', date: '2024-04-10', amount: 60, direction: 'north' },
  { client: 'E', date: '2024-04-30', amount: 30 },
  { client: 'E', date: '2024-05-10', amount: 500 },
];

describe('revenueBridge on a hand-made ledger', () => {
  const ledger = movementLedger(LINES);
  const bridge = bridgeOf(ledger, { from: '2024-02-01', to: '2024-04-30' }, true);

  it('splits each period into new, reactivated, expansion, contraction and churned', () => {
    expect(bridge.overall.map(figures)).toEqual([
      // Jan: A 100, B 80, F 100 → Feb: A 150. B and F churned, A expanded.
      { period: '2024-02', revenueStart: 280, new: 0, reactivated: 0, expansion: 50, contraction: 0, churned: -180, revenueEnd: 150, clientsNew: 0, clientsReactivated: 0, clientsChurned: 2 },
      // Mar: B back (reactivated: absent in Feb, present in Jan), C new, A down 30.
      { period: '2024-03', revenueStart: 150, new: 200, reactivated: 40, expansion: 0, contraction: -30, churned: 0, revenueEnd: 360, clientsNew: 1, clientsReactivated: 1, clientsChurned: 0 },
      // Apr: A unchanged (in neither column), C's return alone keeps it present (−210), B gone,
      // D back after Dec 2023 (reactivated), E new; E's May line is past the window.
      { period: '2024-04', revenueStart: 360, new: 30, reactivated: 60, expansion: 0, contraction: -210, churned: -40, revenueEnd: 200, clientsNew: 1, clientsReactivated: 1, clientsChurned: 1 },
    ]);
  });

  it('adds up in every row, and each row starts where the last ended', () => {
    for (const row of bridge.overall) expect(addsUp(row)).toBe(true);
    for (let i = 1; i < bridge.overall.length; i++) expect(bridge.overall[i]!.revenueStart).toBe(bridge.overall[i - 1]!.revenueEnd);
  });

  it('gives each client to its direction: the largest net amount, ties to the value that sorts first', () => {
    expect(bridge.byDirection!.map((g) => [g.direction, g.clients])).toEqual([
      ['east', 1], // F: 50 west, 50 east → east
      ['north', 2], // A, D
      ['south', 2], // B, C
      [null, 1], // E: no direction value, last
    ]);
    const east = bridge.byDirection![0]!.rows[0]!;
    expect([east.revenueStart, east.churned, east.clientsChurned, east.revenueEnd]).toEqual([100, -100, 1, 0]);
  });

  it('rows of the directions add up to the overall row, column by column', () => {
    for (let i = 0; i < bridge.overall.length; i++) {
      const overall = microsOfRow(bridge.overall[i]!);
      for (const key of BRIDGE_MONEY) {
        const sum = bridge.byDirection!.reduce((s, g) => s + microsOfRow(g.rows[i]!)[key]!, 0n);
        expect(`${key} ${sum}`).toBe(`${key} ${overall[key]}`);
      }
      for (const g of bridge.byDirection!) expect(addsUp(g.rows[i]!)).toBe(true);
    }
  });

  it('starts from zero when the ledger starts with the window: everyone is new', () => {
    const b = bridgeOf(ledger, { from: '2023-12-01', to: '2024-01-31' });
    expect(b.overall.map(figures)[0]).toEqual({ period: '2023-12', revenueStart: 0, new: 50, reactivated: 0, expansion: 0, contraction: 0, churned: 0, revenueEnd: 50, clientsNew: 1, clientsReactivated: 0, clientsChurned: 0 });
    expect(b.overall[1]).toMatchObject({ revenueStart: 50, new: 280, churned: -50, revenueEnd: 280, clientsNew: 3, clientsChurned: 1 });
    expect(b.byDirection).toBeNull();
  });

  it('works by quarter: 2024-Q1 against 2023-Q4', () => {
    const b = bridgeOf(ledger, { from: '2024-01-01', to: '2024-03-31', period: 'quarter' });
    // Q4: D 50. Q1: A 370, B 120, C 200, F 100 (all new but D, which churned).
    expect(b.overall.map(figures)).toEqual([
      { period: '2024-Q1', revenueStart: 50, new: 790, reactivated: 0, expansion: 0, contraction: 0, churned: -50, revenueEnd: 790, clientsNew: 4, clientsReactivated: 0, clientsChurned: 1 },
    ]);
  });

  it('sums exactly: ten lines of 0.1 against three are 1 and −0.7, not 0.9999999999999999', () => {
    const tenths: MovementLine[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ client: 'T', date: `2024-01-${String(i + 1).padStart(2, '0')}`, amount: 0.1 })),
      ...Array.from({ length: 3 }, (_, i) => ({ client: 'T', date: `2024-02-${String(i + 1).padStart(2, '0')}`, amount: 0.1 })),
      { client: 'U', date: '2024-02-29', amount: 0.2 },
    ];
    const b = bridgeOf(movementLedger(tenths), { from: '2024-02-01', to: '2024-02-29' });
    expect(figures(b.overall[0]!)).toMatchObject({ revenueStart: 1, contraction: -0.7, new: 0.2, revenueEnd: 0.5 });
  });
});

describe('revenueBridge against an independent computation of SPEC §11 on random ledgers', () => {
  const line = fc.record({
    client: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    month: fc.integer({ min: 0, max: 7 }),
    dayOfMonth: fc.integer({ min: 1, max: 28 }),
    cents: fc.integer({ min: -5000, max: 20000 }),
    direction: fc.constantFrom('x', 'y', 'z', ''),
  });
  it('equals the reference in every column of every row, overall and per direction', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (raw, firstMonth) => {
        const lines: MovementLine[] = raw.map((r) => ({
          client: r.client,
          date: `2024-${String(r.month + 1).padStart(2, '0')}-${String(r.dayOfMonth).padStart(2, '0')}`,
          amount: r.cents / 100,
          ...(r.direction === '' ? {} : { direction: r.direction }),
        }));
        const ledger = movementLedger(lines);
        const first = `2024-${String(firstMonth + 1).padStart(2, '0')}`;
        const b = bridgeOf(ledger, { from: `${first}-01`, to: '2024-08-31', asOf: '2024-08-31' }, true);
        const check = (rows: BridgeRow[], subset: MovementLine[]) => {
          const ref = referenceBridge(subset, first, '2024-08');
          expect(rows.map(exactFigures)).toEqual(ref);
          for (const row of rows) expect(addsUp(row)).toBe(true);
        };
        check(b.overall, lines);
        const directions = referenceDirections(lines);
        for (const g of b.byDirection!) check(g.rows, lines.filter((l) => directions.get(l.client) === g.direction));
        // Every client with a line in the scanned months is in one group.
        expect(b.byDirection!.reduce((s, g) => s + g.clients, 0)).toBe(new Set(lines.filter((l) => l.date >= `${previousMonth(first)}-01`).map((l) => l.client)).size);
      }),
      { numRuns: 200 },
    );
  });
});
