// Writing report-like sheets (Summary, Matrix, Method) row by row: values, styles, merges and
// heights applied, then the row committed (the streaming writer forgets it).
import type { RowBreak } from 'exceljs';
import type { Sheet } from './book.js';
import { SheetRows } from './sheet-rows.js';
import { LINE_HEIGHT, STYLE, cellText, plain, wrappedLines, type CellStyle } from './style.js';

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
  private readonly out: SheetRows;

  constructor(readonly sheet: Sheet) {
    this.out = new SheetRows(sheet);
  }

  /** The number of the row the next add() writes. */
  get row(): number {
    return this.next;
  }

  add(values: readonly CellValue[], styles: readonly (CellStyle | undefined)[] = [], options: RowOptions = {}): number {
    const number = this.next++;
    const cells: CellValue[] = values.map((v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? cellText(v) : v));
    const cellStyles = [...styles];
    if (options.merge !== undefined) {
      const [from, to] = options.merge;
      // The other cells of a merged range carry the first one's style (its borders and fill).
      for (let c = from + 1; c <= to; c++) cellStyles[c - 1] = cellStyles[from - 1];
      this.out.merge(number, from, number, to);
    }
    let height = options.height;
    if (options.fit !== undefined) {
      const text = values[options.fit.col - 1];
      if (typeof text === 'string') height = Math.max(height ?? 0, wrappedLines(text, options.fit.width) * LINE_HEIGHT + 3);
    }
    this.out.write(number, cells, cellStyles, height);
    return number;
  }

  /** Lets the zip stream catch up now and then (see SheetRows.breathe): call it in long loops. */
  breathe(): Promise<void> {
    return this.out.breathe();
  }

  blank(height?: number): number {
    const number = this.next++;
    if (height !== undefined) this.out.write(number, [], [], height);
    return number;
  }

  /** Starts a new printed page after the last row written. */
  pageBreak(): void {
    // The streaming sheet keeps its breaks in rowBreaks (the typings list it on the model only).
    const breaks = (this.sheet as unknown as { rowBreaks: RowBreak[] }).rowBreaks;
    if (this.next > 1) breaks.push({ id: this.next - 1, max: 16383, min: 0, man: 1 });
  }

  /**
   * The sheet's title and subtitle. With `across` the subtitle wraps inside the first `across`
   * columns (`width` characters together) instead of running on to the right, where it would
   * widen the printed page.
   */
  title(text: string, subtitle?: string, wrap?: { across: number; width: number }): void {
    this.add([text], [STYLE.title], { height: 24 });
    if (subtitle === undefined) return;
    if (wrap === undefined) this.add([subtitle], [STYLE.subtitle]);
    else this.add([subtitle], [STYLE.subtitleWrapped], { merge: [1, wrap.across], fit: { col: 1, width: wrap.width - 2 } });
  }

  /**
   * A line of prose (a note, a class line) wrapped inside the first `across` columns (`width`
   * characters together): text running on to the right would widen the printed page.
   */
  note(text: string, style: { italic?: boolean; grey?: boolean }, wrap: { across: number; width: number }): number {
    return this.add([text], [plain(undefined, { ...style, wrap: true })], { merge: [1, wrap.across], fit: { col: 1, width: wrap.width - 2 } });
  }

  /** A section heading with a rule under it across `width` columns. */
  section(text: string, width: number): void {
    this.blank(8);
    this.add([text], Array<CellStyle>(width).fill(STYLE.section), { height: 20 });
  }
}
