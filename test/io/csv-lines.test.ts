import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvLines, CsvSyntaxError } from '../../src/io/csv-lines.js';

interface Parsed {
  records: { cells: string[]; line: number }[];
  lines: number;
}

/** The reference: csv-parse on the whole text, line numbers counted as kam always counted them. */
function reference(text: string, delimiter: string): Parsed {
  const records: { cells: string[]; line: number }[] = [];
  let line = 1;
  for (const cells of parse(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]) {
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
function split(text: string, delimiter: string, cuts: number[] = [], discoveryChars?: number, takeSpans = false): Parsed {
  const records: { cells: string[]; line: number }[] = [];
  let offered = 0;
  const spans = (t: string, bounds: Int32Array, count: number, line: number): boolean => {
    if (offered++ % 2 === 1) return false;
    records.push({ cells: Array.from({ length: count }, (_, k) => t.slice(bounds[2 * k], bounds[2 * k + 1])), line });
    return true;
  };
  const lines = new CsvLines(delimiter, (cells, line) => records.push({ cells: cells as string[], line }), { spans: takeSpans ? spans : undefined, discoveryChars });
  const at = [...new Set(cuts.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, text.length]) {
    lines.write(text.slice(from, to));
    from = to;
  }
  lines.end();
  return { records, lines: lines.lines };
}

function outcome(run: () => Parsed): Parsed | { error: string } {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).message.replace(/ at line \d+/, '') };
  }
}

describe('CsvLines gives the records csv-parse gives', () => {
  it('splits plain lines at the delimiter and numbers them', () => {
    const wide = `${'x,'.repeat(99)}y\n`;
    expect(split(wide + wide, ',', [], undefined, true).records.map((r) => r.cells.length)).toEqual([100, 100]);
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

  it('keeps what the record delimiter leaves: a lone LF under CRLF, a CR under LF', () => {
    for (const text of ['a,b\r\nc\nd,e\r\nf,g\r\n', 'a,b\nc\r,d\ne,f\r\n', 'a,b\rc,d\re\nf,g\r', 'x,"1\n2"\ny,3', '"a\nb",c']) {
      expect(split(text, ',')).toEqual(reference(text, ','));
    }
  });

  it('reads a quoted field of many lines that spans many chunks, and the lines after it', () => {
    const note = Array.from({ length: 5000 }, (_, i) => `line ${i}, of a long note`).join('\r\n');
    const text = `client,note,amount\r\nA,x,1\r\nB,"${note}",2\r\nC,"y",3\r\n`;
    const cuts = Array.from({ length: 40 }, (_, i) => (i + 1) / 41);
    expect(split(text, ',', cuts, 16, true)).toEqual(reference(text, ','));
    expect(split(text, ',', cuts, 16, true).records.map((r) => r.line)).toEqual([1, 2, 3, 5003]);
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
      fc.property(text, fc.constantFrom(',', ';', '\t'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), fc.constantFrom(1, 8, undefined), fc.boolean(), (t, d, cuts, discovery, spans) => {
        expect(outcome(() => split(t, d, cuts, discovery, spans))).toEqual(outcome(() => reference(t, d)));
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
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (rows, eol, cuts) => {
        const text = ['client,note,amount', ...rows.map((r) => `${r.client},${r.note},${r.amount}`)].join(eol) + eol;
        expect(outcome(() => split(text, ',', cuts, 16, true))).toEqual(outcome(() => reference(text, ',')));
      }),
      { numRuns: 300 },
    );
  });
});
