// Rows written straight into exceljs's streaming sheet as XML. exceljs builds a row model, a cell
// model per cell and an XML stream per row, and checks every merge against all earlier ones
// (quadratic); on 50,000 clients that was most of the workbook's time and garbage. This writer
// keeps exceljs for everything around the rows (columns, views, page setup, styles and shared
// strings, the package) and writes the <row> elements and the merge list itself. It reaches into
// the streaming writer's documented-in-source internals (exceljs 4.4: startedData, _writeColumns,
// _writeOpenSheetData, stream, _merges, _workbook.styles / sharedStrings); test/report/workbook.test.ts
// reads every sheet back, so a change there fails the tests, not the user.
import { checkWorkbookMemory } from '../../io/memory-guard.js';
import type { Sheet } from './book.js';
import type { CellStyle } from './style.js';

export type CellValue = string | number | boolean | Date | null | undefined;

/** exceljs's ValueType numbers (Enums.ValueType): the style of a cell without a number format depends on them. */
const TYPE = { null: 0, number: 2, string: 3, date: 4, boolean: 9 } as const;

interface StreamingSheet {
  startedData: boolean;
  committed: boolean;
  _rowZero: number;
  _rows: unknown[];
  _merges: unknown[];
  useSharedStrings: boolean;
  stream: { batch?: boolean; write(data: string | Buffer): void; pipes?: { _writableState?: { length: number } }[] };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _workbook: {
    styles: { addStyleModel(style: CellStyle, type: number): number };
    sharedStrings: { add(text: string): number };
  };
}

const letters: string[] = [];
/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let cached = letters[column];
  if (cached === undefined) {
    cached = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) cached = String.fromCharCode(65 + ((n - 1) % 26)) + cached;
    letters[column] = cached;
  }
  return cached;
}

const NO_STYLE: CellStyle = {};
const styleAttributes: string[] = [''];
/** ` s="7"` for style 7; nothing for style 0. */
function styleAttribute(id: number): string {
  return (styleAttributes[id] ??= ` s="${id}"`);
}
/** Rows are gathered as UTF-8 into buffers of this size before they go to the sheet's stream. */
const CHUNK = 1 << 16;
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A number as JavaScript writes it (`String(v)`), faster for whole cents: money, most of a big
 * sheet's numbers. Why it is the same text: when v is exactly the double nearest to c/100 (c whole),
 * "whole.cc" read back is v, and every other decimal with as few digits lies at least 0.01 away,
 * further than half the gap between doubles below 10^13 — so it is the shortest text that reads
 * back as v, which is what String(v) writes. Anything else goes to String.
 */
export function numberText(v: number): string {
  const c = Math.round(v * 100);
  if (c / 100 !== v || !(Math.abs(c) < 1e15)) return `${v}`;
  const a = c < 0 ? -c : c;
  const whole = Math.floor(a / 100);
  const cents = a - whole * 100;
  const text = cents === 0 ? `${whole}` : cents % 10 === 0 ? `${whole}.${cents / 10}` : cents < 10 ? `${whole}.0${cents}` : `${whole}.${cents}`;
  return c < 0 ? `-${text}` : text;
}

/** Writes a streaming sheet's rows in order, and its merged ranges. */
export class SheetRows {
  private readonly raw: StreamingSheet;
  private last = 0;
  private written = 0;
  private rowsSinceCheck = 0;
  /** Rows written but not yet handed to the sheet's stream: `used` bytes of `pending`. */
  private pending = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(readonly sheet: Sheet) {
    this.raw = sheet as unknown as StreamingSheet;
    if (this.raw._rows === undefined || typeof this.raw._writeColumns !== 'function' || this.raw._workbook?.styles === undefined) {
      throw new Error('kam: the workbook writer is not the streaming writer of exceljs 4');
    }
    // exceljs writes the sheet's closing part when it is committed: the rows gathered go first.
    const commit = sheet.commit.bind(sheet);
    sheet.commit = () => {
      this.flush();
      commit();
    };
  }

  /**
   * Adds a row's XML to the pending buffer. One string per row handed to exceljs's stream became
   * a chunk object and a Buffer each (50,000 rows: most of the sheet's garbage); a 64 KB buffer
   * at a time is one of each.
   */
  private put(xml: string): void {
    // At most 3 bytes of UTF-8 a UTF-16 unit: a row that might not fit starts a new buffer.
    if (this.used + xml.length * 3 > CHUNK) this.flush();
    if (xml.length * 3 > CHUNK) this.raw.stream.write(Buffer.from(xml, 'utf8'));
    else this.used += this.pending.write(xml, this.used, 'utf8');
  }

