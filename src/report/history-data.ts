// `kam history --format csv|json` (SPEC §11). CSV: the long table, one row per client and snapshot
// it is in (client, snapshot, abc, xyz, total, status), clients by name, snapshots in order. JSON:
// the snapshot days, each client's path ("A A B -") and stability mark, and the same long rows.
import { formatDay } from '../core/calendar.js';
import type { ClassHistory, SnapshotClient } from '../core/history.js';
import { csvHeader, csvLine, jsonRecords, ndjsonRecords, type DataColumn } from './table-data.js';

interface LongRow {
  day: number;
  c: SnapshotClient;
}

export const HISTORY_COLUMNS: readonly DataColumn<LongRow>[] = [
  { name: 'client', kind: 'text', value: (r) => r.c.client },
  { name: 'snapshot', kind: 'date', value: (r) => formatDay(r.day) },
  { name: 'abc', kind: 'text', value: (r) => r.c.abc },
  { name: 'xyz', kind: 'text', value: (r) => r.c.xyz },
  { name: 'total', kind: 'money', value: (r) => r.c.total },
  { name: 'status', kind: 'text', value: (r) => r.c.status },
];

/** "A A B -": a client's class in each snapshot, "-" where it is not in it. */
export function pathText(classes: readonly (string | null)[]): string {
  return classes.map((c) => c ?? '-').join(' ');
}

/** The long rows: clients by name, each client's snapshots in order. */
function* longRows(history: ClassHistory): Generator<LongRow> {
  const bySnapshot = history.snapshots.map((s) => new Map(s.clients.map((c) => [c.client, c])));
  for (const path of history.clients) {
    for (let i = 0; i < history.snapshots.length; i++) {
      const c = bySnapshot[i]!.get(path.client);
      if (c !== undefined) yield { day: history.snapshots[i]!.day, c };
    }
  }
}

export function* renderHistoryCsv(history: ClassHistory): Generator<string> {
  yield csvHeader(HISTORY_COLUMNS);
  for (const r of longRows(history)) yield csvLine(HISTORY_COLUMNS, r);
}

const PATH_COLUMNS: readonly DataColumn<ClassHistory['clients'][number]>[] = [
  { name: 'client', kind: 'text', value: (p) => p.client },
  { name: 'path', kind: 'text', value: (p) => pathText(p.classes) },
  { name: 'mark', kind: 'text', value: (p) => p.mark },
  { name: 'times_a', kind: 'integer', value: (p) => p.timesA },
];

export function* renderHistoryJson(history: ClassHistory): Generator<string> {
  const head = {
    every: history.options.every,
    window_months: history.options.windowMonths,
    snapshots: history.snapshots.map((s) => formatDay(s.day)),
    marks: history.marks,
    stayed_a: { were_a: history.stayedA.wereA, stayed: history.stayedA.stayed },
    perennial_a: history.perennialA,
    one_off_a: history.oneOffA,
  };
  const text = JSON.stringify(head, null, 2);
  yield `${text.slice(0, -2)},\n  "clients": `;
  yield* jsonRecords(PATH_COLUMNS, history.clients, '  ');
  yield ',\n  "rows": ';
  yield* jsonRecords(HISTORY_COLUMNS, longRows(history), '  ');
  yield '\n}\n';
}

/** ndjson: the CSV's long rows, one a line. */
export const renderHistoryNdjson = (history: ClassHistory): Generator<string> => ndjsonRecords(HISTORY_COLUMNS, longRows(history));
