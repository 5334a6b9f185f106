// `--compare`: the classes of an earlier window and how clients moved between them (SPEC §8, §9).
//
// Choices where the SPEC is silent (README, "--compare"):
// - "previous" is the run of periods of the same count right before the window: a window of
//   2011-06 … 2011-11 is compared with 2010-12 … 2011-05. FROM..TO names the earlier window
//   itself (whole periods, any length). Both are analysed with the very same settings as the
//   window, as of the earlier window's last day.
// - A client is "new" when it has no line in the earlier window and "gone" when it has none in
//   this one. abc_prev / xyz_prev are empty for new clients (and without --compare).
// - Key clients that slipped: clients that are key now or were class A before, whose ABC class
//   fell from A (to B, C, or gone) or whose XYZ class fell from X (to Y or Z); most valuable
//   (previous total) first.
import { compareNames } from './order.js';
import type { AbcClass } from './abc.js';
import { analyzeLedger, isKeyClient, type Analysis } from './analyze.js';
import { formatDay } from './calendar.js';
import type { Ledger } from './ledger.js';
import { periodEnd, periodOf, periodStart } from './periods.js';
import type { Problem } from './problems.js';
import type { AnalysisWindow } from './window.js';
import type { XyzClass } from './xyz.js';

export type CompareSpec = { kind: 'previous' } | { kind: 'range'; from: number; to: number };

export interface PreviousClasses {
  abc: AbcClass;
  xyz: XyzClass | null;
  /** The ABC metric's total in the earlier window. */
  total: number;
  revenue: number;
}

export type MigrationRow<C extends string> = C | 'new';
export type MigrationColumn<C extends string> = C | 'gone';

export interface MigrationCell<C extends string> {
  from: MigrationRow<C>;
  to: MigrationColumn<C>;
  clients: number;
  /** Net revenue of these clients in the earlier window and in this one. */
  previousRevenue: number;
  revenue: number;
}

export interface MigrationMatrix<C extends string> {
  rows: MigrationRow<C>[];
  columns: MigrationColumn<C>[];
  /** Every row × column pair, rows outer, in the order of `rows` and `columns`. */
  cells: MigrationCell<C>[];
}

export type XyzColumn = XyzClass | '-';

export interface SlippedClient {
  client: string;
  abcPrev: AbcClass;
  /** null: gone (no line in this window). */
  abc: AbcClass | null;
  xyzPrev: XyzClass | null;
  xyz: XyzClass | null;
  previousTotal: number;
  total: number;
  /** Which classes fell. */
  fell: ('abc' | 'xyz')[];
  keyNow: boolean;
}

export interface Migration {
  spec: CompareSpec;
  previousWindow: AnalysisWindow;
  /** Clients with a line in the earlier window → their classes there. */
  previous: Map<string, PreviousClasses>;
  previousTotals: Analysis['totals'];
  abc: MigrationMatrix<AbcClass>;
  xyz: MigrationMatrix<XyzColumn>;
  slipped: SlippedClient[];
  /** Clients in the earlier window with no line in this one, most valuable first. */
  gone: string[];
  notes: Problem[];
}

/** Days of the earlier window: FROM..TO as given, or the same number of periods right before the window. */
export function previousBounds(window: AnalysisWindow, spec: CompareSpec): { from: number; to: number } {
  if (spec.kind === 'range') return { from: spec.from, to: spec.to };
  const first = window.firstPeriod - window.periods;
  return { from: periodStart(window.period, first), to: periodEnd(window.period, window.firstPeriod - 1) };
}

function matrixOf<C extends string>(
  classes: readonly C[],
  moves: readonly { from: MigrationRow<C>; to: MigrationColumn<C>; previousRevenue: number; revenue: number }[],
): MigrationMatrix<C> {
  const rows: MigrationRow<C>[] = [...classes, 'new'];
  const columns: MigrationColumn<C>[] = [...classes, 'gone'];
  const cells: MigrationCell<C>[] = [];
  const at = new Map<string, MigrationCell<C>>();
  for (const from of rows) {
    for (const to of columns) {
      const cell: MigrationCell<C> = { from, to, clients: 0, previousRevenue: 0, revenue: 0 };
      cells.push(cell);
      at.set(`${from}\u0000${to}`, cell);
    }
  }
  for (const m of moves) {
    const cell = at.get(`${m.from}\u0000${m.to}`)!;
    cell.clients++;
    cell.previousRevenue += m.previousRevenue;
    cell.revenue += m.revenue;
  }
  return { rows, columns, cells };
}

