// SPEC §11: class history. Snapshots at the end of every month or quarter, each the full analysis
// (analyzeLedger, as `kam analyze` runs it) of the trailing N months as of that day, all from the
// one ledger already read; then, per client, its classes through time and a stability mark.
//
// Rules (the SPEC's, with the choices where it is silent; README, "kam history"):
// - Snapshot days are the last days of the --every periods (month, quarter). The snapshot on day
//   D is the analysis with --from the first day of the month N−1 months before D's month,
//   --to D and --as-of D: the same classes as that `kam analyze` run, to the client.
// - The last snapshot is on the last period end on or before --to (when given) and the as-of day
//   (default: the ledger's last day). The first is on the first period end on or after --from
//   when given; otherwise the first whose whole trailing window lies within the ledger's whole
//   months (a window half before the ledger's first line would rank clients on part of it).
// - Each snapshot is analyzeLedger's full analysis but for P(alive), which no snapshot shows (the
//   BG/NBD fit is skipped); classes, totals and statuses are exactly those of the analyze run.
// - A client is in a snapshot when it has a line in that snapshot's window (as in analyze); its
//   path lists its class in every snapshot, null (shown "-") where it is not in it.
// - Stability mark, from the first and the last snapshot (classes ordered A > B > C):
//     gone    — not in the last snapshot (it was in an earlier one);
//     new     — in the last snapshot, not in the first;
//     rising  — in both, its class in the last is better than in the first;
//     falling — in both, worse;
//     stable  — in both, the same class (whatever it did in between).
// - Perennial A: class A in every snapshot. One-off A: class A in exactly one snapshot (with at
//   least two snapshots). Stayed A: of the clients A in the first snapshot, those A in the last.
import type { AbcClass } from './abc.js';
import { analyzeLedger } from './analyze.js';
import { formatDay } from './calendar.js';
import { compareNames } from './order.js';
import type { Ledger } from './ledger.js';
import { periodEnd, periodOf, periodStart } from './periods.js';
import type { ClientStatus } from './lost.js';
import { KamError } from './problems.js';
import type { AnalysisSettings } from './settings.js';
import type { AnalysisWindow } from './window.js';
import type { XyzClass } from './xyz.js';

export type HistoryEvery = 'month' | 'quarter';
export const HISTORY_EVERY: readonly HistoryEvery[] = ['month', 'quarter'];

export interface HistoryOptions {
  every: HistoryEvery;
  /** Length of each snapshot's trailing window, in months. */
  windowMonths: number;
}

/** What a snapshot keeps of its analysis: one row per client in its window, in ranking order. */
export interface SnapshotClient {
  client: string;
  abc: AbcClass;
  xyz: XyzClass | null;
  /** The ABC metric over the snapshot's window. */
  total: number;
  status: ClientStatus | null;
}

export interface Snapshot {
  /** The snapshot's as-of day: the last day of an --every period. */
  day: number;
  window: AnalysisWindow;
  clients: SnapshotClient[];
}

export type StabilityMark = 'stable' | 'rising' | 'falling' | 'new' | 'gone';
export const STABILITY_MARKS: readonly StabilityMark[] = ['stable', 'rising', 'falling', 'new', 'gone'];

export interface ClientPath {
  client: string;
  /** The class in each snapshot, in snapshot order; null where the client is not in it. */
  classes: (AbcClass | null)[];
  mark: StabilityMark;
  /** Snapshots in which the client is class A. */
  timesA: number;
}

export interface ClassHistory {
  options: HistoryOptions;
  snapshots: Snapshot[];
  /** Every client in any snapshot, by name (code-unit order). */
  clients: ClientPath[];
  marks: Record<StabilityMark, number>;
  /** Clients A in the first snapshot, and how many of them are A in the last. */
  stayedA: { wereA: number; stayed: number };
  /** A in every snapshot, in the last snapshot's ranking order. */
  perennialA: string[];
  /** A in exactly one snapshot, latest first, then by that snapshot's ranking. */
  oneOffA: string[];
}

const CLASS_RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

/** The first day of the month `monthsBack` months before the month of `day`. */
function monthStartBefore(day: number, monthsBack: number): number {
  return periodStart('month', periodOf('month', day) - monthsBack);
}