  /**
   * Hands the gathered rows to the sheet's stream. exceljs opens sheet streams in batch mode,
   * which copies what it is given into its own buffers at once: the pending buffer is then reused
   * (a new one each time was 170 MB of dead buffers on 50,000 clients, freed only by a full GC).
   */
  private flush(): void {
    if (this.used === 0) return;
    this.raw.stream.write(this.pending.subarray(0, this.used));
    if (this.raw.stream.batch !== true) this.pending = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }

  /**
   * Writes row `number` (1-based, after every row written before): values from column 1, each
   * cell with its style (a cell with a style and no value is written empty, as a merged range's
   * other cells or a coloured gap). A row with no value and no height is left out, as exceljs does.
   */
  write(number: number, values: readonly CellValue[], styles: readonly (CellStyle | undefined)[] = [], height?: number): void {
    const raw = this.raw;
    if (number <= this.last) throw new Error(`kam: workbook row ${number} written after row ${this.last}`);
    // A look at the heap every 512 rows (about a microsecond each): near its limit, one line, not V8's report.
    if ((++this.rowsSinceCheck & 511) === 0) checkWorkbookMemory();
    const width = Math.max(values.length, styles.length);
    const sharedStrings = raw.useSharedStrings ? raw._workbook.sharedStrings : null;
    const styleModels = raw._workbook.styles;
    // Each cell's reference ends with the row number: `"<column letters>${row}` — made once a row.
    const rowEnd = `${number}"`;
    let cells = '';
    let first = 0;
    let lastColumn = 0;
    let hasValue = false;
    for (let i = 0; i < width; i++) {
      const v = values[i];
      const style = styles[i];
      let type: number;
      let body = '';
      if (v === null || v === undefined) {
        if (style === undefined) continue;
        type = TYPE.null;
      } else if (typeof v === 'string') {
        type = TYPE.string;
        body = sharedStrings !== null ? ` t="s"><v>${sharedStrings.add(v)}</v>` : ` t="str"><v>${v.replace(/[&<>"]/g, (c) => escapes[c]!)}</v>`;
      } else if (typeof v === 'number') {
        type = TYPE.number;
        body = `><v>${numberText(v)}</v>`;
      } else if (typeof v === 'boolean') {
        type = TYPE.boolean;
        body = ` t="b"><v>${v ? 1 : 0}</v>`;
      } else {
        type = TYPE.date;
        body = `><v>${25569 + v.getTime() / 86_400_000}</v>`;
      }
      const styleId = styleModels.addStyleModel(style ?? NO_STYLE, type);
      if (type === TYPE.null && styleId === 0) continue;
      if (type !== TYPE.null) hasValue = true;
      const column = i + 1;
      if (first === 0) first = column;
      lastColumn = column;
      cells += `<c r="${columnLetter(column)}${rowEnd}${styleAttribute(styleId)}${type === TYPE.null ? '/>' : `${body}</c>`}`;
    }
    if (!hasValue && height === undefined) return;
    if (!raw.startedData) {
      raw._writeColumns();
      raw._writeOpenSheetData();
      raw.startedData = true;
    }
    this.last = number;
    // exceljs's own rows (none, when every row goes through here) would come after these.
    raw._rowZero = number + 1;
    const spans = first > 0 ? ` spans="${first}:${lastColumn}"` : '';
    const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
    this.put(`<row r="${number}"${spans}${ht} x14ac:dyDescent="0.25">${cells}</row>`);
    this.written += cells.length;
  }

  /**
   * Waits, after every megabyte or so of rows, until the zip stream has taken in what was written.
   * Written in one synchronous run, a 50,000-row sheet would wait whole and uncompressed in memory
   * (90 MB for Clients) until the workbook is committed; exceljs's sheet stream ignores
   * backpressure, so this watches the zip entry's buffer itself (under 4 MB), giving up after 30 s
   * of no progress rather than ever hanging.
   */
  async breathe(): Promise<void> {
    if (this.written < 1 << 20) return;
    this.written = 0;
    this.flush();
    checkWorkbookMemory();
    const entry = this.raw.stream.pipes?.[0];
    const buffered = (): number => entry?._writableState?.length ?? 0;
    let last = buffered();
    for (let since = Date.now(); buffered() > 1 << 22 && Date.now() - since < 30_000; ) {
      // setTimeout, not setImmediate: the zip stream moves on when zlib's work comes back.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (buffered() < last) since = Date.now();
      last = buffered();
    }
  }

  /** Merges rows top..bottom, columns left..right (1-based, inclusive); ranges must not overlap. */
  merge(top: number, left: number, bottom: number, right: number): void {
    const range = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
    // exceljs writes each entry of _merges as <mergeCell ref="…"/> when the sheet is committed.
    this.raw._merges.push({ toString: () => range });
  }
}
