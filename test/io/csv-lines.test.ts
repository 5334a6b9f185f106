import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvLines, CsvSyntaxError } from '../../src/io/csv-lines.js';

interface Parsed {
  records: { cells: string[]; line: number }[];
  lines: number;
}

/**
 * The reference: csv-parse on the whole text with every line ending made an LF (SPEC §1: LF,
 * CRLF or CR, whichever each line uses), line numbers counted as kam always counted them; a
 * field running over lines that look like rows of its record (as many delimiters as the record
 * has fields, less one) is a stray quote's doing and an error.
 */
function reference(text: string, delimiter: string): Parsed {
  const records: { cells: string[]; line: number }[] = [];
  let line = 1;
  const normalised = text.replace(/\r\n?/g, '\n');
  for (const cells of parse(normalised, { delimiter, relax_column_count: true, relax_quotes: true, record_delimiter: '\n' }) as string[][]) {
    const needed = Math.max(1, cells.length - 1);
    for (const field of cells) {
      if (field.split('\n').slice(1).some((l) => l.split(delimiter).length - 1 >= needed)) throw new CsvSyntaxError('stray quote', 'CSV_STRAY_QUOTE');
    }
    records.push({ cells, line });
    line += 1;
    for (const field of cells) line += field.split('\n').length - 1;
  }
  return { records, lines: line - 1 };
}

/** CsvLines fed `text` in pieces cut at `cuts` (fractions of the length). */
/**
 * CsvLines fed `text` in pieces cut at `cuts` (fractions of the length). With `takeSpans`, a
 * span sink takes every other plain line it is offered (reading the fields from their bounds)
 * and leaves the rest to come back as cells.
 */
function split(text: string, delimiter: string, cuts: number[] = [], takeSpans = false): Parsed {
  const records: { cells: string[]; line: number }[] = [];
  let offered = 0;
  const spans = (t: string, bounds: Int32Array, count: number, line: number): boolean => {
    if (offered++ % 2 === 1) return false;
    records.push({ cells: Array.from({ length: count }, (_, k) => t.slice(bounds[2 * k], bounds[2 * k + 1])), line });
    return true;
  };
  const lines = new CsvLines(delimiter, (cells, line) => records.push({ cells: cells as string[], line }), { spans: takeSpans ? spans : undefined });
  const at = [...new Set(cuts.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, text.length]) {
    lines.write(text.slice(from, to));
    from = to;
  }
  lines.end();
  return { records, lines: lines.lines };
}

/** The records, or the kind of error: a quote never closed and a stray quote are one kind (which is met first depends on how far csv-parse reads). */
function outcome(run: () => Parsed): Parsed | { error: string } {
  try {
    return run();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return { error: code === 'CSV_STRAY_QUOTE' || code === 'CSV_QUOTE_NOT_CLOSED' ? 'quote' : code };
  }
}