/** The snapshot days (see the rules above); empty when the ledger is too short for one. */
export function snapshotDays(ledgerFirstDay: number, ledgerLastDay: number, settings: Pick<AnalysisSettings, 'asOf' | 'from' | 'to'>, options: HistoryOptions): number[] {
  const kind = options.every;
  const asOf = settings.asOf ?? ledgerLastDay;
  const lastBound = settings.to !== undefined ? Math.min(settings.to, asOf) : asOf;
  let last = periodOf(kind, lastBound);
  if (periodEnd(kind, last) > lastBound) last--;
  let first: number;
  if (settings.from !== undefined) first = periodOf(kind, settings.from);
  else {
    // The ledger's first whole month.
    let month = periodOf('month', ledgerFirstDay);
    if (periodStart('month', month) < ledgerFirstDay) month++;
    const firstWhole = periodStart('month', month);
    first = periodOf(kind, ledgerFirstDay);
    while (first <= last && monthStartBefore(periodEnd(kind, first), options.windowMonths - 1) < firstWhole) first++;
  }
  const days: number[] = [];
  for (let p = first; p <= last; p++) days.push(periodEnd(kind, p));
  return days;
}

/** The settings of the snapshot on `day`: the trailing window of `windowMonths` months as of it. */
export function snapshotSettings(settings: AnalysisSettings, day: number, windowMonths: number): AnalysisSettings {
  return { ...settings, asOf: day, from: monthStartBefore(day, windowMonths - 1), to: day };
}

/** The snapshots and paths; a KamError when the ledger is empty or too short for one snapshot. */
export function classHistory(ledger: Ledger, settings: AnalysisSettings, options: HistoryOptions): ClassHistory {
  if (ledger.firstDay === undefined || ledger.lastDay === undefined) throw new KamError({ code: 'no-rows' });
  const days = snapshotDays(ledger.firstDay, ledger.lastDay, settings, options);
  if (days.length === 0) {
    throw new KamError({
      code: 'history-too-short',
      details: { from: formatDay(ledger.firstDay), to: formatDay(settings.asOf ?? ledger.lastDay), every: options.every, months: options.windowMonths },
    });
  }
  const snapshots: Snapshot[] = days.map((day) => {
    // P(alive) is in no snapshot's output: its fit is skipped (it is a third of an analysis).
    const analysis = analyzeLedger(ledger, snapshotSettings(settings, day, options.windowMonths), { alive: false });
    return {
      day,
      window: analysis.window,
      clients: analysis.clients.map((c) => ({ client: c.client, abc: c.abc, xyz: c.xyz, total: c.total, status: c.status })),
    };
  });
  return { options, snapshots, ...pathsOf(snapshots) };
}

/** Paths, marks and the A counts from the snapshots (see the rules above). */
export function pathsOf(snapshots: readonly Snapshot[]): Omit<ClassHistory, 'options' | 'snapshots'> {
  const n = snapshots.length;
  const paths = new Map<string, ClientPath>();
  snapshots.forEach((s, i) => {
    for (const c of s.clients) {
      let path = paths.get(c.client);
      if (path === undefined) paths.set(c.client, (path = { client: c.client, classes: new Array<AbcClass | null>(n).fill(null), mark: 'stable', timesA: 0 }));
      path.classes[i] = c.abc;
      if (c.abc === 'A') path.timesA++;
    }
  });
  const clients = [...paths.values()].sort((p, q) => compareNames(p.client, q.client));
  const marks: Record<StabilityMark, number> = { stable: 0, rising: 0, falling: 0, new: 0, gone: 0 };
  let wereA = 0;
  let stayed = 0;
  for (const path of clients) {
    path.mark = markOf(path.classes);
    marks[path.mark]++;
    if (path.classes[0] === 'A') {
      wereA++;
      if (path.classes[n - 1] === 'A') stayed++;
    }
  }
  const last = snapshots[n - 1];
  const perennialA = last === undefined ? [] : last.clients.filter((c) => paths.get(c.client)!.timesA === n).map((c) => c.client);
  const oneOffA: string[] = [];
  if (n >= 2) {
    for (let i = n - 1; i >= 0; i--) {
      for (const c of snapshots[i]!.clients) if (c.abc === 'A' && paths.get(c.client)!.timesA === 1) oneOffA.push(c.client);
    }
  }
  return { clients, marks, stayedA: { wereA, stayed }, perennialA, oneOffA };
}

/** A client's stability mark from its classes through the snapshots (see the rules above). */
export function markOf(classes: readonly (AbcClass | null)[]): StabilityMark {
  const first = classes[0] ?? null;
  const last = classes[classes.length - 1] ?? null;
  if (last === null) return 'gone';
  if (first === null) return 'new';
  const change = CLASS_RANK[first] - CLASS_RANK[last];
  return change > 0 ? 'rising' : change < 0 ? 'falling' : 'stable';
}
