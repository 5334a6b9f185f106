// Decoded CSV text into records. csv-parse is the parser of record: it decides the record
// delimiter, and every line with a doubled quote, a quote inside a field, or a line break it
// would keep inside a field is parsed by it. The other lines — nearly all of a typical export,
// and of one that quotes every field — csv-parse would only split at each delimiter (taking a
// field wrapped in quotes as the text between them); they are split so here, with indexOf,
// which is what makes a million lines cost a fraction of a second. A plain line can be offered
// in place (field bounds, no strings) to a SpanSink first. The records and their line numbers
// are the same either way (tested against csv-parse on its own).
import { Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { RecordSink, SpanSink } from './records.js';

const QUOTE = 0x22;
/** Plain lines tolerated between two that need csv-parse before a csv-parse segment is closed. */
const SEGMENT_GAP_LINES = 8;
/** Text looked at to let csv-parse discover the record delimiter; doubled while none is found. */
const DISCOVERY_CHARS = 64 * 1024;

/** A csv-parse failure that says where, in the input's own line numbers. */
/** csv-parse's refusal, with where it happened: `line` of the input (from 1), `column` the field (from 1) where known. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

function csvParseOptions(delimiter: string, recordDelimiter: string | undefined): Record<string, unknown> {
  return recordDelimiter === undefined
    ? { delimiter, relax_column_count: true, relax_quotes: true }
    : { delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: recordDelimiter };
}

/** The record delimiter csv-parse settles on for this text, if it meets one outside quotes. */
function discoverRecordDelimiter(text: string, delimiter: string): string | undefined {
  const parser = new Parser(csvParseOptions(delimiter, undefined));
  parser.on('error', () => undefined);
  parser.on('data', () => undefined);
  parser.write(text);
  const found = parser.options.record_delimiter[0];
  parser.destroy();
  return found === undefined ? undefined : found.toString('utf8');
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
  /** The line ending, when another reader has settled it (a worker's range of a file). */
  recordDelimiter?: string | undefined;
  /** Text gathered before the line ending is looked for (tests make it small). */
  discoveryChars?: number;
}

/**
 * Feed decoded text with `write`, then call `end`; records reach `sink` in order with the line
 * on which each starts (from 1).
 */
export class CsvLines {
  private pending = '';
  private recordDelimiter: string | undefined;
  private nextDiscovery: number;
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
    this.recordDelimiter = options.recordDelimiter;
    this.nextDiscovery = options.discoveryChars ?? DISCOVERY_CHARS;
  }

  /** Lines consumed so far (after `end`: all of them). */
  get lines(): number {
    return this.line - 1;
  }

  /** The line ending csv-parse settled on (or the one given); undefined until known. */
  get lineEnding(): string | undefined {
    return this.recordDelimiter;
  }

  write(text: string): void {
    if (text === '') return;
    if (this.waitFor > 0) {
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
    const rd = this.recordDelimiter;
    if (rd !== undefined && this.pending !== '') {
      // Finish the carried line on its own, so the new text is not copied into one string with it.
      const lineEnd = text.indexOf(rd);
      if (lineEnd >= 0) {
        const joined = this.pending + text.slice(0, lineEnd + rd.length);
        const used = this.consume(joined, false);
        const rest = text.slice(lineEnd + rd.length);
        if (used < joined.length) {
          // A csv-parse segment that wants more lines takes the long way: all of it in one string.
          this.pending = joined.slice(used) + rest;
          this.consumePending();
          return;
        }
        this.pending = '';
        text = rest;
        if (text === '') return;
      }
    }
    this.pending = this.pending === '' ? text : this.pending + text;
    if (this.recordDelimiter === undefined) {
      if (this.pending.length < this.nextDiscovery) return;
      this.recordDelimiter = discoverRecordDelimiter(this.pending.slice(0, this.nextDiscovery), this.delimiter);
      if (this.recordDelimiter === undefined) {
        this.nextDiscovery *= 2;
        return;
      }
    }
    this.consumePending();
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
    if (this.waitFor > 0) {
      this.pending = this.waiting.join('');
      this.waiting = [];
      this.waitFor = 0;
    }
    if (this.recordDelimiter === undefined) this.recordDelimiter = discoverRecordDelimiter(this.pending, this.delimiter);
    if (this.recordDelimiter === undefined) {
      // No line break outside quotes anywhere: at most one record, csv-parse's to read.
      if (this.pending !== '') this.segment(this.pending, false);
    } else this.consume(this.pending, true);
    this.pending = '';
  }

  /** Emits the complete records of `text` (all of it when `final`); returns where the rest starts. */
  private consume(text: string, final: boolean): number {
    const rd = this.recordDelimiter!;
    this.delimiterFrom = Number.POSITIVE_INFINITY;
    const rdLength = rd.length;
    const sink = this.sink;
    const spans = this.spans;
    // A line feed that is not (part of) the record delimiter would stay inside a field.
    const strayBreak = rd === '\n' ? '' : '\n';
    const n = text.length;
    let nextQuote = text.indexOf('"');
    let nextStray = strayBreak === '' ? -1 : text.indexOf(strayBreak);
    /**
     * The fields of the line [from, to) into this.bounds, or -1 when csv-parse must read it
     * (a stray line feed, or a quote anywhere but around a whole field). `from` never goes
     * back between calls but after a failed segment (which looks again).
     */
    const plainLine = (from: number, to: number): number => {
      if (nextStray >= 0 && nextStray < from) nextStray = text.indexOf(strayBreak, from);
      if (nextStray >= 0 && nextStray < to) return -1;
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
      nextStray = strayBreak === '' ? -1 : text.indexOf(strayBreak, segmentEnd);
      const atEnd = final && segmentEnd === n;
      if (!this.segment(text.slice(pos, segmentEnd), !atEnd)) {
        // Ended inside a quoted field: try once more with every line there is; if that is not
        // enough either, wait for more text (see write).
        this.extraLines = Number.POSITIVE_INFINITY;
        if (extra > 0 || (!final && text.indexOf(rd, segmentEnd) < 0)) break;
        // The look-ahead moved past this line's quote: look again from here.
        nextQuote = text.indexOf('"', pos);
        nextStray = strayBreak === '' ? -1 : text.indexOf(strayBreak, pos);
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
    const delimiter = this.delimiter;
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
      records = parseSync(text, csvParseOptions(this.delimiter, this.recordDelimiter)) as string[][];
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
      this.sink(record, this.line);
      this.line += 1 + lineBreaksIn(record);
    }
    return true;
  }
}