/**
 * Analyses the earlier window with the window's own settings and compares the classes client by
 * client. The analysis given is not changed (assembleReport keeps the result beside it).
 */
export function compareWindows(ledger: Ledger, analysis: Analysis, spec: CompareSpec): Migration {
  const { from, to } = previousBounds(analysis.window, spec);
  const kind = analysis.window.period;
  const asOf = periodEnd(kind, periodOf(kind, to));
  const before = analyzeLedger(ledger, { ...analysis.settings, from, to, asOf, includePartial: false });
  const pw = before.window;

  const notes: Problem[] = [];
  const ledgerFrom = ledger.firstDay!;
  if (pw.startDay < ledgerFrom) {
    notes.push({
      code: 'compare-outside-ledger',
      severity: pw.endDay < ledgerFrom ? 'warning' : 'note',
      value: pw.endDay < ledgerFrom ? 'before' : 'partly',
      details: { from: formatDay(pw.startDay), to: formatDay(pw.endDay), ledgerFrom: formatDay(ledgerFrom) },
    });
  }

  const previous = new Map<string, PreviousClasses>();
  for (const c of before.clients) previous.set(c.client, { abc: c.abc, xyz: c.xyz, total: c.total, revenue: c.revenue });

  const current = new Map(analysis.clients.map((c) => [c.client, c]));
  const abcMoves: { from: MigrationRow<AbcClass>; to: MigrationColumn<AbcClass>; previousRevenue: number; revenue: number }[] = [];
  const xyzMoves: { from: MigrationRow<XyzColumn>; to: MigrationColumn<XyzColumn>; previousRevenue: number; revenue: number }[] = [];
  for (const c of analysis.clients) {
    const p = previous.get(c.client);
    abcMoves.push({ from: p?.abc ?? 'new', to: c.abc, previousRevenue: p?.revenue ?? 0, revenue: c.revenue });
    xyzMoves.push({ from: p === undefined ? 'new' : (p.xyz ?? '-'), to: c.xyz ?? '-', previousRevenue: p?.revenue ?? 0, revenue: c.revenue });
  }
  const gone: string[] = [];
  for (const c of before.clients) {
    if (current.has(c.client)) continue;
    gone.push(c.client);
    abcMoves.push({ from: c.abc, to: 'gone', previousRevenue: c.revenue, revenue: 0 });
    xyzMoves.push({ from: c.xyz ?? '-', to: 'gone', previousRevenue: c.revenue, revenue: 0 });
  }

  const slipped: SlippedClient[] = [];
  for (const [client, p] of previous) {
    const c = current.get(client);
    const keyNow = c !== undefined && isKeyClient(c);
    if (!keyNow && p.abc !== 'A') continue;
    const fell: ('abc' | 'xyz')[] = [];
    if (p.abc === 'A' && (c === undefined || c.abc !== 'A')) fell.push('abc');
    if (p.xyz === 'X' && c !== undefined && (c.xyz === 'Y' || c.xyz === 'Z')) fell.push('xyz');
    if (fell.length === 0) continue;
    slipped.push({ client, abcPrev: p.abc, abc: c?.abc ?? null, xyzPrev: p.xyz, xyz: c?.xyz ?? null, previousTotal: p.total, total: c?.total ?? 0, fell, keyNow });
  }
  slipped.sort((a, b) => b.previousTotal - a.previousTotal || compareNames(a.client, b.client));

  return {
    spec,
    previousWindow: pw,
    previous,
    previousTotals: before.totals,
    abc: matrixOf<AbcClass>(['A', 'B', 'C'], abcMoves),
    xyz: matrixOf<XyzColumn>(['X', 'Y', 'Z', '-'], xyzMoves),
    slipped,
    gone,
    notes,
  };
}
