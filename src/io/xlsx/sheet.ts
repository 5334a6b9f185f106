// A worksheet part scanned as bytes, chunk by chunk, into rows of typed cells. Tags are matched
// by local name (`<row>`, `<x:row>`); a cell's column comes from its `r` reference or, when it
// has none, follows the cell before; every `<row>` is handed over with its own number (counted
// on from the row before when it has no `r`), empty and self-closing ones too. A cell is decoded
// only once all of its bytes are there (a cell cut by a chunk boundary waits for the next
// chunk), so the cells never depend on where the chunks end.
import type { Cell } from '../records.js';
import { decodeEntities, decodeExcelEscapes, XmlError } from './xml.js';

export interface SheetContext {
  /** The shared strings, in order. */
  shared: readonly string[];
  /** 1 for each cell format (`s`) that shows a date. */
  dateStyles: Uint8Array;
  date1904: boolean;
}

export type RowSink = (cells: Cell[], row: number) => void;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
/** The widest sheet Excel makes: XFD. */
const MAX_COLUMNS = 16384;
/** A single cell or tag larger than this is not a workbook's. */
const MAX_CARRY = 64 * 1024 * 1024;
const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01. */
const EPOCH_1900 = 25569;
const EPOCH_1904_SHIFT = 1462;

const POWERS_OF_TEN: number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The first `c` in b[from, n), or -1: a plain loop, faster than Buffer#indexOf over the few bytes of a tag. */
function findByte(b: Buffer, c: number, from: number, n: number): number {
  for (let i = from; i < n; i++) if (b[i] === c) return i;
  return -1;
}

