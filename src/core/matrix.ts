// SPEC §5: the 3×3 ABC-XYZ matrix plus the "-" column of clients without an XYZ class. Each
// cell's standing strategy is words, so it lives in the catalogues (src/i18n), keyed by cell name.
import type { AbcClass } from './abc.js';
import type { XyzClass } from './xyz.js';

export type MatrixColumn = XyzClass | '-';
export type CellName = `${AbcClass}${MatrixColumn}`;

export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];
export const MATRIX_COLUMNS: readonly MatrixColumn[] = ['X', 'Y', 'Z', '-'];

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
      cells.set(cell, { abc, xyz, cell, clients: 0, revenue: 0, revenueShare: 0 });
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
