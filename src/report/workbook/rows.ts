// Writing report-like sheets (Summary, Matrix, Method) row by row: values, styles, merges and
// heights applied, then the row committed (the streaming writer forgets it).
import type { RowBreak } from 'exceljs';
import type { Sheet } from './book.js';
import { LINE_HEIGHT, STYLE, cellText, wrappedLines, type CellStyle } from './style.js';

export type CellValue = string | number | Date | null | undefined;

export interface RowOptions {
  /** Merge columns from..to (1-based) of this row; the first cell holds the value. */
  merge?: [number, number];
  height?: number;
  /** Wrapped text in column `col` (1-based) spanning `width` characters: sets the height. */
  fit?: { col: number; width: number };
}

export class Rows {
  private next = 1;

  constructor(readonly sheet: Sheet) {}

  /** The number of the row the next add() writes. */
  get row(): number {
    return this.next;
  }

  add(values: readonly CellValue[], styles: readonly (CellStyle | undefined)[] = [], options: RowOptions = {}): number {
    const number = this.next++;
    const row = this.sheet.getRow(number);
    values.forEach((v, i) => {
      if (v === undefined || v === null || v === '') return;
      row.getCell(i + 1).value = typeof v === 'string' ? cellText(v) : v;
    });
    styles.forEach((s, i) => {
      if (s !== undefined) row.getCell(i + 1).style = s;
    });
    if (options.merge !== undefined) {
      const [from, to] = options.merge;
      const master = row.getCell(from).style;
      this.sheet.mergeCells(number, from, number, to);
      for (let c = from + 1; c <= to; c++) row.getCell(c).style = master;
    }
    let height = options.height;
    if (options.fit !== undefined) {
      const text = values[options.fit.col - 1];
      if (typeof text === 'string') height = Math.max(height ?? 0, wrappedLines(text, options.fit.width) * LINE_HEIGHT + 3);
    }
    if (height !== undefined) row.height = height;
    row.commit();
    return number;
  }

  blank(height?: number): number {
    const number = this.next++;
    if (height !== undefined) {
      const row = this.sheet.getRow(number);
      row.height = height;
      row.commit();
    }
    return number;
  }

  /** Starts a new printed page after the last row written. */
  pageBreak(): void {
    // The streaming sheet keeps its breaks in rowBreaks (the typings list it on the model only).
    const breaks = (this.sheet as unknown as { rowBreaks: RowBreak[] }).rowBreaks;
    if (this.next > 1) breaks.push({ id: this.next - 1, max: 16383, min: 0, man: 1 });
  }

  title(text: string, subtitle?: string): void {
    this.add([text], [STYLE.title], { height: 24 });
    if (subtitle !== undefined) this.add([subtitle], [STYLE.subtitle]);
  }

  /** A section heading with a rule under it across `width` columns. */
  section(text: string, width: number): void {
    this.blank(8);
    this.add([text], Array<CellStyle>(width).fill(STYLE.section), { height: 20 });
  }
}
