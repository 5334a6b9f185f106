// Small hand-made ledgers with a direction column, for the bridge, portfolio and history tests.
import type { BridgeRow } from '../../src/core/bridge.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { day } from './ledger.js';
import { micros, type ReferenceBridgeRow } from './reference-bridge.js';

export interface MovementLine {
  client: string;
  /** YYYY-MM-DD */
  date: string;
  amount: number;
  direction?: string;
  quantity?: number;
}

/** Folds the lines with the real addLine and finalizes the ledger, as a reader does. */
export function movementLedger(lines: readonly MovementLine[]): Ledger {
  const ledger = emptyLedger({ quantity: lines.some((l) => l.quantity !== undefined), profit: false, document: false, product: false, direction: lines.some((l) => l.direction !== undefined) });
  for (const l of lines) addLine(ledger, { client: l.client, day: day(l.date), amount: l.amount, quantity: l.quantity, direction: l.direction });
  return finishLedger(ledger);
}

/** kam's bridge row as the reference writes one (test/helpers/reference-bridge.ts): money in millionths. */
export const exactFigures = (row: BridgeRow): ReferenceBridgeRow => ({
  period: row.period,
  revenue_start: micros(row.revenueStart),
  new: micros(row.new),
  reactivated: micros(row.reactivated),
  expansion: micros(row.expansion),
  contraction: micros(row.contraction),
  churned: micros(row.churned),
  revenue_end: micros(row.revenueEnd),
  clients_new: row.clientsNew,
  clients_reactivated: row.clientsReactivated,
  clients_churned: row.clientsChurned,
});
