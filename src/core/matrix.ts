// SPEC §5: the 3×3 ABC-XYZ matrix plus the "-" column of clients without an XYZ class.
import type { AbcClass } from './abc.js';
import type { XyzClass } from './xyz.js';

export type MatrixColumn = XyzClass | '-';
export type CellName = `${AbcClass}${MatrixColumn}`;

export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];
export const MATRIX_COLUMNS: readonly MatrixColumn[] = ['X', 'Y', 'Z', '-'];

/** The standing strategy of each cell, as a key-account manager would write it on the wall. */
export const CELL_STRATEGY: Readonly<Record<CellName, string>> = {
  AX: 'Retain at any cost: personal manager, long contracts, priority service and stock reserved for them.',
  AY: 'Grow loyalty: personal manager, flexible terms, plan deliveries around their seasonality.',
  AZ: 'High value, unpredictable: learn their buying cycle, agree forecasts, convert to regular volume.',
  BX: 'Grow the share of wallet: cross-sell and upsell, volume discounts; they already buy steadily.',
  BY: 'Develop: regular contact, promotions tied to their peaks, move them towards A.',
  BZ: 'Stabilise: find why purchases swing, offer contracts or subscriptions that even them out.',
  CX: 'Serve efficiently: standard terms, automated reorders; try bundles to lift the average order.',
  CY: 'Standard service: group promotions and mailings, no individual effort.',
  CZ: 'Minimal effort: self-service, prepayment, review whether serving them pays at all.',
  'A-': 'Too new or no net purchases to judge steadiness: a large client to watch closely.',
  'B-': 'Too new or no net purchases to judge steadiness: follow up and establish a rhythm.',
  'C-': 'Too new or no net purchases to judge steadiness: standard service.',
};

export function cellName(abc: AbcClass, xyz: XyzClass | null): CellName {
  return `${abc}${xyz ?? '-'}`;
}

export interface MatrixCell {
  abc: AbcClass;
  xyz: MatrixColumn;
  cell: CellName;
  clients: number;
  revenue: number;
  /** Share of the window's net revenue. */
  revenueShare: number;
  strategy: string;
}

export interface MatrixMember {
  abc: AbcClass;
  xyz: XyzClass | null;
  revenue: number;
}

export function buildMatrix(members: readonly MatrixMember[], totalRevenue: number): MatrixCell[] {
  const cells = new Map<CellName, MatrixCell>();
  for (const abc of ABC_CLASSES) {
    for (const xyz of MATRIX_COLUMNS) {
      const cell: CellName = `${abc}${xyz}`;
      cells.set(cell, { abc, xyz, cell, clients: 0, revenue: 0, revenueShare: 0, strategy: CELL_STRATEGY[cell] });
    }
  }
  for (const m of members) {
    const target = cells.get(cellName(m.abc, m.xyz));
    if (target === undefined) continue;
    target.clients++;
    target.revenue += m.revenue;
  }
  for (const cell of cells.values()) cell.revenueShare = totalRevenue > 0 ? cell.revenue / totalRevenue : 0;
  return [...cells.values()];
}
