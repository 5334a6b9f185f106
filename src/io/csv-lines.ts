// Decoded CSV text into records. csv-parse is the parser of record: it decides the record
// delimiter, and every line with a doubled quote, a quote inside a field, or a line break it
// would keep inside a field is parsed by it. The other lines — nearly all of a typical export,
// and of one that quotes every field — csv-parse would only split at each delimiter (taking a
// field wrapped in quotes as the text between them); they are split so here, with indexOf,
// which is what makes a million lines cost a fraction of a second. A plain line can be offered
// in place (field bounds, no strings) to a SpanSink first. The records and their line numbers
// are the same either way (tested against csv-parse on its own).
//
// A line ends at LF, CRLF or CR, whichever each line uses (SPEC §1: a Windows export appended
// to on Linux mixes them): the text is normalised to LF as it comes (a CR at the end of a piece
// waits for the next), so csv-parse and the fast path both see one record delimiter, and a line
// break inside a quoted field is one line whatever it was.
import { parse as parseSync } from 'csv-parse/sync';
import type { RecordSink, SpanSink } from './records.js';

const QUOTE = 0x22;
/** Plain lines tolerated between two that need csv-parse before a csv-parse segment is closed. */
const SEGMENT_GAP_LINES = 8;
/**
 * The longest record read (a line, or a quoted field's lines): past it the file is not a ledger
 * (a line break missing, a quote never closed) and holding on would only end out of memory.
 */
const MAX_LINE_CHARS = 256 * 2 ** 20;

/** Every line ending (CRLF, or a CR alone) that is not a bare LF. */
const CR_ENDINGS = /\r\n?/g;

/** csv-parse's refusal, with where it happened: `line` of the input (from 1), `column` the field (from 1) where known. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The line the problem starts on. */
    readonly line: number,
    readonly column?: number,
    /** For a stray quote, the lines it takes in; for a record too long, the limit in millions of characters. */
    readonly lines?: number,
  ) {
    super(message);
  }
}

function csvParseOptions(delimiter: string): Record<string, unknown> {
  return { delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: '\n' };
}

/** Line endings (LF, CRLF or CR) in a text. */
export function lineEndings(text: string): number {
  let n = 0;
  for (let at = text.search(/[\r\n]/); at >= 0; ) {
    n++;
    const next = text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
    const rest = text.slice(next).search(/[\r\n]/);
    at = rest < 0 ? -1 : next + rest;
  }
  return n;
}

function lineBreaksIn(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (field.length === 0) continue;
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) n++;
  }
  return n;
}

export interface CsvLinesOptions {
  /** Offered each plain line in place first (see SpanSink). */
  spans?: SpanSink | undefined;
}

/**
 * Feed decoded text with `write`, then call `end`; records reach `sink` in order with the line
 * on which each starts (from 1).
 */
export class CsvLines {
  private pending = '';
  /** The text's last CR, held back: the next piece may start with its LF. */
  private heldCr = false;
  private line = 1;
  /** Lines to add to a csv-parse segment: 1, or all there are after one ended inside a quoted field. */
  private extraLines = 1;

  /** delimiterAfter's memory, for the text consume is reading: searched from, found at (-1: none). */
  private delimiterFrom = Number.POSITIVE_INFINITY;
  private delimiterAt = -1;
  /** Field bounds of the current plain line, for `spans`. */
  private bounds: Int32Array = new Int32Array(64);

  private readonly spans: SpanSink | undefined;
  private readonly delimiterCode: number;
  /** Text length to wait for before trying again a csv-parse segment that ended inside quotes. */
  private waitFor = 0;
  /** The text while waiting (pending's text first), joined when there is enough. */
  private waiting: string[] = [];
  private waitingLength = 0;