describe('CsvLines gives the records csv-parse gives', () => {
  it('splits plain lines at the delimiter and numbers them', () => {
    const wide = `${'x,'.repeat(99)}y\n`;
    expect(split(wide + wide, ',', [], true).records.map((r) => r.cells.length)).toEqual([100, 100]);
    expect(split('a,b,c\n1,2,3\n\n4,,6', ',')).toEqual({
      records: [
        { cells: ['a', 'b', 'c'], line: 1 },
        { cells: ['1', '2', '3'], line: 2 },
        { cells: [''], line: 3 },
        { cells: ['4', '', '6'], line: 4 },
      ],
      lines: 4,
    });
  });

  it('hands quoted lines to csv-parse, line breaks inside fields counted', () => {
    const text = 'client;note;amount\r\nA;"two\r\nlines";1\r\nB;"say ""hi""";2\r\nC;x;3\r\n';
    expect(split(text, ';')).toEqual(reference(text, ';'));
    expect(split(text, ';').records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });

  it('ends each line at LF, CRLF or CR, whichever it uses (a CRLF export appended to with LF rows)', () => {
    for (const text of ['a,b\r\nc\nd,e\r\nf,g\r\n', 'a,b\nc\r,d\ne,f\r\n', 'a,b\rc,d\re\nf,g\r', 'x,"1\n2"\ny,3', '"a\nb",c']) {
      expect(split(text, ',')).toEqual(reference(text, ','));
    }
    const crlfThenLf = 'client,amount\r\nA,1\r\nB,2\r\nC,3\nD,4\nE,5\n';
    expect(split(crlfThenLf, ',').records.map((r) => r.cells)).toEqual([['client', 'amount'], ['A', '1'], ['B', '2'], ['C', '3'], ['D', '4'], ['E', '5']]);
    // A CR at the end of one piece and its LF at the start of the next are one line ending.
    expect(split('a,b\r\nc,d\r\ne,f', ',', [3 / 15, 9 / 15]).records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(split('a,b\rc,d\n\re,f\r\n', ',').records.map((r) => [r.line, ...r.cells])).toEqual([[1, 'a', 'b'], [2, 'c', 'd'], [3, ''], [4, 'e', 'f']]);
  });

  it('refuses a stray opening quote that takes in the rows after it, naming its line', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `C${i},2025-01-01,${i}`).join('\n');
    const run = (): Parsed => split(`client,date,amount\nA,2025-01-01,1\n"B,2025-01-01,2\n${rows}\n"Z Ltd",2025-01-02,3\n`, ',');
    expect(run).toThrow(CsvSyntaxError);
    expect(run).toThrow(/line 3/);
    // A note over several lines is no stray quote.
    expect(split('client,note,amount\nA,"call back,\nthen ship",1\n', ',').records).toHaveLength(2);
  });

  it('reads a quoted field of many lines that spans many chunks, and the lines after it', () => {
    const note = Array.from({ length: 5000 }, (_, i) => `line ${i}, of a long note`).join('\r\n');
    const text = `client,note,amount\r\nA,x,1\r\nB,"${note}",2\r\nC,"y",3\r\n`;
    const cuts = Array.from({ length: 40 }, (_, i) => (i + 1) / 41);
    expect(split(text, ',', cuts, true)).toEqual(reference(text, ','));
    expect(split(text, ',', cuts, true).records.map((r) => r.line)).toEqual([1, 2, 3, 5003]);
  });

  it('reads a line of 40 MB in linear time, however many pieces it comes in', () => {
    const long = `a,${'x'.repeat(40_000_000)}\nb,1\n`;
    const cuts = Array.from({ length: 640 }, (_, i) => (i + 1) / 641);
    const started = process.cpuUsage();
    const parsed = split(long, ',', cuts);
    const { user, system } = process.cpuUsage(started);
    expect(parsed.records.map((r) => [r.line, r.cells[0], r.cells[1]!.length])).toEqual([[1, 'a', 40_000_000], [2, 'b', 1]]);
    // Quadratic (each piece searched again from the line's start) took many seconds.
    expect((user + system) / 1e6).toBeLessThan(3);
  });

  it('says where a quote is never closed', () => {
    const run = (): Parsed => split('a,b\n1,2\n3,"open\n4,5\n', ',');
    expect(run).toThrow(CsvSyntaxError);
    expect(run).toThrow(/Quote Not Closed.*line 3/);
  });

  it('agrees with csv-parse on random text, however it is cut into chunks', () => {
    const piece = fc.constantFrom('a', 'b', 'Ж', ' ', '1', ',', ';', '"', '""', '\n', '\r', '\r\n', '\t', 'x"y', '');
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), fc.boolean(), (t, d, cuts, spans) => {
        expect(outcome(() => split(t, d, cuts, spans))).toEqual(outcome(() => reference(t, d)));
      }),
      { numRuns: Number(process.env.KAM_PROPERTY_RUNS ?? 3000) },
    );
  });

  it('agrees on long ledgers with scattered quoted and multi-line fields', () => {
    const row = fc.record({
      client: fc.constantFrom('A', 'B "Ltd"', '"C, Co"', 'D'),
      note: fc.constantFrom('', 'plain', '"multi\nline"', '"very\r\nlong\n\nnote"', 'in"side'),
      amount: fc.constantFrom('1', '-2.5', '3,5'),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (rows, eols, cuts) => {
        // Line endings mixed line by line, as in a file appended to on another system.
        const text = ['client,note,amount', ...rows.map((r) => `${r.client},${r.note},${r.amount}`)].map((l, i) => l + eols[i % eols.length]!).join('');
        expect(outcome(() => split(text, ',', cuts, true))).toEqual(outcome(() => reference(text, ',')));
      }),
      { numRuns: 300 },
    );
  });
});