/** Latin-1 (here: ASCII) text of b[s, e), without Buffer#toString's checks. */
const latin1 = (b: Buffer, s: number, e: number): string => (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(s, e);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Text bytes [s, e) of a cell: UTF-8 (strictly), entities and `_xHHHH_` escapes decoded. */
export function decodeText(b: Buffer, s: number, e: number): string {
  let ascii = true;
  for (let i = s; i < e; i++) {
    if (b[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  let text: string;
  if (ascii) text = latin1(b, s, e);
  else {
    text = b.toString('utf8', s, e);
    // A replacement character may be in the file as such; otherwise the bytes were not UTF-8.
    if (text.includes('\ufffd')) {
      try {
        UTF8.decode(b.subarray(s, e));
      } catch {
        throw new XmlError('utf-8');
      }
    }
  }
  if (text.includes('&')) text = decodeEntities(text);
  if (text.includes('_x')) text = decodeExcelEscapes(text);
  return text;
}

/**
 * A number cell's text [s, e): up to 15 significant digits (and a decimal point) read exactly
 * as digits / 10^k, which is the correctly rounded double; anything longer, or with an
 * exponent, through Number(). Text that is not a number is handed over as text.
 */
export function decodeNumber(b: Buffer, s: number, e: number): number | string {
  let i = s;
  let negative = false;
  if (i < e && (b[i] === 0x2d || b[i] === 0x2b)) {
    negative = b[i] === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let fraction = 0;
  let dot = false;
  let plain = i < e;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      if (mantissa !== 0 || c !== 0x30) significant++;
      mantissa = mantissa * 10 + (c - 0x30);
      if (dot) fraction++;
    } else if (c === 0x2e && !dot) dot = true;
    else {
      plain = false;
      break;
    }
  }
  if (plain && digits > 0 && significant <= 15 && fraction <= 22) {
    const value = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction]!;
    return negative ? -value : value;
  }
  const text = b.toString('latin1', s, e);
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? text : value;
}

/** An ISO date or date-time (a `t="d"` cell) as the UTC instant of its wall-clock time. */
export function decodeIsoDate(text: string): Date | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (m === null) return undefined;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
  // Date.UTC treats years below 100 as 19xx: set the year itself.
  date.setUTCFullYear(Number(m[1]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The end of a tag whose name ends at `from`: the index of its '>' (outside quotes), or -1. */
function tagEnd(b: Buffer, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const c = b[i]!;
    if (c === GT) return i;
    if (c === QUOTE || c === APOSTROPHE) {
      const close = findByte(b, c, i + 1, n);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** Where a tag's name ends (the byte after it), from its first byte; -1 when the buffer ends first. */
function nameEnd(b: Buffer, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const c = b[i]!;
    if (c === GT || c === SLASH || isSpace(c)) return i;
  }
  return -1;
}

/** Start of the local part of the name [s, e): after its prefix's colon, if any. */
function localStart(b: Buffer, s: number, e: number): number {
  for (let i = e - 1; i >= s; i--) if (b[i] === COLON) return i + 1;
  return s;
}

function isName(b: Buffer, s: number, e: number, name: string): boolean {
  if (e - s !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[s + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** A tag inside a cell: whether it closes, where its local name is, where it ends. */
interface TagAt {
  closing: boolean;
  ls: number;
  e: number;
  gt: number;
}

/** The next whole tag from `p` into `t`; false when the buffer ends first. */
function nextTag(b: Buffer, p: number, n: number, t: TagAt): boolean {
  const lt = findByte(b, LT, p, n);
  if (lt < 0 || lt + 1 >= n) return false;
  t.closing = b[lt + 1] === SLASH;
  const s = t.closing ? lt + 2 : lt + 1;
  t.e = nameEnd(b, s, n);
  if (t.e < 0) return false;
  t.ls = localStart(b, s, t.e);
  t.gt = tagEnd(b, t.e, n);
  return t.gt >= 0;
}

/** A cell's attributes, as offsets into the buffer (-1 when absent). */
interface CellAttributes {
  rStart: number;
  rEnd: number;
  tStart: number;
  tEnd: number;
  style: number;
}

export class SheetScanner {
  private work: Buffer = Buffer.alloc(0);
  /** Bytes at the start of `work` left over from the last chunk (an unfinished tag or cell). */
  private carry = 0;
  private cells: Cell[] | undefined;
  private rowNumber = 0;
  private column = 0;
  /** After `</sheetData>`: the rest of the part holds no cells. */
  private finished = false;
  private readonly attributes: CellAttributes = { rStart: -1, rEnd: -1, tStart: -1, tEnd: -1, style: 0 };
  private readonly tag: TagAt = { closing: false, ls: 0, e: 0, gt: 0 };
  /** Where the value's text is: [valueStart, valueEnd), or -1 for none; inline text decoded. */
  private valueStart = -1;
  private valueEnd = -1;
  private inline: string | undefined;
  /** The column of the cell being read. */
  private cellColumn = 0;
  /**
   * The last short text read in each column, with its bytes: a column that repeats its value
   * from row to row (a country, a date, an invoice's client) gets the same string back without
   * decoding or allocating.
   */
  private readonly lastText: string[] = [];
  private readonly lastBytes: Buffer[] = [];
  private readonly lastLength: number[] = [];

  constructor(
    private readonly context: SheetContext,
    private readonly onRow: RowSink,
  ) {}

  /** The next bytes of the part. */
  push(chunk: Buffer): void {
    if (this.finished) return;
    let b: Buffer;
    if (this.carry === 0) b = chunk;
    else {
      const need = this.carry + chunk.length;
      if (need > this.work.length) {
        const bigger = Buffer.allocUnsafe(Math.max(need, 2 * this.work.length));
        this.work.copy(bigger, 0, 0, this.carry);
        this.work = bigger;
      }
      chunk.copy(this.work, this.carry);
      b = this.work.subarray(0, need);
    }
    const stop = this.scan(b);
    const rest = b.length - stop;
    if (rest > MAX_CARRY) throw new XmlError('too large');
    if (rest > 0) {
      if (b === chunk || rest > this.work.length) {
        if (rest > this.work.length) this.work = Buffer.allocUnsafe(Math.max(rest, 2 * this.work.length, 1 << 16));
        b.copy(this.work, 0, stop);
      } else this.work.copyWithin(0, stop, b.length);
    }
    this.carry = rest;
  }

  /** The part has ended: anything unfinished means the XML was cut short. */
  end(): void {
    if (this.finished) return;
    for (let i = 0; i < this.carry; i++) if (!isSpace(this.work[i]!)) throw new XmlError('unfinished');
    if (this.cells !== undefined) throw new XmlError('unfinished row');
  }

  /** Reads what it can of `b`; returns where the first unfinished tag or cell starts. */
  private scan(b: Buffer): number {
    const n = b.length;
    let p = 0;
    for (;;) {
      const lt = findByte(b, LT, p, n);
      if (lt < 0) return n;
      if (lt + 1 >= n) return lt;
      const c1 = b[lt + 1]!;
      if (c1 === 0x21 || c1 === 0x3f) {
        // <!-- comment -->, <![CDATA[..]]>, <?..?>
        const end = this.skipSpecial(b, lt, n);
        if (end < 0) return lt;
        p = end;
        continue;
      }
      const closing = c1 === SLASH;
      const s = closing ? lt + 2 : lt + 1;
      const e = nameEnd(b, s, n);
      if (e < 0) return lt;
      const ls = localStart(b, s, e);
      if (!closing) {
        if (e - ls === 1 && b[ls] === 0x63) {
          // <c>
          const end = this.cell(b, e, n);
          if (end < 0) return lt;
          p = end;
          continue;
        }
        const gt = tagEnd(b, e, n);
        if (gt < 0) return lt;
        if (isName(b, ls, e, 'row')) {
          this.openRow(b, e, gt);
          if (b[gt - 1] === SLASH) this.closeRow();
        }
        p = gt + 1;
        continue;
      }
      const gt = findByte(b, GT, e, n);
      if (gt < 0) return lt;
      if (isName(b, ls, e, 'row')) this.closeRow();
      else if (isName(b, ls, e, 'sheetData')) {
        if (this.cells !== undefined) throw new XmlError('unfinished row');
        this.finished = true;
        return n;
      }
      p = gt + 1;
    }
  }

  /** The end of a comment, CDATA section or processing instruction at `lt`, or -1. */
  private skipSpecial(b: Buffer, lt: number, n: number): number {
    const has = (text: string): boolean => lt + text.length <= n && isName(b, lt, lt + text.length, text);
    let close = '>';
    if (b[lt + 1] === 0x3f) close = '?>';
    else if (has('<!--')) close = '-->';
    else if (has('<![CDATA[')) close = ']]>';
    else if (n - lt < 9 && isName(b, lt, n, '<![CDATA['.slice(0, n - lt))) return -1;
    const end = b.indexOf(close, lt + 2, 'latin1');
    return end < 0 || end + close.length > n ? -1 : end + close.length;
  }

  private openRow(b: Buffer, from: number, gt: number): void {
    if (this.cells !== undefined) this.closeRow();
    let r = 0;
    for (let i = from; i < gt; ) {
      while (i < gt && isSpace(b[i]!)) i++;
      const ns = i;
      while (i < gt && b[i] !== EQUALS && !isSpace(b[i]!) && b[i] !== SLASH) i++;
      const ne = i;
      while (i < gt && b[i] !== QUOTE && b[i] !== APOSTROPHE) i++;
      if (i >= gt) break;
      const close = findByte(b, b[i]!, i + 1, gt);
      if (close < 0) break;
      if (ne - ns === 1 && b[ns] === 0x72) {
        for (let k = i + 1; k < close; k++) {
          const d = b[k]! - 0x30;
          if (d < 0 || d > 9) {
            r = 0;
            break;
          }
          r = r * 10 + d;
        }
      }
      i = close + 1;
    }
    this.rowNumber = r > 0 ? r : this.rowNumber + 1;
    this.cells = [];
    this.column = 0;
  }

  private closeRow(): void {
    const cells = this.cells;
    if (cells === undefined) return;
    this.cells = undefined;
    this.onRow(cells, this.rowNumber);
  }

  /**
   * A cell whose name ends at `from`: reads it whole and returns the index after it, or -1 when
   * its end is not in the buffer yet.
   */
  private cell(b: Buffer, from: number, n: number): number {
    // The attributes and the tag's end in one pass.
    const a = this.attributes;
    a.rStart = a.rEnd = a.tStart = a.tEnd = -1;
    a.style = 0;
    let gt = -1;
    for (let i = from; i < n; ) {
      const c = b[i]!;
      if (c === GT) {
        gt = i;
        break;
      }
      if (c === SLASH || isSpace(c)) {
        i++;
        continue;
      }
      const ns = i;
      while (i < n && b[i] !== EQUALS && b[i] !== GT && !isSpace(b[i]!)) i++;
      const ne = i;
      while (i < n && b[i] !== QUOTE && b[i] !== APOSTROPHE && b[i] !== GT) i++;
      if (i >= n) return -1;
      if (b[i] === GT) continue; // an attribute without a value: not XML, but not ours to judge
      const close = findByte(b, b[i]!, i + 1, n);
      if (close < 0) return -1;
      if (ne - ns === 1) {
        const name = b[ns];
        if (name === 0x72) (a.rStart = i + 1), (a.rEnd = close);
        else if (name === 0x74) (a.tStart = i + 1), (a.tEnd = close);
        else if (name === 0x73) {
          let style = 0;
          for (let k = i + 1; k < close; k++) style = style * 10 + (b[k]! - 0x30);
          a.style = style;
        }
      }
      i = close + 1;
    }
    if (gt < 0) return -1;
    this.valueStart = this.valueEnd = -1;
    this.inline = undefined;
    let column = this.column;
    if (a.rStart >= 0) {
      let letters = 0;
      for (let k = a.rStart; k < a.rEnd; k++) {
        const c = b[k]! | 0x20; // lower case
        if (c < 0x61 || c > 0x7a) break;
        letters = letters * 26 + (c - 0x60);
      }
      if (letters > 0) column = letters - 1;
    }
    if (column >= MAX_COLUMNS) throw new XmlError('column');
    this.cellColumn = column;
    let end: number;
    if (b[gt - 1] === SLASH) end = gt + 1;
    else {
      end = this.cellContent(b, gt + 1, n);
      if (end < 0) return -1;
    }
    this.place(b);
    return end;
  }

  /** The children of a cell from `p`: its value, inline string and formula. The index after `</c>`, or -1. */
  private cellContent(b: Buffer, p: number, n: number): number {
    for (;;) {
      const t = this.tag;
      if (!nextTag(b, p, n, t)) return -1;
      const { closing, ls, e, gt } = t;
      if (closing) {
        if (e - ls === 1 && b[ls] === 0x63) return gt + 1;
        p = gt + 1;
        continue;
      }
      if (b[gt - 1] === SLASH) {
        // <v/>: an empty value; <f .../>: a shared formula's follower.
        if (e - ls === 1 && b[ls] === 0x76) this.valueStart = this.valueEnd = gt;
        p = gt + 1;
        continue;
      }
      if (e - ls === 1 && (b[ls] === 0x76 || b[ls] === 0x66)) {
        // <v>text</v>, <f>formula</f>: text up to the next tag, which closes it.
        const textEnd = findByte(b, LT, gt + 1, n);
        if (textEnd < 0) return -1;
        if (b[ls] === 0x76) (this.valueStart = gt + 1), (this.valueEnd = textEnd);
        p = textEnd;
        continue;
      }
      if (e - ls === 2 && b[ls] === 0x69 && b[ls + 1] === 0x73) {
        // <is>: runs of <t> joined, phonetic runs left out.
        const end = this.inlineString(b, gt + 1, n);
        if (end < 0) return -1;
        p = end;
        continue;
      }
      p = gt + 1;
    }
  }

  /** An inline string's text from `p`, into this.inline; the index after `</is>`, or -1. */
  private inlineString(b: Buffer, p: number, n: number): number {
    let text = '';
    let phonetic = 0;
    for (;;) {
      const t = this.tag;
      if (!nextTag(b, p, n, t)) return -1;
      const { closing, ls, e, gt } = t;
      p = gt + 1;
      if (closing) {
        if (isName(b, ls, e, 'is')) {
          this.inline = text;
          return p;
        }
        if (isName(b, ls, e, 'rPh')) phonetic = Math.max(0, phonetic - 1);
        continue;
      }
      if (b[gt - 1] === SLASH) continue;
      if (isName(b, ls, e, 'rPh')) phonetic++;
      else if (e - ls === 1 && b[ls] === 0x74) {
        const textEnd = findByte(b, LT, p, n);
        if (textEnd < 0) return -1;
        if (phonetic === 0) text += text === '' ? this.columnText(b, p, textEnd) : decodeText(b, p, textEnd);
        p = textEnd;
      }
    }
  }

  /** Text [s, e) of the current cell, the column's last string when the bytes are the same. */
  private columnText(b: Buffer, s: number, e: number): string {
    const n = e - s;
    const column = this.cellColumn;
    if (n > 64 || column >= 256) return decodeText(b, s, e);
    let last = this.lastBytes[column];
    if (last !== undefined && this.lastLength[column] === n) {
      let same = true;
      for (let i = 0; i < n; i++) {
        if (last[i] !== b[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastText[column]!;
    }
    const text = decodeText(b, s, e);
    if (last === undefined) last = this.lastBytes[column] = Buffer.allocUnsafe(64);
    b.copy(last, 0, s, e);
    this.lastLength[column] = n;
    this.lastText[column] = text;
    return text;
  }

  /** Puts the cell just read into the row. */
  private place(b: Buffer): void {
    const cells = this.cells;
    if (cells === undefined) return; // a cell outside any row
    const column = this.cellColumn;
    this.column = column + 1;
    const value = this.value(b);
    if (value === null) return;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  }

  private value(b: Buffer): Cell {
    const a = this.attributes;
    const type = a.tStart < 0 ? 0x6e /* n */ : a.tEnd - a.tStart === 1 ? b[a.tStart]! : a.tEnd - a.tStart === 3 ? 0x53 /* str */ : a.tEnd - a.tStart === 9 ? 0x49 /* inlineStr */ : 0x6e;
    if (type === 0x49) {
      if (this.inline !== undefined) return this.inline;
    }
    const s = this.valueStart;
    const e = this.valueEnd;
    if (s < 0 || s === e) return type === 0x49 || type === 0x53 ? (s < 0 ? null : '') : null;
    switch (type) {
      case 0x73: {
        // s: a shared string
        let index = 0;
        for (let k = s; k < e; k++) {
          const d = b[k]! - 0x30;
          if (d < 0 || d > 9) throw new XmlError('shared string index');
          index = index * 10 + d;
        }
        const text = this.context.shared[index];
        if (text === undefined) throw new XmlError('shared string index');
        return text;
      }
      case 0x62: // b
        return decodeNumber(b, s, e) !== 0;
      case 0x65: // e: an error (#N/A, #DIV/0!): no value
        return null;
      case 0x64: {
        // d: an ISO date
        const text = decodeText(b, s, e);
        return decodeIsoDate(text) ?? text;
      }
      case 0x53:
      case 0x49:
        return this.columnText(b, s, e);
      default: {
        const number = decodeNumber(b, s, e);
        if (typeof number === 'number' && this.context.dateStyles[a.style] === 1) {
          return new Date(Math.round((number - EPOCH_1900 + (this.context.date1904 ? EPOCH_1904_SHIFT : 0)) * MS_PER_DAY));
        }
        return number;
      }
    }
  }
}