  constructor(
    private readonly delimiter: string,
    private readonly sink: RecordSink,
    options: CsvLinesOptions = {},
  ) {
    this.spans = options.spans;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Lines consumed so far (after `end`: all of them). */
  get lines(): number {
    return this.line - 1;
  }

  /** The line on which `text` would end if it were written now (it is not): where a decoder stopped. */
  lineAfter(text: string): number {
    let line = this.line + lineEndings((this.heldCr ? '\r' : '') + text);
    for (const part of [this.pending, ...this.waiting]) line += lineEndings(part);
    return line;
  }

  write(piece: string): void {
    const text = this.normalized(piece);
    if (text === '') return;
    if (this.waitFor > 0) {
      if (this.waitingLength > MAX_LINE_CHARS) throw this.tooLong();
      // A quoted field runs on past the text so far: parse again only once the text has doubled
      // (a field of many megabytes is then parsed a few times, not once per piece). The pieces
      // are joined once, into one flat string: a string built by += is a tree V8 reads slowly.
      this.waiting.push(text);
      this.waitingLength += text.length;
      if (this.waitingLength < this.waitFor) return;
      this.pending = this.waiting.join('');
      this.waiting = [];
      this.waitFor = 0;
      this.consumePending();
      return;
    }
    if (this.pending !== '') {
      // Finish the carried line on its own, so the new text is not copied into one string with it.
      const lineEnd = text.indexOf('\n');
      if (lineEnd >= 0) {
        const joined = this.pending + text.slice(0, lineEnd + 1);
        const used = this.consume(joined, false);
        const rest = text.slice(lineEnd + 1);
        if (used < joined.length) {
          // A csv-parse segment that wants more lines takes the long way: all of it in one string.
          this.pending = joined.slice(used) + rest;
          this.consumePending();
          return;
        }
        this.pending = '';
        if (rest === '') return;
        this.pending = rest;
        this.consumePending();
        return;
      }
      // The carried line goes on (pending never holds a whole line here): nothing to look for
      // until a line break comes, so a line of many megabytes costs its length, not its square.
      this.pending += text;
      if (this.pending.length > MAX_LINE_CHARS) throw this.tooLong();
      return;
    }
    this.pending = this.pending === '' ? text : this.pending + text;
    this.consumePending();
  }

  private tooLong(): CsvSyntaxError {
    return new CsvSyntaxError(`a record from line ${this.line} on is longer than ${MAX_LINE_CHARS / 2 ** 20} M characters`, 'CSV_LINE_TOO_LONG', this.line, undefined, MAX_LINE_CHARS / 2 ** 20);
  }

  /** The piece with every CRLF and lone CR made an LF; a CR at its very end waits for the next piece. */
  private normalized(piece: string): string {
    let text = piece;
    if (this.heldCr) {
      this.heldCr = false;
      text = '\r' + text;
    }
    if (text.indexOf('\r') < 0) return text;
    if (text.charCodeAt(text.length - 1) === 0x0d) {
      this.heldCr = true;
      text = text.slice(0, -1);
    }
    return text.replace(CR_ENDINGS, '\n');
  }

  private consumePending(): void {
    this.pending = this.pending.slice(this.consume(this.pending, false));
    if (this.extraLines === Number.POSITIVE_INFINITY) {
      this.waitFor = 2 * this.pending.length;
      this.waiting = [this.pending];
      this.waitingLength = this.pending.length;
      this.pending = '';
    }
  }

  end(): void {
    if (this.heldCr) {
      this.heldCr = false;
      this.write('\n');
    }
    if (this.waitFor > 0) {
      this.pending = this.waiting.join('');
      this.waiting = [];
      this.waitFor = 0;
    }
    this.consume(this.pending, true);
    this.pending = '';
  }

  /** Emits the complete records of `text` (all of it when `final`); returns where the rest starts. */
  private consume(text: string, final: boolean): number {
    const rd = '\n';
    this.delimiterFrom = Number.POSITIVE_INFINITY;
    const rdLength = 1;
    const sink = this.sink;
    const spans = this.spans;
    const n = text.length;
    let nextQuote = text.indexOf('"');
    /**
     * The fields of the line [from, to) into this.bounds, or -1 when csv-parse must read it
     * (a quote anywhere but around a whole field). `from` never goes back between calls but
     * after a failed segment (which looks again).
     */
    const plainLine = (from: number, to: number): number => {
      if (nextQuote >= 0 && nextQuote < from) nextQuote = text.indexOf('"', from);
      return this.split(text, from, to, nextQuote >= 0 && nextQuote < to);
    };
    let pos = 0;
    while (pos < n) {
      const eol = text.indexOf(rd, pos);
      if (eol < 0 && !final) break;
      const end = eol < 0 ? n : eol;
      const count = plainLine(pos, end);
      if (count >= 0) {
        const bounds = this.bounds;
        if (spans === undefined || !spans(text, bounds, count, this.line)) {
          const cells: string[] = new Array<string>(count);
          for (let k = 0; k < count; k++) cells[k] = text.slice(bounds[2 * k]!, bounds[2 * k + 1]!);
          sink(cells, this.line);
        }
        this.line++;
        pos = eol < 0 ? n : eol + rdLength;
        continue;
      }
      // A csv-parse segment: this line, and the lines after it while quoted lines keep coming
      // (a call costs a few lines' parsing, so close neighbours share one); after a segment
      // that ended inside a quoted field, `extraLines` more whatever they hold.
      let segmentEnd = eol < 0 ? n : eol + rdLength;
      let quiet = 0;
      let extra = this.extraLines - 1;
      let probe = segmentEnd;
      while (probe < n && (quiet < SEGMENT_GAP_LINES || extra > 0)) {
        const next = text.indexOf(rd, probe);
        if (next < 0 && !final) break;
        // Lines taken whatever they hold need no look.
        const quoted = extra > 0 || plainLine(probe, next < 0 ? n : next) < 0;
        probe = next < 0 ? n : next + rdLength;
        if (quoted || extra > 0) {
          quiet = 0;
          segmentEnd = probe;
          if (extra > 0) extra--;
        } else quiet++;
      }
      // The look-ahead may have gone past lines the loop comes back to: look again from there.
      nextQuote = text.indexOf('"', segmentEnd);
      const atEnd = final && segmentEnd === n;
      if (!this.segment(text.slice(pos, segmentEnd), !atEnd)) {
        // Ended inside a quoted field: try once more with every line there is; if that is not
        // enough either, wait for more text (see write).
        this.extraLines = Number.POSITIVE_INFINITY;
        if (extra > 0 || (!final && text.indexOf(rd, segmentEnd) < 0)) break;
        // The look-ahead moved past this line's quote: look again from here.
        nextQuote = text.indexOf('"', pos);
        continue;
      }
      this.extraLines = 1;
      pos = segmentEnd;
    }
    return pos;
  }

  /**
   * Splits the line [start, end) at the delimiter into this.bounds and returns the number of
   * fields; -1 when csv-parse must read it. With `quoted` (the line holds a quote), a field may
   * be wrapped in quotes with no quote inside — csv-parse makes that the text between them, and
   * so does this — and any other quote is csv-parse's to read (doubled quotes, a quote inside a
   * field, text after a closing quote).
   */
  private split(text: string, start: number, end: number, quoted: boolean): number {
    let bounds = this.bounds;
    let count = 0;
    let from = start;
    // The next quote at or after `from` (looked up again only once passed).
    let quoteAt = quoted ? text.indexOf('"', start) : -1;
    for (;;) {
      let fieldStart = from;
      let fieldEnd: number;
      let next: number;
      if (quoted && from < end && text.charCodeAt(from) === QUOTE) {
        const close = text.indexOf('"', from + 1);
        if (close < 0 || close >= end) return -1;
        next = close + 1;
        if (next < end && text.charCodeAt(next) !== this.delimiterCode) return -1;
        fieldStart = from + 1;
        fieldEnd = close;
      } else {
        const d = this.delimiterAfter(text, from);
        next = fieldEnd = d >= 0 && d < end ? d : end;
        if (quoteAt >= 0 && quoteAt < from) quoteAt = text.indexOf('"', from);
        if (quoteAt >= 0 && quoteAt < fieldEnd) return -1;
      }
      if (2 * count + 2 > bounds.length) bounds = this.growBounds();
      bounds[2 * count] = fieldStart;
      bounds[2 * count + 1] = fieldEnd;
      count++;
      if (next >= end) return count;
      from = next + 1;
    }
  }

  /**
   * The first delimiter at or after `from`. Remembered, since a line without one (a long quoted
   * note's lines, a title row) would otherwise send indexOf far past its end for every line.
   */
  private delimiterAfter(text: string, from: number): number {
    if (from < this.delimiterFrom || (this.delimiterAt >= 0 && from > this.delimiterAt)) {
      this.delimiterFrom = from;
      this.delimiterAt = text.indexOf(this.delimiter, from);
    }
    return this.delimiterAt;
  }

  private growBounds(): Int32Array {
    const bounds = new Int32Array(this.bounds.length * 2);
    bounds.set(this.bounds);
    this.bounds = bounds;
    return bounds;
  }

  /**
   * Parses `text` with csv-parse; false when it ends inside a quoted field and `more` text may
   * close it; at the very end that is an error.
   */
  private segment(text: string, more: boolean): boolean {
    let records: string[][];
    try {
      records = parseSync(text, csvParseOptions(this.delimiter)) as string[][];
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'CSV_QUOTE_NOT_CLOSED') {
        if (more) return false;
        throw new CsvSyntaxError(`Quote Not Closed: the parsing is finished with an opening quote at line ${this.line}`, code, this.line);
      }
      const at = error as { lines?: number; column?: unknown };
      const line = this.line + Math.max(0, (at.lines ?? 1) - 1);
      throw new CsvSyntaxError((error as Error).message, code || 'CSV_ERROR', line, typeof at.column === 'number' ? at.column + 1 : undefined);
    }
    for (const record of records) {
      const breaks = lineBreaksIn(record);
      if (breaks > 0) this.refuseSwallowedRows(record, breaks);
      this.sink(record, this.line);
      this.line += 1 + breaks;
    }
    return true;
  }

  /**
   * A quoted field may run over several lines (a note), but one whose later lines split into as
   * many fields as its own record has is rows taken in by a stray opening quote: reading on
   * would silently drop them, so it is an error naming the line the quote opens on.
   */
  private refuseSwallowedRows(record: readonly string[], breaks: number): void {
    const needed = Math.max(1, record.length - 1);
    for (const field of record) {
      let at = field.indexOf('\n');
      while (at >= 0) {
        const next = field.indexOf('\n', at + 1);
        const line = field.slice(at + 1, next < 0 ? field.length : next);
        let delimiters = 0;
        for (let d = line.indexOf(this.delimiter); d >= 0 && delimiters < needed; d = line.indexOf(this.delimiter, d + 1)) delimiters++;
        if (delimiters >= needed) {
          throw new CsvSyntaxError(`a quote opened at line ${this.line} takes in the ${breaks} lines after it as one field (a stray quote?)`, 'CSV_STRAY_QUOTE', this.line, undefined, breaks);
        }
        at = next;
      }
    }
  }
}
