// `kam bridge --format csv|json`: the revenue bridge for scripts (SPEC §11). One row per period,
// the overall rows first (direction empty in CSV, null in JSON), then each direction value's
// rows (clients without a value under "(none)"). Money signed, so every row adds up.
import type { BridgeRow, RevenueBridge } from '../core/bridge.js';
import { NO_DIRECTION } from './lost-data.js';
import { csvHeader, csvLine, jsonRecords, ndjsonRecords, type DataColumn } from './table-data.js';

export interface DirectedRow {
  /** null: an overall row. */
  direction: string | null;
  row: BridgeRow;
}

export const BRIDGE_COLUMNS: readonly DataColumn<DirectedRow>[] = [
  { name: 'period', kind: 'text', value: (r) => r.row.period },
  { name: 'direction', kind: 'text', value: (r) => r.direction },
  { name: 'revenue_start', kind: 'money', value: (r) => r.row.revenueStart },
  { name: 'new', kind: 'money', value: (r) => r.row.new },
  { name: 'reactivated', kind: 'money', value: (r) => r.row.reactivated },
  { name: 'expansion', kind: 'money', value: (r) => r.row.expansion },
  { name: 'contraction', kind: 'money', value: (r) => r.row.contraction },
  { name: 'churned', kind: 'money', value: (r) => r.row.churned },
  { name: 'revenue_end', kind: 'money', value: (r) => r.row.revenueEnd },
  { name: 'clients_new', kind: 'integer', value: (r) => r.row.clientsNew },
  { name: 'clients_reactivated', kind: 'integer', value: (r) => r.row.clientsReactivated },
  { name: 'clients_churned', kind: 'integer', value: (r) => r.row.clientsChurned },
];

/** The overall rows, then every direction's, as the tables list them. */
export function* directedRows(bridge: RevenueBridge): Generator<DirectedRow> {
  for (const row of bridge.overall) yield { direction: null, row };
  for (const g of bridge.byDirection ?? []) for (const row of g.rows) yield { direction: g.direction ?? NO_DIRECTION, row };
}

export function* renderBridgeCsv(bridge: RevenueBridge): Generator<string> {
  yield csvHeader(BRIDGE_COLUMNS);
  for (const r of directedRows(bridge)) yield csvLine(BRIDGE_COLUMNS, r);
}

export function* renderBridgeJson(bridge: RevenueBridge): Generator<string> {
  yield* jsonRecords(BRIDGE_COLUMNS, directedRows(bridge));
  yield '\n';
}

export const renderBridgeNdjson = (bridge: RevenueBridge): Generator<string> => ndjsonRecords(BRIDGE_COLUMNS, directedRows(bridge));
